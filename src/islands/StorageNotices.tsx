import { useReducer } from 'preact/hooks';
import { listBackups, readRaw, removeBackup, browserStorage } from '../lib/storage';
import type { Store } from '../lib/store';
import { downloadText } from './copyText';

/**
 * What went wrong with this browser's storage, in words, with the data that was kept aside
 * ready to download. Nothing is deleted unless the user asks.
 */
export function StorageNotices({ store, showBackups = false }: { store: Store; showBackups?: boolean }) {
	const storage = browserStorage();
	const [, refresh] = useReducer((n: number) => n + 1, 0);
	const backups = showBackups ? listBackups(storage) : [];
	const download = (key: string) => {
		const raw = readRaw(storage, key);
		if (raw !== null) downloadText(`${key.replaceAll(':', '-')}.json`, raw, 'application/json');
	};
	return (
		<>
			{store.notices().map((notice) => (
				<div key={`${notice.kind}${notice.backupKey ?? ''}`} class={`storage-notice notice-${notice.kind}`} role="alert">
					<p>{notice.message}</p>
					<p class="actions">
						{notice.backupKey && (
							<button type="button" onClick={() => download(notice.backupKey!)}>
								Download the kept data
							</button>
						)}
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
								<button type="button" onClick={() => download(b.key)}>Download</button>{' '}
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
