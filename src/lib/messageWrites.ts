/**
 * What a responder types into a message or the post-mortem, kept on the incident: the writing half
 * of messageValues.ts, which needs the incident model (incidents.ts). A page that only reads the
 * values (the message generator) loads this with the store, on demand (messageChanges.onDemand.ts).
 */
import { findIncident, updateIncident, updatePostMortem } from './incidents.ts';
import { setTypedValue } from './messageMemory.ts';
import { typedKey, type SourcedField } from './messageValues.ts';
import { postMortemHome } from './postMortem.ts';
import type { State } from './state.ts';

/**
 * Save on the incident what a responder typed into a message, so every later message and the
 * post-mortem are filled with it: a root cause or resolution goes to the post-mortem, an impact
 * or on-call to the incident, anything else among the incident's typed values. Undefined for a
 * field read off the record (times, the timeline), which is corrected in the workspace. `now` is
 * when it was typed: the page that kept it and the next page (leftChanges.onDemand.ts) agree.
 */
export function rememberValue(state: State, id: string, field: SourcedField, value: string, now: number): State | undefined {
	const home = postMortemHome(field.from);
	const clock =
		home.on === 'postMortem'
			? `postMortem.${home.key}`
			: home.on === 'incident'
				? home.key
				: home.on === 'page'
					? `typed.${typedKey(field)}`
					: '';
	// A value typed before the field's last change (kept late, or twice) changes nothing: the later one stays.
	if ((findIncident(state, id)?.clock[clock] ?? -Infinity) > now) return state;
	if (home.on === 'postMortem') return updatePostMortem(state, id, { [home.key]: value }, now);
	if (home.on === 'incident') return updateIncident(state, id, { [home.key]: value }, now);
	if (home.on === 'page') return setTypedValue(state, id, typedKey(field), value, now);
	return undefined;
}
