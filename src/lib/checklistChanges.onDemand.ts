/**
 * A checklist's changes, loaded with the page's store on the first tick, note or reset: a runbook
 * page shows its ticks by the cheap read and loads the incident model only to change them. Changes
 * made before the store arrives are applied in the order they were made, and what a page held and
 * could not apply before it was left or died (heldChanges.ts: ticks, notes, copied messages) is
 * applied by the next page of any tab (pageShown.ts).
 */
import type { MessageCopy } from './heldChanges.ts';
import { logMessage, resetTicks, restoreTicks, setItemNote, tickItem, type TickTarget } from './incidents.ts';
import { loadStore } from './pageStoreLoader.ts';
import type { State, Ticks } from './state.ts';
import { browserStorage, isLeftKey } from './storageRead.ts';

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

/** A tick or a note applied to a state. */
function withStepChange(state: State, { target, key, text, list, at, change }: StepChange): State {
	return 'done' in change
		? tickItem(state, target, key, { text, list }, change.done, at)
		: setItemNote(state, target, key, { text, list }, change.note, at);
}

/** Apply a tick or a note. */
export async function applyStepChange(step: StepChange): Promise<void> {
	(await loadStore()).update((s) => withStepChange(s, step));
}

/** The most changes taken from what other pages left: a page holds a few; more were not written by one. */
export const MAX_LEFT = 200;
/** How far ahead of this browser's clock a change left by another page may be dated (two tabs' clocks are one). */
const FUTURE_MS = 60_000;

/**
 * Apply what earlier pages held and left, in the order it was made, in one write: ticks and notes,
 * and copies of messages logged on their incident's timeline. Anything not of their shape, or dated
 * in the future, is skipped.
 */
export async function applyLeft(changes: readonly unknown[] = takeLeft()): Promise<void> {
	const latest = Date.now() + FUTURE_MS;
	const valid = changes.filter((c) => (isStepChange(c) || isMessageCopy(c)) && c.at <= latest) as Array<StepChange | MessageCopy>;
	if (valid.length === 0) return;
	(await loadStore()).update((state) =>
		valid.reduce(
			(s, change) => ('key' in change ? withStepChange(s, change) : logMessage(s, change.incident, change.copied, change.at)),
			state,
		),
	);
}

/**
 * Take (and forget) the changes other pages stored and did not apply, oldest first. A page still
 * applying its own may have them applied twice: each is applied once (a tick or a note older than
 * the step's last change, a copy already logged, changes nothing). Never throws.
 */
export function takeLeft(storage: Storage | undefined = browserStorage()): unknown[] {
	const changes: unknown[] = [];
	try {
		for (const key of Object.keys(storage ?? {})) {
			if (!isLeftKey(key)) continue;
			const raw = storage!.getItem(key);
			storage!.removeItem(key);
			try {
				const kept: unknown = JSON.parse(raw ?? '[]');
				if (Array.isArray(kept)) changes.push(...kept.slice(0, MAX_LEFT - changes.length));
			} catch {
				/* not of our making: dropped */
			}
		}
	} catch {
		/* storage refused: what was read is applied */
	}
	const at = (change: unknown) => ((change as { at?: unknown } | null)?.at as number) || 0;
	return changes.sort((a, b) => at(a) - at(b));
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
