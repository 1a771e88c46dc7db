import { useEffect, useRef, useState } from 'preact/hooks';
import { pageShown } from '../../lib/pageShown.ts';
import { loadedStore } from '../../lib/pageStoreLoader.ts';
import { BACKUP_PREFIX, browserStorage } from '../../lib/storageRead.ts';
import type { StorageNotices } from '../StorageNotices.onDemand.tsx';

/** Whether data was set aside by an earlier read (storage.ts), to list for download or deletion. Never throws. */
function keptAside(): boolean {
	try {
		return Object.keys(browserStorage() ?? {}).some((key) => key.startsWith(BACKUP_PREFIX));
	} catch {
		return false;
	}
}

/** Something to tell or list: the page's store, once made, has notices, or data was kept aside earlier. */
const toTell = () => (loadedStore()?.notices().length ?? 0) > 0 || keptAside();

/**
 * The storage notices' view (what went wrong with stored data, what was kept aside), loaded only
 * when there is something to tell or list. The store that tells is made when the workspace's read
 * refuses what is stored, or on the first change. `waiting`: the workspace has not been shown yet,
 * and the view it needs is not in: it waits for it, so nothing moves down when it comes. `ready`:
 * the workspace has read what is stored.
 */
export function useNoticesView(ready: boolean): { View: typeof StorageNotices | undefined; waiting: boolean } {
	const [View, setView] = useState<typeof StorageNotices | 'failed' | undefined>(undefined);
	useEffect(() => {
		if (!ready) return;
		let asked = false;
		// On every change (the store made, a write that failed), not on a render: loaded once.
		const check = () => {
			if (asked || !toTell()) return;
			asked = true;
			void import('../StorageNotices.onDemand.tsx').then(
				(m) => setView(() => m.StorageNotices),
				// Not to be had (offline before it was cached): the workspace is shown without it.
				() => setView('failed'),
			);
		};
		check();
		return pageShown().subscribe(check);
	}, [ready]);
	const shown = useRef(false);
	const waiting = ready && !shown.current && View === undefined && toTell();
	if (ready && !waiting) shown.current = true;
	return { View: typeof View === 'function' ? View : undefined, waiting };
}
