/**
 * Handing an incident to someone else: command passes to a new commander (a `handover` event on
 * the timeline), or the incident itself arrives from another browser and is merged into this one's.
 * Apart from incidents.ts so that every page's incident store does not carry it; messages read the
 * latest handover with `lastHandover` (messageValues.ts).
 */
import type { Deadline } from './clocks.ts';
import { importIncident } from './incidents.ts';
import { deadlineName, listedDeadlines } from './listedDeadlines.ts';
import { deadlineTime } from './timeText.ts';
import { newId } from './newId.ts';
import { mergeState } from './merge.ts';
import type { Handover, Incident, State } from './state.ts';

/** What a handover form gives: who hands over (else the commander, else the responder), who takes it, and where the work stands. */
export type HandoverInput = Omit<Handover, 'from'> & { from?: string | undefined };

/**
 * Hand command of the incident to someone else: the incident's commander changes, and the
 * timeline records the handover (outgoing and incoming commander, done, open, next deadline).
 */
export function handOver(state: State, id: string, input: HandoverInput, now: number): State {
	const to = input.to.trim();
	if (!to) return state;
	return {
		...state,
		incidents: state.incidents.map((incident) => {
			if (incident.id !== id) return incident;
			const handover: Handover = {
				// Named on the form; else the commander; with none named, the responder recording the handover in this browser held it.
				from: input.from?.trim() || incident.commander || state.responder,
				to,
				done: input.done.trim(),
				open: input.open.trim(),
				next: input.next.trim(),
			};
			const text = `Command handed over: ${handover.from || 'no one named'} → ${to}`;
			const by = state.responder ? { by: state.responder } : {};
			return {
				...incident,
				commander: to,
				events: [...incident.events, { id: newId(now), at: now, kind: 'handover', text, ...by, value: to, handover }],
				clock: { ...incident.clock, commander: now },
			};
		}),
	};
}

const PENDING: readonly Deadline['state'][] = ['upcoming', 'due', 'overdue'];

/**
 * The next deadline the incoming commander must meet, in words, named as the workspace lists it and
 * dated when it falls on another day than `now`: "Status update, 03:45 UTC", "Escalate: Engineering Lead, 04:00 UTC".
 */
export function nextDeadline(deadlines: readonly Deadline[], now: number): string {
	const next = listedDeadlines(deadlines)
		.filter((d) => PENDING.includes(d.state) && d.at !== undefined)
		.sort((a, b) => (a.at ?? 0) - (b.at ?? 0))[0];
	return next?.at === undefined ? '' : `${deadlineName(next)}, ${deadlineTime(next.at, now)}`;
}

/**
 * Merge an imported incident into this browser's copy of it, as two tabs merge (merge.ts): ticks
 * per step, timeline events united, fields by their latest edit. With no copy here, it is added.
 */
export function mergeImported(state: State, incident: Incident, now: number, how = 'Merged from a shared link'): State {
	const local = state.incidents.find((i) => i.id === incident.id);
	const merged = local
		? mergeState({ ...state, incidents: [local], deleted: {} }, { ...state, incidents: [incident], deleted: {} }).incidents[0]
		: incident;
	return importIncident(state, merged ?? incident, now, how);
}
