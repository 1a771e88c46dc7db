/**
 * The incident workspace's changes, loaded with the page's store on the first sign of one (a press,
 * a key, focus in the workspace): the workspace shows the incidents by the validated read without
 * the store (stateRead.ts) and loads the incident model only to change them. Applied in the order
 * they were made (workspaceChange.ts); each is timed by the store's clock as it is applied.
 */
import type { ClientPlaybook } from './clientPlaybook.ts';
import { handOver, mergeImported, type HandoverInput } from './handover.ts';
import {
	addNote,
	clearDrills,
	deleteIncident,
	importIncident,
	logEscalation,
	setActive,
	setSeverity,
	setStatus,
	updateIncident,
	type IncidentFields,
} from './incidents.ts';
import { loadStore } from './pageStoreLoader.ts';
import type { Incident, State } from './state.ts';

async function update(change: (state: State, now: number) => State): Promise<void> {
	(await loadStore()).update(change);
}

/** Change the incident's level. */
export const changeSeverity = (id: string, severity: string) => update((s, now) => setSeverity(s, id, severity, now));

/** Move the incident to a status; a closing one resolves it. */
export const changeStatus = (id: string, status: ClientPlaybook['statuses'][number]) => update((s, now) => setStatus(s, id, status, now));

/** Save the details form. */
export const editDetails = (id: string, patch: Partial<IncidentFields>) => update((s, now) => updateIncident(s, id, patch, now));

/** A rung of the escalation ladder brought in (or another escalation), on the timeline. */
export const logEscalated = (id: string, text: string, value: string) => update((s, now) => logEscalation(s, id, text, value, now));

/** A note on the timeline. */
export const note = (id: string, text: string) => update((s, now) => addNote(s, id, text, now));

/** Show another incident (on every page). */
export const open = (id: string) => update((s, now) => setActive(s, id, now));

/** Delete an incident from this browser. */
export const remove = (id: string) => update((s, now) => deleteIncident(s, id, now));

/** Delete every drill. */
export const removeDrills = () => update((s, now) => clearDrills(s, now));

/** Bring an incident in (an imported file, a shared link), as it is or replacing the one with its id. */
export const bringIn = (incident: Incident, how?: string) => update((s, now) => importIncident(s, incident, now, how));

/** Merge an incident brought in into this browser's copy of it. */
export const mergeIn = (incident: Incident, how: string) => update((s, now) => mergeImported(s, incident, now, how));

/** Hand command over, recorded on the timeline. */
export const recordHandover = (id: string, input: HandoverInput) => update((s, now) => handOver(s, id, input, now));
