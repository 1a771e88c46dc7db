import { useEffect, useReducer, useState } from 'preact/hooks';
import { NOTHING_SHOWN, pageShown } from '../lib/pageShown';
import type { ShownState } from '../lib/storageRead';

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
