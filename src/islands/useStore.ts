import { useEffect, useReducer, useState } from 'preact/hooks';
import { emptyState, type State } from '../lib/state.ts';
import { pageStore, type Store } from '../lib/store.ts';

/**
 * The shared incident state, re-rendering on every change (this tab or another). Renders the
 * empty state until mounted, so the server's HTML and the first client render agree.
 */
export function useIncidentState(): { state: State; store: Store | undefined } {
	const [store, setStore] = useState<Store | undefined>(undefined);
	const [, rerender] = useReducer((n: number) => n + 1, 0);
	useEffect(() => {
		const shared = pageStore();
		setStore(shared);
		const unsubscribe = shared.subscribe(() => rerender(undefined));
		return () => {
			unsubscribe();
		};
	}, []);
	return { state: store?.get() ?? emptyState(), store };
}
