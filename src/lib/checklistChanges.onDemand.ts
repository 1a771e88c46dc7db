/**
 * A checklist's changes, loaded with the page's store on the first tick, note or reset: a runbook
 * page shows its ticks by the cheap read and loads the incident model only to change them. Changes
 * made before the store arrives are applied in the order they were made, and what a page held and
 * could not apply before it was left or died (heldChanges.ts: ticks, notes, copied messages, typed
 * values, action item changes) is applied by the next page of any tab (pageShown.ts), by the rule
 * the page that made it uses, so the result is the same whichever page applies it, and applying it
 * twice (a page still applying its own while another takes what it stored) changes nothing more.
 */
import * as z from 'zod/mini';
import type { HeldChange, ItemChange, MessageCopy, TypedValue, WorkspaceEdit } from './heldChanges.ts';
import { logMessage, resetTicks, restoreTicks, setItemNote, tickItem, type TickTarget } from './incidents.ts';
import { loadStore } from './pageStoreLoader.ts';
import { ActionItemSchema, type State, type Ticks } from './state.ts';
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

/**
 * A tick or a note applied to a state, as made. Made for an incident the state no longer holds (deleted in another tab,
 * or set aside with data this page showed but the full read could not take), it goes with the ticks made with no
 * incident open, which the next incident declared is offered: kept, not dropped.
 */
