/**
 * Where the focus goes as a dialog or note closes: back to what opened it when it is still there
 * and shown, else to the page's first step to tick, else to the main content; never to <body>,
 * where a keyboard or screen reader user would have to start the page over.
 */
export function focusBack(opener: Element | null): void {
	const candidates = [opener, ...document.querySelectorAll('main .checklist input')];
	for (const el of candidates) {
		if (!(el instanceof HTMLElement) || el === document.body || !el.isConnected) continue;
		el.focus();
		if (document.activeElement === el) return;
	}
	const main = document.querySelector<HTMLElement>('main');
	if (!main) return;
	if (!main.hasAttribute('tabindex')) main.tabIndex = -1;
	main.focus();
}
