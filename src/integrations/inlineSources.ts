import { createHash } from 'node:crypto';
import { parse, type DefaultTreeAdapterTypes } from 'parse5';

type Node = DefaultTreeAdapterTypes.Node;
type Element = DefaultTreeAdapterTypes.Element;

/** What one HTML page runs and styles inline, and where a policy `<meta>` can go in it. */
export interface InlineSources {
	/** CSP hash sources (`'sha256-…'`) of inline `<script>` elements. */
	scripts: string[];
	/** CSP hash sources of `<style>` elements. */
	styles: string[];
	/** CSP hash sources of `style="…"` attribute values. */
	styleAttributes: string[];
	/** The page already declares a policy in a `<meta http-equiv>`. */
	hasPolicy: boolean;
	/** Offset in the HTML where a policy `<meta>` goes: after `<meta charset>` (which must stay in the first 1024 bytes), else right after `<head>`. */
	insertAt: number;
}

/** The CSP source for a text: `'sha256-<base64>'` of its UTF-8 bytes, exactly as browsers compute it. */
export function hashSource(text: string): string {
	return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

const attribute = (element: Element, name: string) => element.attrs.find((a) => a.name === name)?.value;

function* elements(node: Node): Generator<Element> {
	if ('tagName' in node) yield node;
	if ('childNodes' in node) for (const child of node.childNodes) yield* elements(child);
	if ('content' in node) yield* elements(node.content);
}

/**
 * Everything inline in a page that a strict policy must name by hash. The HTML is parsed as a
 * browser parses it, so script text and decoded attribute values hash to what the browser checks.
 */
export function inlineSources(html: string): InlineSources {
	const document = parse(html, { sourceCodeLocationInfo: true });
	const scripts = new Set<string>();
	const styles = new Set<string>();
	const styleAttributes = new Set<string>();
	let head: Element | undefined;
	let charset: Element | undefined;
	let hasPolicy = false;
	for (const element of elements(document)) {
		const text = element.childNodes.map((child) => ('value' in child && child.nodeName === '#text' ? child.value : '')).join('');
		if (element.tagName === 'head') head ??= element;
		if (element.tagName === 'script' && attribute(element, 'src') === undefined) scripts.add(hashSource(text));
		if (element.tagName === 'style') styles.add(hashSource(text));
		if (element.tagName === 'meta' && element.parentNode === head && attribute(element, 'charset') !== undefined) charset ??= element;
		if (element.tagName === 'meta' && attribute(element, 'http-equiv')?.toLowerCase() === 'content-security-policy') hasPolicy = true;
		const style = attribute(element, 'style');
		if (style !== undefined) styleAttributes.add(hashSource(style));
	}
	const insertAt = charset?.sourceCodeLocation?.endOffset ?? head?.sourceCodeLocation?.startTag?.endOffset;
	if (insertAt === undefined) throw new Error('the page has no <head> tag to put its Content-Security-Policy in');
	return { scripts: [...scripts], styles: [...styles], styleAttributes: [...styleAttributes], hasPolicy, insertAt };
}
