import type { Store } from '../../lib/store.ts';
import { UnsavedActions } from '../UnsavedActions.tsx';

/**
 * Said in what comes next when this browser could not keep what was just done (storage full or refused): a
 * declaration, or an open incident's new level or alert. Any message copied is right, but the change lives
 * only on this page until it can be saved.
 */
export function NotKept({ store, what = 'The incident is' }: { store: Store; what?: string }) {
	const notice = store.notices().find((n) => n.unsaved);
	return (
		<div class="storage-notice declared-not-kept" role="alert">
			<p>
				{notice?.message ?? 'Not saved in this browser.'} {what} only on this page: a reload or another page will not have it. Download or
				copy it before leaving.
			</p>
			<p class="actions">
				<UnsavedActions store={store} />
			</p>
		</div>
	);
}
