import { useReducer } from 'preact/hooks';
import { listBackups, readRaw, removeBackup, browserStorage } from '../lib/storage.ts';
import type { Store } from '../lib/store.ts';
import { downloadText } from './copyText.ts';
import { UnsavedActions } from './UnsavedActions.tsx';

/**
 * What went wrong with this browser's storage, in words, with the data that was kept aside
 * ready to download. Nothing is deleted unless the user asks. Loaded by the workspace only when
 * there is something to tell or list: the store, once made, has notices, or data was kept aside
 * (the notices come with the store, which the page loads when its read refuses what is stored, or
 * on the first change).
 */
export function StorageNotices({ store, showBackups = false }: { store: Store | undefined; showBackups?: boolean }) {
	const storage = browserStorage();
	const [, refresh] = useReducer((n: number) => n + 1, 0);
	const backups = showBackups ? listBackups(storage) : [];
	const download = (key: string) => {
		const raw = readRaw(storage, key);
		if (raw !== null) downloadText(`${key.replaceAll(':', '-')}.json`, raw, 'application/json');
	};
	return (
		<>
			{store &&
				store.notices().map((notice) => (
					<div key={`${notice.kind}${notice.backupKey ?? ''}`} class={`storage-notice notice-${notice.kind}`} role="alert">
						<p>{notice.message}</p>
						<p class="actions">
							{notice.backupKey && (
								<button type="button" onClick={() => download(notice.backupKey!)}>
									{notice.blocking ? 'Download the unreadable data' : 'Download the kept data'}
								</button>
							)}
							{notice.blocking && (
								<button
									type="button"
									onClick={() => {
										if (confirm('Replace the unreadable data with what this page holds? Download it first if you might need it.'))
											store.saveOver();
									}}
								>
									Save over it
								</button>
							)}
							{notice.unsaved && <UnsavedActions store={store} />}
							<button type="button" onClick={() => store.dismiss(notice)}>
								Dismiss
							</button>
						</p>
					</div>
				))}
			{backups.length > 0 && (
				<details class="backups">
					<summary>Data kept aside ({backups.length})</summary>
					<ul>
						{backups.map((b) => (
							<li key={b.key}>
								<code>{b.key}</code> ({b.size} characters){' '}
								<button type="button" onClick={() => download(b.key)}>
									Download
								</button>{' '}
								<button
									type="button"
									onClick={() => {
										if (confirm('Delete this kept data for good? Download it first if you might need it.')) {
											removeBackup(storage, b.key);
											refresh(undefined);
										}
									}}
								>
									Delete
								</button>
							</li>
						))}
					</ul>
				</details>
			)}
		</>
	);
}
