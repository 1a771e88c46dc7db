import { useEffect, useReducer, useState } from 'preact/hooks';
import { pageShown } from '../lib/pageShown.ts';
import { loadStore } from '../lib/pageStoreLoader.ts';
import { emptyState, type State } from '../lib/state.ts';
import { readStoredState } from '../lib/stateRead.ts';

/** The last read of stored text, so a render (a keystroke) does not parse it again. */
let last: { raw: string | null; state: State | undefined } | undefined;

/** The state to show; undefined while the store's full read decides and nothing was shown before. */
function current(): State | undefined {
	const shown = pageShown();
	const store = shown.store();
	if (store) return store.get();
	// Not read (storage that cannot be read, text the cheap read refused): the store is loading, and its full read decides.
	const raw = shown.raw();
	if (raw === undefined) return last?.state;
	if (last?.raw !== raw) {
		const state = readStoredState(raw);
		// Not of the current version or shape: the store's full read decides, and the page shows its answer,
		// keeping what it showed until then (as a page holding the store keeps what it has).
		if (state === undefined) void loadStore(raw);
		last = { raw, state: state ?? last?.state };
	}
	return last.state;
}

/**
 * The incident state, read whole and validated (stateRead.ts) without loading the store,
 * re-rendering on every change, this tab's or another's. For islands that show it and change it
 * through the store loaded on demand, or never. Reads nothing until mounted (`ready`), so the
 * server's HTML and the first client render agree. `deciding`: stored text the validated read
 * would not take, and nothing shown before it; the store is loading, and the state shown is empty
 * until its full read has migrated or set aside what was stored, and told.
 */
export function useStateRead(): { state: State; ready: boolean; deciding: boolean } {
	const [ready, setReady] = useState(false);
	const [, rerender] = useReducer((n: number) => n + 1, 0);
	useEffect(() => {
		setReady(true);
		return pageShown().subscribe(() => rerender(undefined));
	}, []);
	const state = ready ? current() : undefined;
	return { state: state ?? emptyState(), ready, deciding: ready && state === undefined };
}
