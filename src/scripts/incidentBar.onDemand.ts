/**
 * What the incident bar writes, loaded with the page's store when a deadline falls due: the
 * deadline logged on the incident's timeline, and notified, once however many pages and tabs notice it.
 */
import { dueValue, type Deadline } from '../lib/clocks.ts';
import { deadlineName, listedDeadlines } from '../lib/listedDeadlines.ts';
import { findIncident, logDeadline } from '../lib/incidents.ts';
import { loadStore } from '../lib/pageStoreLoader.ts';
import type { State } from '../lib/state.ts';

/**
 * Log that a deadline fell due, and tell the responder by a notification when the browser allows them; true
 * when this call logged it (false: it already was, by this page or another, or the incident is gone).
 */
export async function logDue(incident: { id: string; title: string }, due: Deadline, list: readonly Deadline[]): Promise<boolean> {
	const incidentId = incident.id;
	// As the workspace lists it: the level's escalation, one line with the rung it brings in then, is logged and
	// notified as that line, once ("Escalate: Engineering Lead"), not as two.
	const listed = listedDeadlines(list).find((d) => d.id === due.id);
	if (!listed) return false;
	const deadline = { ...listed, label: deadlineName(listed) };
	const store = await loadStore();
	const value = dueValue(deadline);
	const logged = (state: State) =>
		findIncident(state, incidentId)?.events.some((e) => e.kind === 'escalation' && e.value === value) ?? false;
	let added = false;
	store.update((state, now) => {
		const next = logDeadline(state, incidentId, deadline, now);
		added = !logged(state) && logged(next);
		return next;
	});
	if (added && 'Notification' in window && Notification.permission === 'granted')
		new Notification(`${deadline.label} due`, { body: `${incident.title}: ${deadline.detail}`, tag: `${incidentId}:${deadline.id}` });
	return added;
}
