/**
 * What a responder writes on the post-mortem and in messages, held until the store that keeps it
 * has loaded (heldChanges.ts): a value typed into a field kept on the incident, and an action item
 * added, edited or removed. Typing is many changes; the next page needs only the last of each, so
 * only the latest value of a field, or of an action item's edited fields, is held for it.
 */
import type { ActionItemChange } from './actionItems.ts';
import { holdUntilApplied, type ItemChange, type TypedValue } from './heldChanges.ts';
import { typedKey, type SourcedField } from './messageValues.ts';

/** Keep a value typed for `field` of incident `incident` with `apply`; held until it is applied. */
export function holdTyped<T>(incident: string, field: SourcedField, value: string, apply: (typed: TypedValue) => Promise<T>): Promise<T> {
	const typed: TypedValue = { incident, field: { name: field.name, from: field.from }, value, at: Date.now() };
	// Fields of any template kept in one place (the same `from`) are one value.
	return holdUntilApplied(typed, () => apply(typed), `typed ${incident} ${typedKey(field)}`);
}

/** Apply an action item change with `apply`; held until it is applied. An add carries the id the page shows. */
export function holdItemChange<T>(incident: string, item: ActionItemChange, apply: (change: ItemChange) => Promise<T>): Promise<T> {
	const change: ItemChange = { incident, item, at: Date.now() };
	const latest = 'update' in item ? `item ${incident} ${item.update} ${Object.keys(item.patch).sort().join()}` : undefined;
	return holdUntilApplied(change, () => apply(change), latest);
}
