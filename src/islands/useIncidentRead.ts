import { useEffect, useReducer, useState } from 'preact/hooks';
import { NOTHING_READ, readState, readStoredIncident, type IncidentRead } from '../lib/incidentRead.ts';
import { pageShown } from '../lib/pageShown.ts';
import { loadStore } from '../lib/pageStoreLoader.ts';
import type { State } from '../lib/state.ts';

/** The last read, so a render (a keystroke) does not parse the stored text again. */
let last: { from: string | null | State; read: IncidentRead } | undefined;

function current(): IncidentRead {
	const shown = pageShown();
	const from = shown.store()?.get() ?? shown.raw();
	if (from === undefined) return NOTHING_READ;
	if (last?.from !== from) {
		const read = typeof from === 'string' || from === null ? readStoredIncident(from) : readState(from);
		// Not of the shape the read takes: the store's full read decides, and the page shows its answer.
		if (read === undefined) void loadStore(from as string);
		last = { from, read: read ?? NOTHING_READ };
	}
	return last.read;
}

/**
 * The open incident, read whole (incidentRead.ts) without loading the store, re-rendering on every
 * change, this tab's or another's. For islands that show it and change it seldom, through the store
 * loaded on demand. Reads nothing until mounted (`ready`), so the server's HTML and the first client
 * render agree.
 */
export function useIncidentRead(): IncidentRead & { ready: boolean } {
	const [ready, setReady] = useState(false);
	const [, rerender] = useReducer((n: number) => n + 1, 0);
	useEffect(() => {
		setReady(true);
		return pageShown().subscribe(() => rerender(undefined));
	}, []);
	return { ...(ready ? current() : NOTHING_READ), ready };
}
