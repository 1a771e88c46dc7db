/**
 * What a responder types into a message or the post-mortem, kept on the incident: the writing half
 * of messageValues.ts, which needs the incident model (incidents.ts). A page that only reads the
 * values (the message generator) loads this with the store, on demand (messageChanges.onDemand.ts).
 */
import { updateIncident, updatePostMortem } from './incidents.ts';
import { setTypedValue } from './messageMemory.ts';
import { typedKey, type SourcedField } from './messageValues.ts';
import { postMortemHome } from './postMortem.ts';
import type { State } from './state.ts';

/**
 * Save on the incident what a responder typed into a message, so every later message and the
 * post-mortem are filled with it: a root cause or resolution goes to the post-mortem, an impact
 * or on-call to the incident, anything else among the incident's typed values. Undefined for a
 * field read off the record (times, the timeline), which is corrected in the workspace.
 */
export function rememberValue(state: State, id: string, field: SourcedField, value: string, now: number): State | undefined {
	const home = postMortemHome(field.from);
	if (home.on === 'postMortem') return updatePostMortem(state, id, { [home.key]: value }, now);
	if (home.on === 'incident') return updateIncident(state, id, { [home.key]: value }, now);
	if (home.on === 'page') return setTypedValue(state, id, typedKey(field), value, now);
	return undefined;
}
