/**
 * Where the focus goes as a dialog or note closes: back to what opened it when it is still there
 * and shown, else to the page's first step to tick, else to the main content; never to <body>,
 * where a keyboard or screen reader user would have to start the page over.
 */
export function focusBack(opener: Element | null): void {
	const candidates = [opener, ...document.querySelectorAll('main .checklist input')];
	for (const el of candidates) {
		if (!(el instanceof HTMLElement) || el === document.body || !el.isConnected) continue;
		if (focusInPlace(el)) return;
	}
	const main = document.querySelector<HTMLElement>('main');
	if (!main) return;
	if (!main.hasAttribute('tabindex')) main.tabIndex = -1;
	focusInPlace(main);
}

/**
 * Focus without moving the page after a touch or a click: the responder reading the runbook keeps their
 * place. After a key, the focus is brought into view, as the browser would, to be seen where it went.
 */
function focusInPlace(el: HTMLElement): boolean {
	el.focus({ preventScroll: true });
	if (document.activeElement !== el) return false;
	if (pressedByKey()) bringIntoView(el);
	return true;
}

/** The focused element brought into view with what it belongs to: a step's box with its words and buttons, not cut at the edge. */
export function bringIntoView(el: Element): void {
	(el.closest('li') ?? el).scrollIntoView({ block: 'nearest' });
}

/**
 * Whether the last press was a key, not a touch or a click: a focus moved by script is then brought
 * into view, to be seen where it went; after a touch the page stays where the responder was reading.
 * Known from the moment this is loaded (with a dialog or a note's code, on the press that opens it).
 * Chromium's :focus-visible cannot tell for a focus moved by script: its guess follows what was focused before.
 */
let byKey = false;
addEventListener('keydown', () => (byKey = true), true);
addEventListener('pointerdown', () => (byKey = false), true);

export const pressedByKey = (): boolean => byKey;
