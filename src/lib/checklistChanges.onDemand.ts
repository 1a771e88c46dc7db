/**
 * A checklist's changes, loaded with the page's store on the first tick, note or reset: a runbook
 * page shows its ticks by the cheap read and loads the incident model only to change them. Changes
 * made before the store arrives are applied in the order they were made, and those a page could
 * not apply before it was left are applied by the next page of the tab (heldChanges.ts).
 */
import { resetTicks, restoreTicks, setItemNote, tickItem, type TickTarget } from './incidents.ts';
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
