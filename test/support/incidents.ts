import { declareIncident, type Declaration } from '../../src/lib/incidents.ts';
import { emptyState, type State } from '../../src/lib/state.ts';

/** 2026-11-26 03:14:00 UTC, the moment test incidents are declared. */
export const T0 = Date.UTC(2026, 10, 26, 3, 14);
/** Minutes to milliseconds. */
export const min = (n: number) => n * 60_000;

/** A declaration with sensible values, changed by `over`. */
export function declaration(over: Partial<Declaration> = {}): Declaration {
	return {
		title: 'API returns 503',
		severity: 'P0',
		status: 'investigating',
		detectedAt: T0 - min(4),
		impact: 'All users cannot log in',
		services: ['api'],
		onCall: '@alice',
		commander: '@bob',
		scenarios: ['service-down'],
		drill: false,
		...over,
	};
}

/** A state with one declared incident, and that incident's id ("20261126-0314-0000" unless `random` is given). */
export function withIncident(
	over: Partial<Declaration> = {},
	state: State = { ...emptyState(), responder: 'alice' },
	random: () => number = () => 0,
) {
	return declareIncident(state, declaration(over), 'incident-', T0, random);
}
