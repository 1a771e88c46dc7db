/**
 * The incident bar shown on every page while an incident is open, and the escalation
 * notifications. Plain DOM code: pages without islands load no Preact. The bar shows the state as
 * pageShown.ts keeps it (the cheap read, following other tabs, until something on the page makes
 * the store, then the store). It loads the store itself only to write
 * (a deadline falls due: incidentBar.onDemand.ts; posting the update: postUpdate.onDemand.ts) or
 * when the cheap read finds what it will not guess about, so the full read migrates, sets aside and
 * tells. The bar stays in view while scrolling and offers the next action.
 */
import { barActions, type BarAction } from '../lib/barActions.ts';
import type { ClockLevel } from '../lib/clocks.ts';
import { deadlines, dueValue, elapsedMs, formatClock, nextDeadline, type Deadline } from '../lib/clocks.ts';
import { deadlineText, listedDeadlines } from '../lib/listedDeadlines.ts';
import type { ClientSeverity } from '../lib/clientPlaybook.ts';
import { pageShown } from '../lib/pageShown.ts';
import { loadStore } from '../lib/pageStoreLoader.ts';
import type { EscalationStep } from '../schemas/escalation.ts';
import type { Status } from '../schemas/site.ts';
import type { ShownIncident } from '../lib/storageRead.ts';
import { ROUTES, sitePath, workspaceHref } from '../lib/urls.ts';

interface BarData {
	severities: (ClockLevel & { name: string; tone: string })[];
	escalation: EscalationStep[];
	statuses: Status[];
	/** The playbook has a status update template, for "Post update". */
	canPostUpdate: boolean;
}

function el(tag: string, className: string, text = ''): HTMLElement {
	const node = document.createElement(tag);
	node.className = className;
	node.textContent = text;
	return node;
}

/** The bar's parts the script fills in, in the order of the page's HTML (incidentBarMarkup.ts). */
type BarParts = [
	HTMLElement,
	HTMLElement,
	HTMLElement,
	HTMLElement,
	HTMLElement,
	HTMLElement,
	HTMLElement,
	HTMLElement,
	HTMLElement,
	HTMLElement,
];

/** Deadlines logged (or being logged) by this page, so one falling due is logged and notified once. */
const logging = new Set<string>();

/** Tell the responder, once per deadline, when an escalation or update falls due, and log it on the timeline. */
function notifyDue(list: Deadline[], incident: ShownIncident): void {
	for (const d of list) {
		if (d.state !== 'due' && d.state !== 'overdue') continue;
		const value = dueValue(d);
		const key = `${incident.id} ${value}`;
		if (logging.has(key) || incident.events.some((e) => e.kind === 'escalation' && e.value === value)) continue;
		logging.add(key);
		// Kept once logged, or once there is nothing to log (logged elsewhere, or listed with its rung); tried again on a failure.
		void import('./incidentBar.onDemand.ts').then((onDemand) => onDemand.logDue(incident, d, list)).catch(() => logging.delete(key));
	}
}

