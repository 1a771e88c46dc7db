/**
 * A checklist's changes, loaded with the page's store on the first tick, note or reset: a runbook
 * page shows its ticks by the cheap read and loads the incident model only to change them. Changes
 * made before the store arrives are applied in the order they were made.
 */
import { resetTicks, restoreTicks, setItemNote, tickItem, type TickTarget } from '../lib/incidents';
import { loadStore } from '../lib/pageStoreLoader';
import type { Ticks } from '../lib/state';

/** The step a change is about, as recorded with its tick. */
interface Step {
	text: string;
	list: string;
}

/** Tick or untick a step. */
export async function tick(target: TickTarget, key: string, step: Step, done: boolean): Promise<void> {
	(await loadStore()).update((s, now) => tickItem(s, target, key, step, done, now));
}

/** Set a step's note. */
export async function note(target: TickTarget, key: string, step: Step, text: string): Promise<void> {
	(await loadStore()).update((s, now) => setItemNote(s, target, key, step, text, now));
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
