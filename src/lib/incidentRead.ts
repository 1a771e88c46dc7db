/**
 * The open incident for islands that read it whole but change it seldom (the message generator):
 * taken from the stored text the page shows (pageShown.ts) and validated with its own schema
 * (IncidentSchema), without the store and its merge and migration code; from the store once
 * something on the page has made it. When the stored text is not of the current version, or the
 * incident not of its shape, the answer is undefined: the page loads the store, whose full read
 * migrates, sets aside and tells.
 */
import * as z from 'zod/mini';
import { IncidentSchema, StateSchema, type Incident, type State } from './state.ts';
import { parseStored, STATE_VERSION } from './storageRead.ts';

/** The open incident and the chosen message format. */
export interface IncidentRead {
	incident: Incident | undefined;
	messageFormat: State['messageFormat'];
}

/** Nothing stored: no incident, no format chosen. */
export const NOTHING_READ: IncidentRead = { incident: undefined, messageFormat: undefined };

/** What the read takes of the state besides the open incident: which one it is, and the format. */
const ReadSchema = z.object({
	activeId: StateSchema.shape.activeId,
	incidents: z.array(z.looseObject({ id: z.string() })),
	messageFormat: StateSchema.shape.messageFormat,
});

/** The open incident of a state: the active one, if it still exists (as incidents.ts's activeIncident finds it). */
export function readState(state: Pick<State, 'activeId' | 'incidents' | 'messageFormat'>): IncidentRead {
	const incident = state.activeId === null ? undefined : state.incidents.find((i) => i.id === state.activeId);
	return { incident, messageFormat: state.messageFormat };
}

/** Read stored text (null: nothing stored); undefined when the store's full read must decide. */
export function readStoredIncident(raw: string | null): IncidentRead | undefined {
	if (raw === null) return NOTHING_READ;
	const parsed = parseStored(raw);
	if (!parsed || parsed.version !== STATE_VERSION) return undefined;
	const state = ReadSchema.safeParse(parsed.state);
	if (!state.success) return undefined;
	const { activeId, incidents, messageFormat } = state.data;
	const found = activeId === null ? undefined : incidents.find((i) => i.id === activeId);
	if (found === undefined) return { incident: undefined, messageFormat };
	const incident = IncidentSchema.safeParse(found);
	return incident.success ? { incident: incident.data, messageFormat } : undefined;
}
