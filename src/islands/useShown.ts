import { useEffect, useReducer, useState } from 'preact/hooks';
import type { StepChange } from '../lib/checklistChanges.onDemand.ts';
import { changesOnDemand } from '../lib/changesOnDemand.ts';
import { NOTHING_SHOWN, pageShown } from '../lib/pageShown.ts';
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

/**
 * The checklist's changes, loaded with the store on demand: `applyInOrder` applies a change after
 * every change made before it on this page; `prepareChange` starts loading both on a sign the
 * responder is about to change something (a press, a key, focus).
 */
export const { change: applyInOrder, prepare: prepareChange } = changesOnDemand(() => import('../lib/checklistChanges.onDemand.ts'));

/** Apply a tick or note through the store, loaded on demand; until applied, it is kept for the next page should this one be left. */
export async function changeStep(step: StepChange): Promise<void> {
	await holdUntilApplied(step, () => applyInOrder((changes) => changes.applyStepChange(step)));
}
