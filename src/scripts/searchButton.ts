/**
 * What every page runs for search: open the dialog from the button or a shortcut, and load the
 * search itself (src/scripts/searchDialog.onDemand.ts) the first time someone reaches for it.
 */
type Search = typeof import('./searchDialog.onDemand.ts');

let loading: Promise<Search> | undefined;
const load = () => (loading ??= import('./searchDialog.onDemand.ts'));

/** Typing into a field: `/` there is a character, not a shortcut (a step's or a criterion's box just ticked is not one). */
const typing = (target: EventTarget | null) =>
	target instanceof HTMLElement && (target.isContentEditable || target.matches('textarea,select,input:not([type=checkbox],[type=radio])'));

/** Wire the header's search button, its dialog and the keyboard shortcuts. */
export function wireSearch(): void {
	const root = document.querySelector('site-search');
	const button = root?.querySelector<HTMLButtonElement>('[data-open-search]');
	const dialog = root?.querySelector('dialog');
	if (!root || !button || !dialog) return;
	if (/(Mac|iPhone|iPad)/i.test(navigator.platform)) root.querySelector('.search-open-keys')!.textContent = '⌘ K';
	// Start fetching as the hand reaches for it: by the time a word is typed, Pagefind is ready.
	// A mouse rests on the button a few hundred milliseconds before it clicks; a finger or the
	// keyboard gives only the press or the focus. Pagefind's engine (its URL is in the page) is
	// fetched beside the dialog's code rather than after it: the dialog imports the same module.
	const warm = () => {
		const engine = root.getAttribute('data-pagefind');
		if (engine) import(/* @vite-ignore */ engine).catch(() => undefined);
		void load().then((search) => search.warmUp());
	};
	const open = () => {
		if (dialog.open) return;
		dialog.showModal();
		dialog.querySelector('input')?.focus();
		warm();
		void load().then((search) => search.start(dialog));
	};
	for (const reach of ['pointerenter', 'pointerdown', 'focus']) button.addEventListener(reach, warm, { once: true });
	button.addEventListener('click', open);
	root.querySelector('[data-close-search]')?.addEventListener('click', () => dialog.close());
	// Esc closes at once: in a search field Chromium would first only clear the text.
	dialog.addEventListener('keydown', (event) => {
		if (event.key !== 'Escape') return;
		event.preventDefault();
		dialog.close();
	});
	// A click on the backdrop (outside the frame) closes, as Starlight's dialog did.
	dialog.addEventListener('click', (event) => event.target === dialog && dialog.close());
	window.addEventListener('keydown', (event) => {
		const shortcut = ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k') || (event.key === '/' && !typing(event.target));
		if (!shortcut || event.altKey) return;
		event.preventDefault();
		if (dialog.open) dialog.close();
		else open();
	});
	button.disabled = false;
}
