/**
 * Make every copy button on the page work (their markup: src/lib/copyButton.ts), with a spoken and
 * visible confirmation in the status after each.
 */
export function enhanceCodeBlocks(): void {
	for (const button of document.querySelectorAll<HTMLButtonElement>('.copy-code[data-awaits-script]')) {
		const pre = button.parentElement?.querySelector('pre');
		const status = button.nextElementSibling;
		if (!pre || !status) continue;
		/** What the button shows and what is said. */
		const say = (shown: string, spoken = '') => {
			button.textContent = shown;
			status.textContent = spoken;
		};
		button.addEventListener('click', async () => {
			try {
				await navigator.clipboard.writeText(pre.textContent ?? '');
				say('Copied', 'Copied to clipboard');
			} catch {
				// Clipboard refused: select the text, for the keyboard's copy or the phone's own Copy (no Ctrl key there).
				getSelection()?.selectAllChildren(pre);
				say('Selected', 'Text selected: copy it');
			}
			setTimeout(() => say('Copy'), 2500);
		});
		button.removeAttribute('data-awaits-script');
		button.removeAttribute('aria-hidden');
	}
}