/** Start the bar on this page. */
export function startIncidentBar(): void {
	const root = document.getElementById('incident-bar');
	if (!root?.dataset['playbook']) return;
	const data = JSON.parse(root.dataset['playbook']) as BarData;
	// By the cheap read until something on the page makes the store, then from the store.
	const shown = pageShown();
	const onWorkspace = sitePath(location.pathname) === ROUTES.incident;

	// The parts are in the page (incidentBarMarkup.ts), updated in place, so a focused button keeps its focus as the clock ticks.
	const [main, drill, badge, title, clockTime, next, nextLabel, nextWhen, actions, status] = root.querySelectorAll<HTMLElement>(
		'[data-bar]',
	) as unknown as BarParts;
	let shownActions = '';
	let said: { text: [string, string]; until: number } = { text: ['', ''], until: 0 };

	/** Tell the outcome: in full to screen readers, in short on the bar's second line for a few seconds (the label, then what is kept whole). */
	const say = (text: string, short: [string, string]) => {
		status.textContent = text;
		said = { text: short, until: Date.now() + 8000 };
		render();
	};
	const postUpdate = async (button: HTMLButtonElement) => {
		const incident = shown.get().active;
		if (!incident) return;
		// Disabled, the button loses the focus: it gets it back after, or the bar's line does once the button is gone.
		const focused = document.activeElement === button;
		button.disabled = true;
		// Kept whole (not destructured), so the build loads it and what it needs in one step, on this click.
		const [onDemand, store] = await Promise.all([import('./postUpdate.onDemand.ts'), loadStore()]);
		// Messages read a level's id, name and update interval, which the bar's levels carry.
		const playbook = { severities: data.severities as unknown as ClientSeverity[], statuses: data.statuses };
		const outcome = await onDemand.postUpdate(store, incident.id, playbook);
		button.disabled = false;
		say(outcome.message, outcome.done ? ['Paste in', incident.channel] : [outcome.message, '']);
		if (focused) (button.isConnected ? button : (main.firstChild as HTMLElement)).focus();
		// The update's generator asks for what is missing, and shows the text to copy by hand.
		if (!outcome.done && outcome.reason !== 'gone') location.assign(outcome.href);
	};
	const actionView = (action: BarAction): HTMLElement => {
		if (action.kind === 'update') {
			const button = el('button', 'primary', action.label) as HTMLButtonElement;
			button.type = 'button';
			button.addEventListener('click', () => void postUpdate(button));
			return button;
		}
		const a = el('a', 'button', action.label);
		a.setAttribute('href', action.href);
		return a;
	};

	let noticesLoaded = false;
	const render = () => {
		const incident = shown.get().active;
		const level = incident && data.severities.find((s) => s.id === incident.severity);
		// Rare (the store found something wrong): their view loads when there are any, and shows them from then on.
		// The workspace says these itself, with the kept data to download.
		if (!onWorkspace && !noticesLoaded && shown.notices().length > 0) {
			noticesLoaded = true;
			void import('./storageNotice.onDemand.ts').then((m) => m.showNotices(root, shown));
		}
		const open = incident !== undefined && incident.resolvedAt === undefined;
		root.hidden = !open;
		document.documentElement.toggleAttribute('data-incident-open', open);
		if (!open || !incident) return;
		main.hidden = false;
		const now = Date.now();
		// At a level the playbook lacks (another playbook's, renamed since): shown as it is, with no deadline to count,
		// and the bar still leads to the workspace, which asks for a level.
		const list = level ? deadlines(incident, level, data.escalation, now, data.severities) : [];
		notifyDue(list, incident);
		const upcoming = nextDeadline(listedDeadlines(list));
		drill.hidden = !incident.drill;
		badge.className = level ? `sev sev-${level.tone}` : 'sev';
		badge.textContent = incident.severity;
		title.textContent = incident.title;
		(main.firstChild as HTMLElement).setAttribute('href', workspaceHref(incident));
		clockTime.textContent = formatClock(elapsedMs(incident, now));
		const showSaid = said.until > now;
		next.className = `incident-bar-next ${!showSaid && upcoming ? `state-${upcoming.state}` : ''}`;
		// The buttons first: the line's room is what they leave, and the label is measured against it below.
		const wanted = barActions(incident, list, location.pathname, data.canPostUpdate);
		const key = wanted.map((a) => (a.kind === 'link' ? a.href : a.kind)).join(' ');
		if (key !== shownActions) {
			actions.replaceChildren(...wanted.map(actionView));
			shownActions = key;
		}
		const [label, when] = showSaid ? said.text : upcoming ? deadlineText(upcoming, now) : ['', ''];
		nextLabel.textContent = label;
		nextWhen.textContent = when;
		// Cut short ("Escalate: Engin…"), an escalation keeps whom it brings in: the role alone, which the responder must read.
		if (!showSaid && upcoming?.escalates && nextLabel.scrollWidth > nextLabel.clientWidth) nextLabel.textContent = upcoming.label;
	};
	shown.subscribe(render);
	render();
	setInterval(() => {
		if (document.visibilityState === 'visible') render();
	}, 1000);
	document.addEventListener('visibilitychange', render);
}
