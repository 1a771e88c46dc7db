/** What says the responder has taken over: from then on the page scrolls only as they do. */
const TAKEN_OVER = ['wheel', 'touchstart', 'pointerdown', 'keydown'] as const;

/**
 * Focus a field the page sends the responder to (a value still to write) and bring it to the middle
 * of the screen (or where `block` says); then keep it there while the page settles, for at most `ms`: islands above it that
 * fill in change the height of what comes before it, and a field focused off the screen is typed
 * into blind. Stops as soon as the responder scrolls, taps or types, or the field loses the focus.
 */
export function focusInView(field: HTMLElement, ms = 2000, block: ScrollLogicalPosition = 'center'): void {
	field.focus({ preventScroll: true });
	field.scrollIntoView({ block });
	let done = false;
	const stop = () => {
		done = true;
		for (const type of TAKEN_OVER) removeEventListener(type, stop, true);
	};
	for (const type of TAKEN_OVER) addEventListener(type, stop, { capture: true, passive: true });
	const until = performance.now() + ms;
	let top = field.getBoundingClientRect().top;
	const follow = () => {
		if (done || document.activeElement !== field || performance.now() > until) return stop();
		const now = field.getBoundingClientRect().top;
		if (now !== top) field.scrollIntoView({ block });
		top = field.getBoundingClientRect().top;
		requestAnimationFrame(follow);
	};
	requestAnimationFrame(follow);
}
