/**
 * The message generator's changes, loaded with the page's store on the first sign of one (a press,
 * a key, focus in the generator): the generator reads the incident without the store
 * (stateRead.ts) and loads the incident model only to keep what is typed, the format chosen,
 * and the copies made on the timeline. Changes are applied in the order they were made.
 */
import type { TypedValue } from './heldChanges.ts';
import { logMessage } from './incidents.ts';
import { setMessageFormat } from './messageMemory.ts';
import { rememberValue } from './messageWrites.ts';
import { loadStore } from './pageStoreLoader.ts';
import type { State } from './state.ts';

/**
 * Keep a value typed for a field on the incident, at the time it was typed (as the next page would,
 * should this one be left first); false when the field is read off the
 * record, not kept.
 */
export async function remember({ incident, field, value, at }: TypedValue): Promise<boolean> {
	let kept = false;
	(await loadStore()).update((s) => {
		const next = rememberValue(s, incident, field, value, at);
		kept = next !== undefined;
		return next ?? s;
	});
	return kept;
}

/** A typed value kept on the incident, at the time it was typed: by this page, or by the next (checklistChanges.onDemand.ts). */
export function withTypedValue(state: State, { incident, field, value, at }: TypedValue): State {
	return rememberValue(state, incident, field, value, at) ?? state;
}

/** Log on the incident's timeline that a message was copied, at the time it was. */
export async function logCopy(id: string, text: string, at: number): Promise<void> {
	(await loadStore()).update((s) => logMessage(s, id, text, at));
}

/** Keep the format this browser's messages are pasted in. */
export async function chooseFormat(format: NonNullable<State['messageFormat']>): Promise<void> {
	(await loadStore()).update((s) => setMessageFormat(s, format));
}
