/** Give every code block on the page a copy button, with a spoken and visible confirmation. */
export function enhanceCodeBlocks(): void {
	for (const pre of document.querySelectorAll<HTMLPreElement>('.code-block pre, .sl-markdown-content pre')) {
		const figure = pre.closest('.code-block') ?? pre;
		if (figure.querySelector(':scope > .copy-code') || figure.parentElement?.querySelector(':scope > .copy-code')) continue;
		const button = document.createElement('button');
		button.type = 'button';
		button.className = 'copy-code print:hidden';
		button.textContent = 'Copy';
		const label = figure.querySelector('figcaption')?.textContent?.trim();
		button.setAttribute('aria-label', label ? `Copy ${label}` : 'Copy to clipboard');
		const status = document.createElement('span');
		status.className = 'sr-only';
		status.setAttribute('role', 'status');
		button.addEventListener('click', async () => {
			const text = pre.textContent ?? '';
			try {
				await navigator.clipboard.writeText(text);
				button.textContent = 'Copied';
				status.textContent = 'Copied to clipboard';
			} catch {
				// Clipboard refused: select the text so Ctrl+C / ⌘C copies it.
				const range = document.createRange();
				range.selectNodeContents(pre);
				getSelection()?.removeAllRanges();
				getSelection()?.addRange(range);
				button.textContent = 'Press Ctrl+C';
				status.textContent = 'Text selected: press Control C to copy';
			}
			setTimeout(() => {
				button.textContent = 'Copy';
				status.textContent = '';
			}, 2500);
		});
		if (figure === pre) pre.insertAdjacentElement('beforebegin', button);
		else figure.append(button);
		figure.append(status);
	}
}
