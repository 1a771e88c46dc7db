/**
 * A storage problem as the incident bar says it on every page (the workspace says it itself, with
 * the kept data to download). Loaded only when there is one: it needs the store, which told it.
 */
import type { PageShown } from '../lib/pageShown.ts';
import type { StorageNotice } from '../lib/storage.ts';
import { urls } from '../lib/urls.ts';

/** The notice, with a link to the workspace and a button that dismisses it. */
export function noticeView(notice: StorageNotice, shown: PageShown): HTMLElement {
	const box = document.createElement('div');
	box.className = `storage-notice notice-${notice.kind}`;
	box.setAttribute('role', 'alert');
	const message = document.createElement('p');
	message.textContent = notice.message;
	const more = document.createElement('a');
	more.textContent = notice.backupKey ? 'Download it from the workspace' : 'Open the workspace';
	more.setAttribute('href', urls.incident());
	const dismiss = document.createElement('button');
	dismiss.textContent = 'Dismiss';
	dismiss.setAttribute('type', 'button');
	dismiss.addEventListener('click', () => shown.store()?.dismiss(notice));
	box.append(message, more, ' ', dismiss);
	return box;
}
