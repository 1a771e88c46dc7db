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

/** At most as high as the cue's line on a phone (two lines of text beside a thumb-high button). */
const CUE_HEIGHT = 64;

/** The line pinned under the bar while the notices are out of sight, for the first that is more than news; none for news alone. */
function cueLine(notices: readonly StorageNotice[]): string | undefined {
	const first = notices.find((n) => n.kind !== 'migrated');
	if (!first) return undefined;
	if (first.kind === 'newer') return 'Not saved: this page is out of date. ';
	return first.unsaved ? 'Not saved: storage failed. ' : 'Saved incidents could not be read. ';
}

/**
 * Show the store's notices under the bar from now on, as they come and go (a change that cannot be
 * saved, a notice dismissed). Each is made once while it shows, so a button keeps its focus as others change; one dismissed and told again
 * is made anew.
 *
 * Notices come in after the page is drawn (they wait for the store's read): one that comes in above the text must not move
 * it, or a tap aimed at a step lands on another. Once the page is scrolled, the browser keeps what is in view where it was
 * (scroll anchoring); at the very top of a page it does not, nor does a browser without anchoring, so the page is scrolled by
 * what came in (which the page grew by, so a short page can be too). Either way the notices are then above the screen, and
 * the line pinned under the bar says they are there.
 */
export function showNotices(bar: HTMLElement, shown: PageShown): void {
	const list = document.createElement('div');
	list.id = 'storage-notices';
	list.className = 'storage-notices print:hidden';
	// Hidden until it holds a notice: even its padding, put in unanchored, would move the text.
	list.hidden = true;
	// Far down a runbook, the notices are out of sight: a line pinned under the bar says so, and takes the responder to
	// what to do (a tick that stays ticked on screen must not pass for one that was kept). Its pin takes no height: shown
	// or hidden, it moves nothing.
	const said = document.createElement('span');
	const cue = document.createElement('p');
	cue.className = 'storage-cue';
	cue.hidden = true;
	// Where the responder was (what had the focus, or what was under the cue) as they went to the notices: dismissed,
	// they go back there, not to the top of the page with the focus on nothing.
	// A failed save loads this module: the step just ticked has the focus already.
	let lastFocus: Element | null = document.activeElement === document.body ? null : document.activeElement;
	document.addEventListener('focusin', (event) => {
		if (event.target instanceof Element && !list.contains(event.target) && !cue.contains(event.target)) lastFocus = event.target;
	});
	let back: { to: Element; top: number } | undefined;
	cue.append(
		said,
		button('What to do', () => {
			const { bottom } = cue.getBoundingClientRect();
			const to = lastFocus?.isConnected ? lastFocus : document.elementFromPoint(innerWidth / 2, bottom + 8);
			back = to ? { to, top: to.getBoundingClientRect().top } : undefined;
			list.scrollIntoView({ block: 'start' });
			list.querySelector<HTMLElement>('button, a')?.focus({ preventScroll: true });
		}),
	);
	/** The focus was on a notice just dismissed: on to the next one, else back where the responder was, else the text. */
	const refocus = (views: readonly HTMLElement[]) => {
		const next = views[0]?.querySelector<HTMLElement>('button, a');
		if (next) return next.focus();
		const was = back;
		back = undefined;
		if (was?.to.isConnected) {
			scrollBy({ top: was.to.getBoundingClientRect().top - was.top, behavior: 'instant' });
			if (was.to instanceof HTMLElement && was.to === lastFocus) return was.to.focus({ preventScroll: true });
		}
		const main = document.querySelector<HTMLElement>('main');
		if (!main) return;
		main.tabIndex = -1;
		main.focus({ preventScroll: true });
	};
	const pin = document.createElement('div');
	pin.className = 'storage-cue-pin print:hidden';
	pin.append(cue);
	bar.after(list, pin);
	let inView = true;
	const showCue = () => {
		const line = cueLine(shown.notices());
		said.textContent = line ?? '';
		const coming = cue.hidden && !(inView || line === undefined);
		cue.hidden = inView || line === undefined;
		// A heading scrolled to (a link to a section, the table of contents) stops below the cue, not under it.
		document.documentElement.toggleAttribute('data-storage-cue', !cue.hidden);
		// The step just ticked, right under the bar, would be under the cue that says it was not saved: it is shown below it.
		const at = document.activeElement;
		if (!coming || !at || at === document.body || list.contains(at)) return;
		const row = (at.closest('li') ?? at).getBoundingClientRect();
		const { top, bottom } = cue.getBoundingClientRect();
		if (row.top < bottom && row.bottom > top) scrollBy({ top: row.top - bottom - 8, behavior: 'instant' });
	};
	// In view means below the header, the bar pinned over the page and the cue itself, which covers what is under it. Just
	// under them, a notice that came in at the top of the page is one small scroll away: the cue stays until more shows.
	const pinned = (parseFloat(getComputedStyle(pin).top) || 0) + CUE_HEIGHT;
	new IntersectionObserver(
		([entry]) => {
			inView = entry?.isIntersecting ?? true;
			showCue();
		},
		{ rootMargin: `${-Math.round(pinned)}px 0px 0px 0px` },
	).observe(list);
	const anchoring = CSS.supports('overflow-anchor', 'auto');
	let made = new Map<string, HTMLElement>();
	const render = () => {
		const showing = new Map<string, HTMLElement>();
		let fresh = false;
		for (const notice of shown.notices()) {
			const key = `${notice.kind}:${notice.backupKey ?? ''}`;
			const view = made.get(key);
			fresh ||= !view;
			showing.set(key, view ?? noticeView(notice, shown));
		}
		made = showing;
		const views = [...showing.values()];
		// Drawn already: the text is on screen, where the responder may be about to tap.
		const coming = fresh && performance.getEntriesByType('paint').length > 0;
		const unanchored = !anchoring || scrollY === 0;
		const before = list.offsetHeight;
		const focused = list.contains(document.activeElement);
		if (views.length !== list.children.length || views.some((v, i) => list.children[i] !== v)) list.replaceChildren(...views);
		list.hidden = views.length === 0;
		if (focused && !list.contains(document.activeElement)) refocus(views);
		if (coming && unanchored) {
			const grown = list.offsetHeight - before;
			// A page shorter than the screen cannot be scrolled that far: room below the footer, where the screen was blank.
			const short = grown - (document.documentElement.scrollHeight - innerHeight - scrollY);
			if (short > 0) {
				const room = document.createElement('div');
				room.style.height = `${short}px`;
				document.body.append(room);
			}
			scrollBy({ top: grown, behavior: 'instant' });
		}
		showCue();
	};
	shown.subscribe(render);
	render();
}
