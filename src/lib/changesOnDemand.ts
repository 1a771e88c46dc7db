/**
 * Changes to the incident state whose code loads on demand, with the page's store: an island that
 * shows the state by the cheap read (stateRead.ts) loads them on the first sign of a change (a
 * press, a key, focus), and every change is applied in the order it was made, even when two presses
 * come before the code is in (a later import could otherwise resolve before an earlier one).
 */
import { inOrder } from './inOrder.ts';
import { loadStore } from './pageStoreLoader.ts';

/** An island's way to its changes' module. */
export interface ChangesOnDemand<M> {
	/** Apply a change once the module is in, after every change made before it through this queue. */
	change<T>(apply: (changes: M) => T | Promise<T>): Promise<T>;
	/** Start loading the store and the module at once (the store is not left waiting on the module to ask for it). */
	prepare(): void;
}

/** A queue of changes through the module `load` imports (a literal `import()`, so the build makes it its own chunk). */
export function changesOnDemand<M>(load: () => Promise<M>): ChangesOnDemand<M> {
	const queue = inOrder();
	return {
		change: (apply) => queue(async () => apply(await load())),
		prepare() {
			void loadStore();
			void load();
		},
	};
}
