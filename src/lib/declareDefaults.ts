/**
 * What a new declaration starts from: who is on it and what is hit, as this browser's last
 * incident had them (what is hit only once it is resolved).
 */
import type { Incident, State } from './state.ts';

/** This browser's latest incident, drills aside (a game day's cast is not the next outage's): the details a new declaration starts from. */
export function lastIncident(state: State): Incident | undefined {
	return state.incidents
		.filter((i) => !i.drill)
		.reduce<Incident | undefined>((latest, i) => (latest && latest.declaredAt >= i.declaredAt ? latest : i), undefined);
}

/** Who is on it and what is hit, as this browser's last incident had them: a new one starts there. */
export interface RememberedDetails {
	services: string[];
	onCall: string;
	commander: string;
	responder: string;
}

/**
 * The details a new declaration starts from, remembered from the last incident declared here. Its
 * services only once it is resolved: one declared while it is still open is another incident (an
 * alert of the same one is added to it), and would go out naming what the other hit.
 */
export function rememberedDetails(state: State): RememberedDetails {
	const last = lastIncident(state);
	return {
		services: last?.resolvedAt === undefined ? [] : last.services,
		onCall: last?.onCall ?? '',
		commander: last?.commander ?? '',
		responder: state.responder,
	};
}
