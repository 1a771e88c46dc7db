/**
 * The incident bar shown on every page while an incident is open, and the escalation
 * notifications. Plain DOM code on the shared store: pages without islands load no Preact.
 */
import { urls } from '../lib/urls';
import type { ClockLevel } from '../lib/clocks';
import { deadlines, elapsedMs, formatClock, nextDeadline, type Deadline } from '../lib/clocks';
import { activeIncident, logDeadline } from '../lib/incidents';
import type { EscalationStep } from '../schemas/escalation';
import type { Status } from '../schemas/site';
import { pageStore } from '../lib/store';
import type { StorageNotice } from '../lib/storage';

interface BarData {
	severities: (ClockLevel & { name: string; tone: string })[];
	escalation: EscalationStep[];
	statuses: Status[];
}

function el(tag: string, className: string, text = ''): HTMLElement {
	const node = document.createElement(tag);
	node.className = className;
	node.textContent = text;
	return node;
}

/** Words for a deadline in the bar: "Engineering Lead in 12:04", "Escalate overdue by 1:02". */
export function deadlineText(d: Deadline, now: number): string {
	if (d.at === undefined) return d.label;
	if (d.at > now) return `${d.label} in ${formatClock(d.at - now)}`;
	return d.state === 'overdue' ? `${d.label} overdue by ${formatClock(now - d.at)}` : `${d.label} due now`;
}

/** Tell the responder, once per deadline, when an escalation or update falls due. */
function notifyDue(list: Deadline[], incidentId: string, title: string): void {
	const store = pageStore();
	for (const d of list) {
		if (d.state !== 'due' && d.state !== 'overdue') continue;
		const value = `due:${d.id}`;
		const incident = activeIncident(store.get());
		if (!incident || incident.events.some((e) => e.kind === 'escalation' && e.value === value)) continue;
		store.update((s, now) => logDeadline(s, incidentId, d, now));
		if ('Notification' in window && Notification.permission === 'granted') {
			new Notification(`${d.label} due`, { body: `${title}: ${d.detail}`, tag: `${incidentId}:${d.id}` });
		}
	}
}

/** Start the bar on this page. */
export function startIncidentBar(): void {
	const root = document.getElementById('incident-bar');
	if (!root?.dataset['playbook']) return;
	const data = JSON.parse(root.dataset['playbook']) as BarData;
	const store = pageStore();
	const onWorkspace = location.pathname.replace(/\/$/, '') === '/incident';

	const render = () => {
		const incident = activeIncident(store.get());
		const level = incident && data.severities.find((s) => s.id === incident.severity);
		const notices = onWorkspace ? [] : store.notices().map(noticeView);
		if (!incident || !level || incident.resolvedAt !== undefined) {
			root.replaceChildren(...notices);
			root.hidden = notices.length === 0;
			return;
		}
		const now = Date.now();
		const list = deadlines(incident, level, data.escalation, now);
		notifyDue(list, incident.id, incident.title);
		const next = nextDeadline(list);
		const link = el('a', 'incident-bar-link');
		link.setAttribute('href', urls.incident());
		if (incident.drill) link.append(el('span', 'drill-badge', 'DRILL'));
		link.append(el('span', `sev sev-${level.tone}`, level.id), el('span', 'incident-bar-title', incident.title));
		link.append(el('span', 'incident-bar-clock', `${formatClock(elapsedMs(incident, now))} since detection`));
		if (next) link.append(el('span', `incident-bar-next state-${next.state}`, deadlineText(next, now)));
		if (!onWorkspace) link.append(el('span', 'incident-bar-open', 'Open workspace →'));
		root.replaceChildren(link, ...notices);
		root.hidden = false;
	};
	/** A storage problem, said on every page; the workspace offers the kept data for download. */
	const noticeView = (notice: StorageNotice) => {
		const box = el('div', `storage-notice notice-${notice.kind}`);
		box.setAttribute('role', 'alert');
		const more = el('a', '', notice.backupKey ? 'Download it from the workspace' : 'Open the workspace');
		more.setAttribute('href', urls.incident());
		const dismiss = el('button', '', 'Dismiss');
		dismiss.setAttribute('type', 'button');
		dismiss.addEventListener('click', () => store.dismiss(notice));
		box.append(el('p', '', notice.message), more, document.createTextNode(' '), dismiss);
		return box;
	};
	root.setAttribute('role', 'region');
	root.setAttribute('aria-label', 'Current incident');
	render();
	store.subscribe(render);
	setInterval(() => {
		if (document.visibilityState === 'visible') render();
	}, 1000);
	document.addEventListener('visibilitychange', render);
}
