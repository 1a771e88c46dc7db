import { useEffect, useState } from 'preact/hooks';
import type { OnDemandChanges } from '../lib/onDemandChanges.ts';

/** Whether the browser says it is online, kept current. */
function useOnline(): boolean {
	const [online, setOnline] = useState(() => navigator.onLine);
	useEffect(() => {
		const update = () => setOnline(navigator.onLine);
		addEventListener('online', update);
		addEventListener('offline', update);
		return () => {
			removeEventListener('online', update);
			removeEventListener('offline', update);
		};
	}, []);
	return online;
}

/**
 * Said while an island's changes wait because the code that saves them could not load (offline
 * before it was cached): they stay on the page and are tried again with the next change, when the
 * network is back, and after a while. It stays in view while the responder writes (generators.css),
 * so nobody closes the page believing it saved. Once the network is back, it offers a reload: some
 * browsers (Chromium) keep a module that failed to load as failed for the page's life, so only a new
 * page can load it; typed text is kept for it (heldChanges.ts), and a press may need making again.
 */
export function NotSaved({ changes }: { changes: Pick<OnDemandChanges<unknown>, 'watch'> }) {
	const [failing, setFailing] = useState(false);
	const online = useOnline();
	useEffect(() => changes.watch(setFailing), [changes]);
	if (!failing) return null;
	return (
		<p role="alert" class="not-saved">
			Not saved yet: the page could not load what saves it{online ? '' : ' (the network is down)'}, and tries again with your next change.{' '}
			{online ? (
				<>
					If this stays,{' '}
					<button type="button" onClick={() => location.reload()}>
						reload the page
					</button>
					: typed text is kept and saved then; check that what you pressed is there.
				</>
			) : (
				'Do not close or reload this page until the network is back.'
			)}
		</p>
	);
}
