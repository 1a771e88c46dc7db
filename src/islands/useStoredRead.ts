import { useEffect, useReducer, useState } from 'preact/hooks';
import { pageShown, type StateReader } from '../lib/pageShown.ts';
import { loadStore } from '../lib/pageStoreLoader.ts';
import { INCIDENT_QUERY } from '../lib/urls.ts';

/** Each reader's last read of stored text, so a render (a keystroke) does not parse it again. */
const lastReads = new WeakMap<StateReader<unknown>, { raw: string | null; value: unknown }>();

/** What to show; undefined while the store's full read decides and nothing was shown before. */
function current<T>(reader: StateReader<T>): T | undefined {
	const shown = pageShown();
	const store = shown.store();
	if (store) return reader.fromStore(store.get());
	// Not read (storage that cannot be read, text the cheap read refused): the store is loading, and its full read decides.
	const raw = shown.raw();
	let last = lastReads.get(reader) as { raw: string | null; value: T | undefined } | undefined;
	if (raw !== undefined && last?.raw !== raw) {
		const value = reader.fromText(raw);
		// Not of the current version or shape: the store's full read decides, and the page shows its answer,
		// keeping what it showed until then (as a page holding the store keeps what it has).
		if (value === undefined) void loadStore(raw);
		last = { raw, value: value ?? last?.value };
		lastReads.set(reader, last);
	}
	return last?.value;
}

/**
 * What `reader` takes of the incident state, without loading the store, re-rendering on every
 * change, this tab's or another's: for islands that show the state and change it through the store
 * loaded on demand, or never. Reads nothing until mounted (`ready`), so the server's HTML and the
 * first client render agree. `deciding`: stored text the reader would not take, and nothing shown
 * before it; the store is loading, and what is shown is `empty` until its full read has migrated or
 * set aside what was stored, and told.
 */
export function useStoredRead<T>(reader: StateReader<T>): { value: T; ready: boolean; deciding: boolean } {
	const [ready, setReady] = useState(false);
	const [, rerender] = useReducer((n: number) => n + 1, 0);
	useEffect(() => {
		setReady(true);
		return pageShown().subscribe(() => rerender(undefined));
	}, []);
	const value = ready ? current(reader) : undefined;
	return { value: value ?? reader.empty(), ready, deciding: ready && value === undefined };
}

/**
 * The incident the page's address names (`?incident=`, a link for one incident), read once as the page comes alive:
 * spaces around it (a pasted link) dropped, a blank one as none. The workspace opens on it, a generator fills from it.
 */
export const useNamedIncident = (): string | null =>
	useState(() => (typeof location === 'undefined' ? null : new URLSearchParams(location.search).get(INCIDENT_QUERY)?.trim() || null))[0];
