/**
 * What the incident bar writes, loaded with the page's store when a deadline falls due: the
 * deadline logged on the incident's timeline, once however many pages and tabs notice it.
 */
import { dueValue, type Deadline } from '../lib/clocks.ts';
import { findIncident, logDeadline } from '../lib/incidents.ts';
import { loadStore } from '../lib/pageStoreLoader.ts';
import type { State } from '../lib/state.ts';

/** Log that a deadline fell due; true when this call logged it (false: it already was, or the incident is gone). */
export async function logDue(incidentId: string, deadline: Deadline): Promise<boolean> {
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
	return added;
}
