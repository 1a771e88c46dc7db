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

/** The current time, updated every `ms` and as soon as the tab becomes visible again. */
export function useNow(ms = 1000): number {
	const [now, setNow] = useState(() => Date.now());
	useEffect(() => {
		const tick = () => setNow(Date.now());
		const timer = setInterval(tick, ms);
		document.addEventListener('visibilitychange', tick);
		return () => {
			clearInterval(timer);
			document.removeEventListener('visibilitychange', tick);
		};
	}, [ms]);
	return now;
}
