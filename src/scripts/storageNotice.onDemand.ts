/**
 * A storage problem as the incident bar says it on every page (the workspace says it itself, with
 * the kept data to download). Loaded only when there is one: it needs the store, which told it.
 * What this tab could not save is offered here, on the page itself: following a link to the
 * workspace would leave the page and lose it.
 */
import type { PageShown } from '../lib/pageShown.ts';
import type { StorageNotice } from '../lib/storage.ts';
import { urls } from '../lib/urls.ts';
import { copyUnsaved, downloadUnsaved } from '../islands/copyText.ts';

function button(text: string, onClick: () => void): HTMLButtonElement {
	const node = document.createElement('button');
	node.type = 'button';
	node.textContent = text;
	node.addEventListener('click', onClick);
	return node;
}

/** The notice: what is not saved to download or copy, or a link to the workspace; and a button that dismisses it. */
export function noticeView(notice: StorageNotice, shown: PageShown): HTMLElement {
	const box = document.createElement('div');
	box.className = `storage-notice notice-${notice.kind}`;
	box.setAttribute('role', 'alert');
	const message = document.createElement('p');
	message.textContent = notice.message;
	const actions: Array<Node | string> = [];
	if (notice.unsaved) {
		const said = document.createElement('span');
		said.setAttribute('role', 'status');
		const snapshot = () => shown.store()?.snapshot() ?? '';
		actions.push(
			button('Download what is not saved', () => downloadUnsaved(snapshot())),
			' ',
			button('Copy it', () => void copyUnsaved(snapshot()).then((text) => (said.textContent = text))),
			' ',
			said,
		);
	} else {
		const more = document.createElement('a');
		more.textContent = notice.backupKey ? 'Download it from the workspace' : 'Open the workspace';
		more.setAttribute('href', urls.incident());
		actions.push(more);
	}
	box.append(
		message,
		...actions,
		' ',
		button('Dismiss', () => shown.store()?.dismiss(notice)),
	);
	return box;
}
