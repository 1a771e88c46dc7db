/**
 * The post-mortem page's changes, loaded with the page's store on the first sign of one (a press, a
 * key, focus in the post-mortem): the page reads the incident without the store (stateRead.ts) and
 * loads the incident model only to keep what is written and the action items.
 */
import type { ActionItemChange } from './actionItems.ts';
import { addActionItem, removeActionItem, updateActionItem } from './incidents.ts';
import { loadStore } from './pageStoreLoader.ts';
import type { State } from './state.ts';

/** What is written in a field is kept as the message generator keeps it: on the incident, for every later message. */
export { remember } from './messageChanges.onDemand.ts';

function withChange(state: State, id: string, change: ActionItemChange, now: number): State {
	if ('add' in change) return addActionItem(state, id, change.fields ?? {}, now, change.add).state;
	if ('update' in change) return updateActionItem(state, id, change.update, change.patch, now);
	return removeActionItem(state, id, change.remove, now);
}

/** Add, edit or remove an action item of incident `id`'s post-mortem. */
export async function changeActionItem(id: string, change: ActionItemChange): Promise<void> {
	(await loadStore()).update((s, at) => withChange(s, id, change, at));
}
