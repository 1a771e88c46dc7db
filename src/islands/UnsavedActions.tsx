import { useState } from 'preact/hooks';
import type { Store } from '../lib/store.ts';
import { copyUnsaved, downloadUnsaved } from './copyText.ts';

/** What this tab holds and could not save, to download or copy: what every "not saved" notice offers. */
export function UnsavedActions({ store }: { store: Store }) {
	const [copied, setCopied] = useState('');
	return (
		<>
			<button type="button" onClick={() => downloadUnsaved(store.snapshot())}>
				Download what is not saved
			</button>
			<button type="button" onClick={async () => setCopied(await copyUnsaved(store.snapshot()))}>
				Copy it
			</button>
			{copied && <span role="status">{copied}</span>}
		</>
	);
}
