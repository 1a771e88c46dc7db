/**
 * Changes an island makes through the page's store, loaded on demand with the island's own module
 * of changes (a *.onDemand.ts): the island shows the state read without the store (useStateRead.ts)
 * and starts loading both on the first sign of a change (a press, a key, focus in it), so the load
 * follows what the responder does. Changes go through one queue: they are applied in the order they
 * were made, those made before the code arrived too (a value typed letter by letter is kept as last typed).
 */
import { inOrder } from './inOrder.ts';
import { loadStore } from './pageStoreLoader.ts';

/** An island's changes through the store loaded on demand. */
export interface OnDemandChanges<M> {
	/** Apply a change once the module of changes is here, after every change made before it. */
	change<T>(apply: (changes: M) => Promise<T>): Promise<T>;
	/** Start loading the store and the module of changes (on a press, a key or focus in the island). */
	prepare(): void;
}

/** `load`: the island's module of changes, imported with `import()`. */
export function onDemandChanges<M>(load: () => Promise<M>): OnDemandChanges<M> {
	const queue = inOrder();
	return {
		change: (apply) => queue(async () => apply(await load())),
		prepare() {
			void loadStore();
			void load();
		},
	};
}
