/**
 * The post-mortem's action items as a list, changed one change at a time: by the incident model
 * (incidents.ts), which keeps the change with its clocks, and by the post-mortem page, which shows
 * a change at once while the store that keeps it loads on demand (postMortemChanges.onDemand.ts).
 */
import type { ActionItem } from './state.ts';

/** What an action item can be added with. */
export type ActionItemFields = Partial<Pick<ActionItem, 'item' | 'owner' | 'due'>>;

/** One change to the action items, as data: the item added (with its id), edited or removed. */
export type ActionItemChange =
	{ add: string; fields?: ActionItemFields } | { update: string; patch: Partial<Omit<ActionItem, 'id'>> } | { remove: string };

/**
 * The items after a change. Applying it twice changes nothing more: the page shows a change until
 * the store has it, and for a moment both hold it.
 */
export function changedItems(items: readonly ActionItem[], change: ActionItemChange): ActionItem[] {
	if ('add' in change) {
		if (items.some((a) => a.id === change.add)) return [...items];
		return [...items, { id: change.add, item: '', owner: '', due: '', done: false, ...change.fields }];
	}
	if ('update' in change) return items.map((a) => (a.id === change.update ? { ...a, ...change.patch } : a));
	return items.filter((a) => a.id !== change.remove);
}
