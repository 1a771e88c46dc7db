/**
 * What the browser keeps of the messages a responder writes: values typed once for an incident
 * (every later message and the post-mortem read them), and the format chosen once. Apart from
 * incidents.ts so that only the pages that write messages load it.
 */
import type { State } from './state.ts';

/** Keep what a responder typed into a message for a blank the incident has no field for. */
export function setTypedValue(state: State, id: string, name: string, value: string, now: number): State {
	return {
		...state,
		incidents: state.incidents.map((incident) =>
			incident.id === id
				? { ...incident, typed: { ...incident.typed, [name]: value }, clock: { ...incident.clock, [`typed.${name}`]: now } }
				: incident,
		),
	};
}

/** Keep the message format chosen in this browser. */
export function setMessageFormat(state: State, format: NonNullable<State['messageFormat']>): State {
	return state.messageFormat === format ? state : { ...state, messageFormat: format };
}
