/** A piece of one-line text: plain, or code (written between backticks). */
export interface Span {
	text: string;
	code: boolean;
}

/** Split text on backticks, so `15m` in a field's meaning shows as code; an unmatched backtick stays as it is. */
export function codeSpans(text: string): Span[] {
	const parts = text.split('`');
	if (parts.length % 2 === 0) return [{ text, code: false }];
	return parts.map((part, i) => ({ text: part, code: i % 2 === 1 })).filter((span) => span.text !== '');
}
