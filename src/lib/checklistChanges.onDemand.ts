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
import { browserStorage, PENDING_PREFIX, pendingKey } from './storageRead.ts';

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
export async function applyLeft(changes: readonly unknown[] = takeLeft()): Promise<void> {
	for (const change of changes) {
		if (isStepChange(change)) await applyStepChange(change);
		else if (isMessageCopy(change)) (await loadStore()).update((s) => logMessage(s, change.incident, change.copied, change.at));
	}
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
			if (!key.startsWith(PENDING_PREFIX) || key === pendingKey) continue;
			const raw = storage!.getItem(key);
			storage!.removeItem(key);
			try {
				const kept: unknown = JSON.parse(raw ?? '[]');
				if (Array.isArray(kept)) changes.push(...kept);
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
