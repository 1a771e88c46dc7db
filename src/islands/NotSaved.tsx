import { useEffect, useState } from 'preact/hooks';
import type { OnDemandChanges } from '../lib/onDemandChanges.ts';

/**
 * Said while an island's changes wait because the code that saves them could not load (offline
 * before it was cached): they stay on the page and are saved once it loads. It stays in view while
 * the responder writes (generators.css), so nobody closes the page believing it saved.
 */
export function NotSaved({ changes }: { changes: Pick<OnDemandChanges<unknown>, 'watch'> }) {
	const [failing, setFailing] = useState(false);
	useEffect(() => changes.watch(setFailing), [changes]);
	if (!failing) return null;
	return (
		<p role="alert" class="not-saved">
			Not saved yet: the page could not load what saves it (is the network down?). What you did is kept on this page and saved as soon as it
			loads, tried again with your next change. Do not close or reload this page until this goes away.
		</p>
	);
}
