/**
 * Changes an island makes through the page's store, loaded on demand with the island's own module
 * of changes (a *.onDemand.ts): the island shows the state read without the store (useStoredRead.ts)
 * and starts loading both on the first sign of a change (a press, a key, focus in it), so the load
 * follows what the responder does. Changes go through one queue: they are applied in the order they
 * were made, those made before the code arrived too (a value typed letter by letter is kept as last typed).
 * When the code cannot load (offline before it was cached), the changes wait in the queue and are
 * tried again on the next sign of a change, when the browser is back online, or after a while; the
 * island says meanwhile that they are not saved (`watch`). Where the browser keeps a module that failed
 * to load as failed for the page's life (Chromium), no new try loads it: the notice offers a reload.
 */
import { inOrder } from './inOrder.ts';
import { loadStore } from './pageStoreLoader.ts';

/** How long changes that could not be saved wait before they are tried again by themselves. */
const RETRY_MS = 10_000;

/** An island's changes through the store loaded on demand. */
export interface OnDemandChanges<M> {
	/** Apply a change once the module of changes is here, after every change made before it. */
	change<T>(apply: (changes: M) => T | Promise<T>): Promise<T>;
	/** Start loading the store and the module of changes (on a press, a key or focus in the island), once the event is handled. */
	prepare(): unknown;
	/** Be told whether changes are waiting because their code could not load (true) or are saved again (false). */
	watch(listener: (failing: boolean) => void): () => void;
}

/** `load`: the island's module of changes, imported with `import()`. */
export function onDemandChanges<M>(load: () => Promise<M>): OnDemandChanges<M> {
	const queue = inOrder();
	const listeners = new Set<(failing: boolean) => void>();
	let failing = false;
	let wake: (() => void) | undefined;
	const tell = (now: boolean) => {
		if (now === failing) return;
		failing = now;
		listeners.forEach((listener) => listener(now));
	};
	// Until the next sign of a change, the network coming back, or a while.
	const nextTry = () =>
		new Promise<void>((resolve) => {
			const timer = setTimeout(() => wake?.(), RETRY_MS);
			wake = () => {
				wake = undefined;
				clearTimeout(timer);
				removeEventListener('online', wakeUp);
				resolve();
			};
			addEventListener('online', wakeUp);
		});
	const wakeUp = () => wake?.();
	return {
		change: (apply) =>
			queue(async () => {
				for (;;) {
					try {
						const result = await apply(await load());
						tell(false);
						return result;
					} catch {
						tell(true);
						await nextTry();
					}
				}
			}),
		// Once the event is handled: starting the imports adds their files' preload tags to the page, which took
		// 3 ms of a press, before what the press changes could be painted.
		prepare: () =>
			setTimeout(() => {
				wakeUp();
				loadStore().catch(() => undefined);
				load().catch(() => undefined);
			}),
		watch(listener) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
	};
}
