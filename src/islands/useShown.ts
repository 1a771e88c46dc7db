import { useEffect, useReducer, useState } from 'preact/hooks';
import type { StepChange } from '../lib/checklistChanges.onDemand.ts';
import { inOrder } from '../lib/inOrder.ts';
import { NOTHING_SHOWN, pageShown } from '../lib/pageShown.ts';
import { loadStore } from '../lib/pageStoreLoader.ts';
import { holdUntilApplied } from '../lib/heldChanges.ts';
import type { ShownState } from '../lib/storageRead.ts';

/**
 * What the page shows of the incident state (pageShown.ts: the cheap read until the store is made),
 * re-rendering on every change, this tab's or another's. For islands that show ticks and change
 * them through the store loaded on demand; it loads no zod and no store. Shows nothing until
 * mounted (`ready`), so the server's HTML and the first client render agree.
 */
export function useShownState(): { shown: ShownState; ready: boolean } {
	const [ready, setReady] = useState(false);
	const [, rerender] = useReducer((n: number) => n + 1, 0);
	useEffect(() => {
		setReady(true);
		return pageShown().subscribe(() => rerender(undefined));
	}, []);
	return { shown: ready ? pageShown().get() : NOTHING_SHOWN, ready };
}

/** The checklist's changes, loaded with the store on demand. */
type Changes = typeof import('../lib/checklistChanges.onDemand.ts');
const queue = inOrder();
/**
 * Apply a change through the checklist's changes, after every change made before it on this page, once the event
 * that made it is handled: starting the import adds its files' preload tags to the page, which took 3 ms of a
 * press, before the tick it makes could be painted (the tick is held at once, heldChanges.ts).
 */
export function applyInOrder<T>(change: (changes: Changes) => Promise<T>): Promise<T> {
	return queue(() => new Promise((resolve) => setTimeout(resolve)).then(() => import('../lib/checklistChanges.onDemand.ts')).then(change));
}

/** Apply a tick or note through the store, loaded on demand; until applied, it is kept for the next page should this one be left. */
export const changeStep = (step: StepChange): Promise<void> =>
	holdUntilApplied(step, () => applyInOrder((changes) => changes.applyStepChange(step)));

/**
 * Start loading the changes and the store on a sign the responder is about to change something (a press,
 * a key, focus), once the event is handled, as a change would: a change made next waits for them anyway.
 * The changes' module comes with a list of the store's files, which the browser fetches with it.
 */
export const prepareChange = (): unknown => applyInOrder(() => loadStore());
