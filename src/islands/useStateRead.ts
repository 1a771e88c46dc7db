import { useEffect, useReducer, useState } from 'preact/hooks';
import { pageShown } from '../lib/pageShown.ts';
import { loadStore } from '../lib/pageStoreLoader.ts';
import { emptyState, type State } from '../lib/state.ts';
import { readStoredState } from '../lib/stateRead.ts';

/** The last read of stored text, so a render (a keystroke) does not parse it again. */
let last: { raw: string | null; state: State } | undefined;

function current(): State {
	const shown = pageShown();
	const store = shown.store();
	if (store) return store.get();
	const raw = shown.raw();
	if (raw === undefined) return emptyState();
	if (last?.raw !== raw) {
		const state = readStoredState(raw);
		// Not of the current version or shape: the store's full read decides, and the page shows its answer.
		if (state === undefined) void loadStore(raw);
		last = { raw, state: state ?? emptyState() };
	}
	return last.state;
}

/**
 * The incident state, read whole and validated (stateRead.ts) without loading the store,
 * re-rendering on every change, this tab's or another's. For islands that show it and change it
 * seldom, through the store loaded on demand, or never. Reads nothing until mounted (`ready`), so
 * the server's HTML and the first client render agree.
 */
export function useStateRead(): { state: State; ready: boolean } {
	const [ready, setReady] = useState(false);
	const [, rerender] = useReducer((n: number) => n + 1, 0);
	useEffect(() => {
		setReady(true);
		return pageShown().subscribe(() => rerender(undefined));
	}, []);
	return { state: ready ? current() : emptyState(), ready };
}
