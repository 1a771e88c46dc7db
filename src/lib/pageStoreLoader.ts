/**
 * The page's store (store.ts), loaded when a page first needs it: for a change, or for the full
 * read to decide what the cheap read (storageRead.ts) would not guess. Pages that only show the
 * state read it cheaply and never load the store, its zod schema or its merge code.
 */
import type { Store } from './store.ts';

let made: Store | undefined;
let loading: Promise<Store> | undefined;
const waiting = new Set<(store: Store) => void>();

/** The page's store, when something on the page has made it. */
export function loadedStore(): Store | undefined {
	return made;
}

/** Called by store.ts when the page's store is made (by an island, or by loadStore). */
export function storeMade(store: Store): void {
	made = store;
	const listeners = [...waiting];
	waiting.clear();
	listeners.forEach((listener) => listener(store));
}

/** Call `listener` once the page's store is made (at once when it is). */
export function whenStoreMade(listener: (store: Store) => void): void {
	if (made) listener(made);
	else waiting.add(listener);
}

/**
 * Load and make the page's store (once). `shown`, when given, is the stored text this page showed
 * before another tab wrote what the cheap read would not take: the store starts from it and reads
 * the new text as another tab's write, so the page keeps what it had, as a page holding the store does.
 */
export function loadStore(shown?: string | null): Promise<Store> {
	if (made) return Promise.resolve(made);
	// A load that failed (offline, its code not cached yet) is tried again on the next change, not kept failed here. Chromium
	// keeps the module failed for the page's life all the same: there what is held is applied by the next page (NotSaved.tsx).
	loading ??= import('./pageStore.onDemand.ts').then(
		(module) => module.pageStore(shown),
		(error: unknown) => {
			loading = undefined;
			throw error;
		},
	);
	return loading;
}
