/**
 * The history entry an open dialog (the declare form, the search) adds, so that the browser's Back
 * (a phone's back gesture) closes the dialog instead of leaving the page, for the chat the alert
 * came from. One entry at most, always on top of the page's own; what the dialog changes in the
 * address (an alert done with) is carried to the page's entry, so no Back, Forward or reload
 * brings it back.
 */
import { bringIntoView, pressedByKey } from './focusBack.ts';

const MARK = 'dialog';
const marked = () => (history.state as Record<string, unknown> | null)?.[MARK] === true;
const push = () => history.pushState({ ...(history.state as object | null), [MARK]: true }, '');

/** The current entry is the open dialog's. */
let mine = false;
/** Traversals of our own under way: not the responder's Back. */
let ours = 0;
let onBack: (() => void) | undefined;

/** The last step back of our own asked for, landed or not. */
let landing: Promise<void> = Promise.resolve();

/**
 * One step back of our own, off a dialog's entry; `then` once it has landed. One at a time: a step asked
 * for while another is under way (a link followed from the dialog just after declaring moved the address,
 * on a busy phone) waits for it to land. Two at once merge into one, and the second lands after the link
 * is followed, which undoes it. No dialog's entry on top by then (a dialog closed before its entry was
 * made): no step, for a step from the page's own entry would leave the page.
 */
function stepBack(then: () => void): void {
	landing = landing.then(
		() =>
			new Promise<void>((landed) => {
				if (!marked()) {
					try {
						return then();
					} finally {
						landed();
					}
				}
				ours++;
				addEventListener(
					'popstate',
					() => {
						ours--;
						try {
							then();
						} finally {
							landed();
						}
						// Right after this event the browser puts the page back where it was scrolled as the entry was made,
						// which may leave the focus given on as the dialog closed (a runbook's first step, further down) out of
						// view: after a key, before the next frame is drawn, it is brought back into view. After a touch the page
						// stays where it was, its title in view under the incident bar a declaration adds.
						requestAnimationFrame(() => {
							const focused = document.activeElement;
							if (pressedByKey() && focused instanceof HTMLElement && focused !== document.body) bringIntoView(focused);
						});
					},
					{ once: true },
				);
				history.back();
			}),
	);
}

/** Back from the dialog's entry closes it; Forward onto a closed dialog's entry steps over it. Listening from the first dialog on. */
let listening = false;
const onPopState = () => {
	if (ours) return;
	if (mine && !marked()) {
		mine = false;
		onBack?.();
	} else if (!mine && marked()) {
		// Forward onto the entry of a dialog no longer open: stepped over, so no Back ever does nothing.
		stepBack(() => undefined);
	}
};

/**
 * The dialog opened: Back now calls `back` (which closes it). An entry left marked (a reload) is taken as is.
 * Another dialog's entry still in use (the search opened over the declare form): it keeps it, and its Back,
 * and this one leaves history alone (false); it is closed by Escape, and Back then puts the form away.
 */
export function enterDialog(back: () => void): boolean {
	if (!listening) addEventListener('popstate', onPopState);
	listening = true;
	if (mine && onBack) return false;
	onBack = back;
	if (mine) return true;
	mine = true;
	// After any step back of ours under way (the last dialog's, closed a moment ago on a busy phone): its entry is still on top until then.
	landing = landing.then(() => {
		if (mine && !marked()) push();
	});
	return true;
}

/** The dialog changed the address (an alert done with): the page's entry below takes it too. */
export function carryAddress(): void {
	if (!mine) return;
	const address = location.href;
	stepBack(() => {
		history.replaceState(history.state, '', address);
		push();
	});
}

/** The dialog closed by other means than Back: its entry goes, the address as left is kept; then `then`. */
export function leaveDialog(then?: () => void): void {
	onBack = undefined;
	if (!mine) return then?.();
	mine = false;
	const address = location.href;
	stepBack(() => {
		if (address !== location.href) history.replaceState(history.state, '', address);
		then?.();
	});
}
