/**
 * What this page shows of the incident state, kept current for the incident bar and the islands
 * that only show it (checklists, page progress): by the cheap read (storageRead.ts), following
 * other tabs, until something on the page makes the store; from the store after that. When the
 * cheap read will not guess (another version, garbage, an odd shape, storage that cannot be read),
 * the store loads, and its full read migrates, sets aside and tells. A change made before the store
 * arrives (a tick, a note, a copied message, a typed value, an action item) is applied once it has;
 * should the page be left first, the next page of any tab applies it (heldChanges.ts stores it).
 */
import { loadedStore, loadStore, whenStoreMade } from './pageStoreLoader.ts';
import type { StorageNotice } from './storage.ts';
import { changesLeft, peekState, shownState, STATE_KEY, storedText, type ShownState } from './storageRead.ts';
import type { State } from './state.ts';
import type { Store } from './store.ts';

/**
 * What an island that shows more than the bar takes of the incident state (useStoredRead.ts): from
 * the stored text the page shows, without the store (undefined when the store's full read must
 * decide: another version, an odd shape), and from the store once something on the page made it.
 */
export interface StateReader<T> {
	fromText(raw: string | null): T | undefined;
	fromStore(state: State): T;
	/** What is shown while the store's full read decides and nothing was shown before. */
	empty(): T;
}

/** Nothing to show: no incident, no ticks. */
export const NOTHING_SHOWN: ShownState = { active: undefined, scratch: {} };

/** The page's shown state with its listeners. */
export interface PageShown {
	/** What to show now. */
	get(): ShownState;
	/** What the store has to tell about stored data (none before the store is made). */
	notices(): readonly StorageNotice[];
	/** Call `listener` after every change, from this tab or another; returns an unsubscribe. */
	subscribe(listener: () => void): () => void;
	/** The page's store, once made. */
	store(): Store | undefined;
	/** The stored text the cheap read shows (null: nothing stored; undefined: unread, or the store is made). */
	raw(): string | null | undefined;
}

function createShown(): PageShown {
	let store = loadedStore();
	let peeked = NOTHING_SHOWN;
	/** The stored text shown (undefined until the first read): a store loaded later starts from it. */
	let peekedRaw: string | null | undefined;
	let cached: { state: unknown; shown: ShownState } | undefined;
	const listeners = new Set<() => void>();
	const emit = () => listeners.forEach((listener) => listener());
	const take = (raw: string | null) => {
		const peek = peekState(raw);
		if (peek.kind === 'full') {
			void loadStore(peekedRaw);
			return;
		}
		peeked = peek.kind === 'shown' ? peek.shown : NOTHING_SHOWN;
		peekedRaw = raw;
		emit();
	};
	const onStorage = (event: Event) => {
		const { key, newValue } = event as StorageEvent;
		if (!store && key === STATE_KEY) take(newValue);
	};
	const target = globalThis.window;
	// What this tab's last page could not apply before it was left.
	if (changesLeft()) void import('./checklistChanges.onDemand.ts').then((changes) => changes.applyLeft());
	if (!store) {
		const raw = storedText();
		if (raw === undefined) void loadStore();
		else take(raw);
		target?.addEventListener('storage', onStorage);
	}
	whenStoreMade((made) => {
		store = made;
		target?.removeEventListener('storage', onStorage);
		made.subscribe(emit);
		emit();
	});
	return {
		get() {
			if (!store) return peeked;
			const state = store.get();
			if (cached?.state !== state) cached = { state, shown: shownState(state) ?? peeked };
			return cached.shown;
		},
		notices: () => store?.notices() ?? [],
		subscribe(listener) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
		store: () => store,
		raw: () => (store ? undefined : peekedRaw),
	};
}

let shared: PageShown | undefined;
/** What this page shows of the incident state (made on first use). */
export function pageShown(): PageShown {
	shared ??= createShown();
	return shared;
}
