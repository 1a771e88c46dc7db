/**
 * A storage problem as the incident bar says it on every page (the workspace says it itself, with
 * the kept data to download). Loaded only when there is one: it needs the store, which told it.
 * What this tab could not save is offered here, on the page itself: following a link to the
 * workspace would leave the page and lose it.
 *
 * The notices sit under the bar, in the page rather than in the bar: the bar stays pinned while the
 * page scrolls, and a notice pinned with it covered most of a phone's screen, the row just tapped too.
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

/**
 * Show the store's notices under the bar from now on, as they come and go (a change that cannot be
 * saved, a notice dismissed). Each is made once while it shows, so a button keeps its focus as others change; one dismissed and told again
 * is made anew.
 */
export function showNotices(bar: HTMLElement, shown: PageShown): void {
	const list = document.createElement('div');
	list.id = 'storage-notices';
	list.className = 'storage-notices print:hidden';
	// Far down a runbook, the notices are out of sight: a line pinned under the bar says a change was not saved, and
	// takes the responder to what to do (a tick that stays ticked on screen must not pass for one that was kept).
	const cue = document.createElement('p');
	cue.className = 'storage-cue print:hidden';
	cue.hidden = true;
	cue.append(
		'Not saved: storage failed. ',
		button('What to do', () => {
			list.scrollIntoView({ block: 'start' });
			list.querySelector<HTMLElement>('button, a')?.focus({ preventScroll: true });
		}),
	);
	bar.after(list, cue);
	let inView = true;
	const showCue = () => (cue.hidden = inView || !shown.notices().some((n) => n.unsaved));
	new IntersectionObserver(([entry]) => {
		inView = entry?.isIntersecting ?? true;
		showCue();
	}).observe(list);
	let made = new Map<string, HTMLElement>();
	const render = () => {
		const showing = new Map<string, HTMLElement>();
		for (const notice of shown.notices()) {
			const key = `${notice.kind}:${notice.backupKey ?? ''}`;
			showing.set(key, made.get(key) ?? noticeView(notice, shown));
		}
		made = showing;
		const views = [...showing.values()];
		if (views.length !== list.children.length || views.some((v, i) => list.children[i] !== v)) list.replaceChildren(...views);
		list.hidden = views.length === 0;
		showCue();
	};
	shown.subscribe(render);
	render();
}