export function withStepChange(state: State, { target: made, key, text, list, at, change }: StepChange): State {
	const target = made !== null && !state.incidents.some((i) => i.id === made) ? null : made;
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

/** The rules of what is written on the post-mortem and in messages, and of what is changed in the workspace. */
interface Writes {
	pages?: typeof import('./postMortemChanges.onDemand.ts') | undefined;
	workspace?: typeof import('./workspaceChanges.onDemand.ts') | undefined;
}

/** A held change applied to a state, by the rule of the page that made it. */
function withHeld(state: State, change: HeldChange, writes: Writes): State {
	if ('key' in change) return withStepChange(state, change);
	if ('copied' in change) return logMessage(state, change.incident, change.copied, change.at);
	if ('edit' in change) return writes.workspace!.withWorkspaceEdit(state, change);
	if ('field' in change) return writes.pages!.withTypedValue(state, change);
	return writes.pages!.withItemChange(state, change);
}

/** Applying what earlier pages left, while it runs: the page and a declaration wait for the same. */
let applying: Promise<void> | undefined;

/**
 * Apply what earlier pages held and left, in the order it was made, in one write; what was applied
 * is forgotten after, so a store that fails to load loses none of it (the next page applies it),
 * and a declaration made meanwhile can wait for it (changesLeft() stays true until then). Anything
 * not of the shape of a held change, or dated in the future, is skipped. Given `changes`, applies
 * those and forgets nothing.
 */
export function applyLeft(changes?: readonly unknown[]): Promise<void> {
	if (changes) return applyHeld(changes);
	applying ??= (async () => {
		const left = readLeft();
		try {
			await applyHeld(left.changes);
			forget(left.read);
		} finally {
			applying = undefined;
		}
	})();
	return applying;
}

async function applyHeld(changes: readonly unknown[]): Promise<void> {
	const latest = Date.now() + FUTURE_MS;
	const valid = changes.filter((c) => isHeldChange(c) && c.at <= latest) as HeldChange[];
	if (valid.length === 0) return;
	// Loaded only when a page left some: a tick does not load them.
	const writes: Writes = {
		pages: valid.some((c) => 'field' in c || 'item' in c) ? await import('./postMortemChanges.onDemand.ts') : undefined,
		workspace: valid.some((c) => 'edit' in c) ? await import('./workspaceChanges.onDemand.ts') : undefined,
	};
	(await loadStore()).update((state) => valid.reduce((s, change) => withHeld(s, change, writes), state));
}

/** Changes read from the keys other pages left them under, and each key's text as read. */
interface Left {
	changes: unknown[];
	read: Map<string, string | null>;
}

/**
 * The changes other pages stored and did not apply, oldest first, with what was read of each key.
 * A page still applying its own may have them applied twice: each is applied once (a tick, a note,
 * a typed value or an action item edit older than the last change of what it changes, a copy
 * already logged, an action item already added or removed, changes nothing). A page holds only the
 * last of a value typed letter by letter (heldChanges.ts), so the oldest MAX_LEFT taken never end on
 * an older value of a field whose newer one was cut. Never throws.
 */
export function readLeft(storage: Storage | undefined = browserStorage()): Left {
	const changes: unknown[] = [];
	const read = new Map<string, string | null>();
	try {
		for (const key of Object.keys(storage ?? {})) {
			if (!isLeftKey(key)) continue;
			const raw = storage!.getItem(key);
			read.set(key, raw);
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
	return { changes: changes.sort((a, b) => at(a) - at(b)), read };
}

/** Forget keys as read: one a live page of another tab wrote to since holds more, and is kept. Never throws. */
function forget(read: Map<string, string | null>, storage: Storage | undefined = browserStorage()): void {
	try {
		for (const [key, raw] of read) if (storage!.getItem(key) === raw) storage!.removeItem(key);
	} catch {
		/* kept: applied again by the next page, which changes nothing */
	}
}

/** Whether a value taken from storage is a held change of one of its shapes, to apply. */
export function isHeldChange(value: unknown): value is HeldChange {
	const c = value as Record<string, unknown> | null;
	if (typeof c !== 'object' || c === null || typeof c['at'] !== 'number') return false;
	return (
		isStepChange(c as Partial<StepChange>) ||
		isMessageCopy(c as Partial<MessageCopy>) ||
		isTypedValue(c as Partial<TypedValue>) ||
		isItemChange(c as Partial<ItemChange>) ||
		isWorkspaceEdit(c as Partial<WorkspaceEdit>)
	);
}

function isWorkspaceEdit(c: Partial<WorkspaceEdit>): boolean {
	const edit = c.edit as Record<string, unknown> | undefined;
	if (typeof c.incident !== 'string' || typeof edit !== 'object' || edit === null || Object.keys(edit).length !== 1) return false;
	const status = edit['status'] as Record<string, unknown> | undefined;
	const escalated = edit['escalated'] as Record<string, unknown> | undefined;
	return (
		typeof edit['severity'] === 'string' ||
		typeof edit['note'] === 'string' ||
		(typeof status?.['id'] === 'string' && typeof status['label'] === 'string' && typeof status['closes'] === 'boolean') ||
		(typeof escalated?.['text'] === 'string' && typeof escalated['value'] === 'string')
	);
}

function isMessageCopy(c: Partial<MessageCopy>): boolean {
	return typeof c.incident === 'string' && typeof c.copied === 'string';
}

function isStepChange(s: Partial<StepChange>): boolean {
	const change = s.change as { done?: unknown; note?: unknown } | undefined;
	return (
		(s.target === null || typeof s.target === 'string') &&
		typeof s.key === 'string' &&
		typeof s.text === 'string' &&
		typeof s.list === 'string' &&
		(typeof change?.done === 'boolean' || typeof change?.note === 'string')
	);
}

function isTypedValue(t: Partial<TypedValue>): boolean {
	const field = t.field as { name?: unknown; from?: unknown } | undefined;
	return (
		typeof t.incident === 'string' &&
		typeof t.value === 'string' &&
		typeof field?.name === 'string' &&
		(field.from === undefined || typeof field.from === 'string')
	);
}

/** What an action item may be added with, and what an edit may change: as the stored state takes them. */
// Built from the schema's own fields with what the state's schemas already use: zod's pick, partial and omit
// would grow the zod chunk every page that reads the state loads by 0.5 KB gzipped, for code that runs only here.
const stored = ActionItemSchema.shape;
const ITEM_FIELDS = z.object({ item: z.optional(stored.item), owner: z.optional(stored.owner), due: z.optional(stored.due) });
const ITEM_PATCH = z.object({ ...ITEM_FIELDS.shape, done: z.optional(stored.done) });
/** Of that shape, with no other key (the state would refuse the item). */
const fits = (schema: typeof ITEM_PATCH | typeof ITEM_FIELDS, value: unknown) =>
	schema.safeParse(value).success && Object.keys(value as object).every((key) => key in schema.shape);

function isItemChange(c: Partial<ItemChange>): boolean {
	const item = c.item as Record<string, unknown> | undefined;
	if (typeof c.incident !== 'string' || typeof item !== 'object' || item === null) return false;
	if (typeof item['add'] === 'string') return item['fields'] === undefined || fits(ITEM_FIELDS, item['fields']);
	if (typeof item['update'] === 'string') return fits(ITEM_PATCH, item['patch']);
	return typeof item['remove'] === 'string';
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
