/**
 * The copy button of a block of text to copy (CodeBlock.astro, and code fences written in content:
 * src/build/codeFences.ts), in the server's HTML so it holds its place from the first paint. It
 * works once the copy script runs (src/scripts/copyCode.ts), which takes away `data-awaits-script`:
 * until then it is unseen and hidden from assistive technology. A status after it says what a press did.
 */
export const COPY_BUTTON_CLASS = 'copy-code print:hidden';

/** The button's accessible name: what it copies, by the block's caption. */
export function copyButtonLabel(caption: string | undefined): string {
	const text = caption?.trim();
	return text ? `Copy ${text}` : 'Copy to clipboard';
}
