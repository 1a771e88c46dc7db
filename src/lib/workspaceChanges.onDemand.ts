/**
 * The incident workspace's changes, loaded with the page's store on the first sign of one (a press,
 * a key, focus in the workspace): the workspace shows the incidents by the validated read without
 * the store (stateRead.ts) and loads the incident model only to change them. Applied in the order
 * they were made (workspaceChange.ts). A level, a status, a note or an escalation is timed as it was
 * pressed and held until applied, for the next page should this one be left first (heldChanges.ts);
 * the rest are timed by the store's clock as they are applied.
 */
import type { WorkspaceEdit } from './heldChanges.ts';
import { handOver, mergeImported, type HandoverInput } from './handover.ts';
import {
	addNote,
	clearDrills,
	deleteIncident,
	importIncident,
	logEscalation,
	setActive,
	setSeverity,
	setResponder,
	setStatus,
	updateIncident,
	type IncidentFields,
} from './incidents.ts';
import { loadStore } from './pageStoreLoader.ts';
import type { Incident, State } from './state.ts';
import { findIncident } from './stateRead.ts';

async function update(change: (state: State, now: number) => State): Promise<void> {
	(await loadStore()).update(change);
}

/**
 * A workspace change applied to a state at the time it was pressed: by this page once the store is
 * here, or by the next page should this one be left first (checklistChanges.onDemand.ts). A level
 * or status older than the incident's last change of it changes nothing (another tab changed it
 * since), and applying one twice changes nothing more (the same level, status or rung; the same note
 * at the same moment).
 */
export function withWorkspaceEdit(state: State, { incident: id, edit, at }: WorkspaceEdit): State {
	const incident = findIncident(state, id);
	if (!incident) return state;
	const newer = (field: string) => (incident.clock[field] ?? 0) > at;
	if ('severity' in edit) return newer('severity') ? state : setSeverity(state, id, edit.severity, at);
	if ('status' in edit) return newer('status') ? state : setStatus(state, id, edit.status, at);
	if ('escalated' in edit) return logEscalation(state, id, edit.escalated.text, edit.escalated.value, at);
	const text = edit.note.trim();
	return incident.events.some((e) => e.kind === 'note' && e.at === at && e.text === text) ? state : addNote(state, id, text, at);
}

/** Apply a level, a status, a note or an escalation, as pressed. */
export const applyEdit = (change: WorkspaceEdit) => update((s) => withWorkspaceEdit(s, change));

/** Save the details form. */
export const editDetails = (id: string, patch: Partial<IncidentFields>) => update((s, now) => updateIncident(s, id, patch, now));

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

/** Sign this browser's ticks and notes with another name. */
export const rename = (name: string) => update((s) => setResponder(s, name));

/** Hand command over, recorded on the timeline. */
export const recordHandover = (id: string, input: HandoverInput) => update((s, now) => handOver(s, id, input, now));
