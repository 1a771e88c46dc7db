/**
 * The incident state for islands that read it whole but change it seldom or never (the message
 * generator, the metrics): taken from the stored text the page shows (pageShown.ts) and validated
 * with its schema (StateSchema), as the store's full read validates it, but without the store and
 * its merge and migration code; from the store once something on the page has made it. When the
 * stored text is not of the current version or not of the stored shape, the answer is undefined:
 * the page loads the store, whose full read migrates, sets aside and tells.
 */
import { emptyState, StateSchema, type Incident, type State } from './state.ts';
import { parseStored, STATE_VERSION } from './storageRead.ts';
import type { StateReader } from './pageShown.ts';

/** The incident with this id, if any. */
export function findIncident(state: Pick<State, 'incidents'>, id: string | null): Incident | undefined {
	return id === null ? undefined : state.incidents.find((i) => i.id === id);
}

/** The incident every page shows: the active one, if it still exists. */
export function activeIncident(state: Pick<State, 'incidents' | 'activeId'>): Incident | undefined {
	return findIncident(state, state.activeId);
}

/**
 * The incident a page that works on one shows: the active one, resolved or not (its resolution is still to
 * copy); with none active (a drill left, an incident deleted), the latest declared of those still open (first
 * in the list, which the store keeps newest first), as the incident bar shows it (storageRead.ts's shownState).
 */
export function workingIncident(state: Pick<State, 'incidents' | 'activeId'>): Incident | undefined {
	return activeIncident(state) ?? state.incidents.find((i) => i.resolvedAt === undefined);
}

/** Read stored text (null: nothing stored); undefined when the store's full read must decide. */
export function readStoredState(raw: string | null): State | undefined {
	if (raw === null) return emptyState();
	const parsed = parseStored(raw);
	if (!parsed || parsed.version !== STATE_VERSION) return undefined;
	const state = StateSchema.safeParse(parsed.state);
	return state.success ? state.data : undefined;
}

/** The state read whole and validated, as the store's full read validates it (useStoredRead reads with it). */
export const validatedState: StateReader<State> = { fromText: readStoredState, fromStore: (state) => state, empty: emptyState };
