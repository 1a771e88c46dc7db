/**
 * A checklist's changes, loaded with the page's store on the first tick, note or reset: a runbook
 * page shows its ticks by the cheap read and loads the incident model only to change them. Changes
 * made before the store arrives are applied in the order they were made, and what a page held and
 * could not apply before it was left (heldChanges.ts: ticks, notes, copied messages) is applied by
 * the next page of the tab (pageShown.ts).
 */
import type { MessageCopy } from './heldChanges.ts';
import { logMessage, resetTicks, restoreTicks, setItemNote, tickItem, type TickTarget } from './incidents.ts';
import { loadStore } from './pageStoreLoader.ts';
import type { Ticks } from './state.ts';

/** A tick or a note on a step, as made (kept as data until the store applies it). */
export interface StepChange {
	target: TickTarget;
	/** Item key of the step. */
	key: string;
	/** The step's text and its list's name, recorded with the tick. */
	text: string;
	list: string;
	/** When it was made: the tick and the timeline keep this time, however late it is applied. */
	at: number;
	/** Tick (true) or untick; or a note. */
	change: { done: boolean } | { note: string };
}

/** Apply a tick or a note. */
export async function applyStepChange(step: StepChange): Promise<void> {
	const store = await loadStore();
	const { target, key, text, list, at, change } = step;
	store.update((s) =>
		'done' in change
			? tickItem(s, target, key, { text, list }, change.done, at)
			: setItemNote(s, target, key, { text, list }, change.note, at),
	);
}

/**
 * Apply what an earlier page of this tab held and left, in the order it was made: ticks and notes,
 * and copies of messages logged on their incident's timeline. Anything not of their shape is skipped.
 */
export async function applyLeft(changes: readonly unknown[]): Promise<void> {
	for (const change of changes) {
		if (isStepChange(change)) await applyStepChange(change);
		else if (isMessageCopy(change)) (await loadStore()).update((s) => logMessage(s, change.incident, change.copied, change.at));
	}
}

function isMessageCopy(value: unknown): value is MessageCopy {
	const c = value as Partial<MessageCopy> | null;
	return typeof c === 'object' && c !== null && typeof c.incident === 'string' && typeof c.copied === 'string' && typeof c.at === 'number';
}

function isStepChange(value: unknown): value is StepChange {
	const s = value as Partial<StepChange> | null;
	const change = s?.change as { done?: unknown; note?: unknown } | undefined;
	return (
		typeof s === 'object' &&
		s !== null &&
		(s.target === null || typeof s.target === 'string') &&
		typeof s.key === 'string' &&
		typeof s.text === 'string' &&
		typeof s.list === 'string' &&
		typeof s.at === 'number' &&
		(typeof change?.done === 'boolean' || typeof change?.note === 'string')
	);
}

/** Clear a list's ticks; returns what was cleared, for undo. */
export async function reset(target: TickTarget, prefix: string, label: string): Promise<Ticks> {
	let taken: Ticks = {};
	(await loadStore()).update((s, now) => {
		const result = resetTicks(s, target, prefix, label, now);
		taken = result.undo;
		return result.state;
	});
	return taken;
}

/** Put back ticks a reset cleared. */
export async function restore(target: TickTarget, ticks: Ticks): Promise<void> {
	(await loadStore()).update((s, now) => restoreTicks(s, target, ticks, now));
}
