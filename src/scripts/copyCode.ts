/** Give every code block on the page a copy button, with a spoken and visible confirmation. */
export function enhanceCodeBlocks(): void {
	for (const pre of document.querySelectorAll<HTMLPreElement>('.code-block pre, .sl-markdown-content pre')) {
		const figure = pre.closest('.code-block') ?? pre;
		if (figure.querySelector(':scope > .copy-code') || figure.parentElement?.querySelector(':scope > .copy-code')) continue;
		const button = document.createElement('button');
		button.type = 'button';
		button.className = 'copy-code print:hidden';
		const label = figure.querySelector('figcaption')?.textContent?.trim();
		button.setAttribute('aria-label', label ? `Copy ${label}` : 'Copy to clipboard');
		const status = document.createElement('span');
		status.className = 'sr-only';
		status.setAttribute('role', 'status');
		/** What the button shows and what is said. */
		const say = (shown: string, spoken = '') => {
			button.textContent = shown;
			status.textContent = spoken;
		};
		say('Copy');
		button.addEventListener('click', async () => {
			try {
				await navigator.clipboard.writeText(pre.textContent ?? '');
				say('Copied', 'Copied to clipboard');
			} catch {
				// Clipboard refused: select the text so Ctrl+C / ⌘C copies it.
				getSelection()?.selectAllChildren(pre);
				say('Press Ctrl+C', 'Text selected: press Control C to copy');
			}
			setTimeout(() => say('Copy'), 2500);
		});
		if (figure === pre) pre.before(button);
		else figure.append(button);
		figure.append(status);
	}
}
