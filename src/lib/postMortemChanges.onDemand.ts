/**
 * The post-mortem page's changes, loaded with the page's store on the first sign of one (a press, a
 * key, focus in the post-mortem): the page reads the incident without the store (stateRead.ts) and
 * loads the incident model only to keep what is written and the action items.
 */
import type { ItemChange } from './heldChanges.ts';
import { addActionItem, removeActionItem, updateActionItem } from './incidents.ts';
import { loadStore } from './pageStoreLoader.ts';
import type { State } from './state.ts';

/** What is written in a field is kept as the message generator keeps it: on the incident, for every later message. */
export { remember, withTypedValue } from './messageChanges.onDemand.ts';

/**
 * An action item change applied to a state, at the time it was made: by this page once the store
 * is here, or by the next page should this one be left first (checklistChanges.onDemand.ts).
 */
export function withItemChange(state: State, { incident, item, at }: ItemChange): State {
	if ('add' in item) return addActionItem(state, incident, item.fields ?? {}, at, item.add).state;
	if ('update' in item) return updateActionItem(state, incident, item.update, item.patch, at);
	return removeActionItem(state, incident, item.remove, at);
}

/** Add, edit or remove an action item of an incident's post-mortem. */
export async function changeActionItem(change: ItemChange): Promise<void> {
	(await loadStore()).update((s) => withItemChange(s, change));
}
