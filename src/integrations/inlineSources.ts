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
	/**
	 * Offset in the HTML where a policy `<meta>` goes: after `<meta charset>` (which must stay in the
	 * first 1024 bytes), else right after `<head>`.
	 */
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
 * Everything inline in a page that a strict policy must name by hash, as a browser reads it, so
 * script text and decoded attribute values hash to what the browser checks. Pages as the build
 * writes them are read by a quick scan; a page the scan cannot vouch for is parsed in full.
 */
export function inlineSources(html: string): InlineSources {
	return scanInlineSources(html) ?? parseInlineSources(html);
}

/** Memo of hash sources by text: most inline scripts and styles repeat on every page. */
const hashes = new Map<string, string>();
const hashOnce = (text: string) => {
	let source = hashes.get(text);
	if (source === undefined) {
		source = hashSource(text);
		if (hashes.size > 10_000) hashes.clear();
		hashes.set(text, source);
	}
	return source;
};

/** Elements whose content is text up to their end tag, never elements. */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript']);
/** Elements the scan leaves to the full parser: their content is parsed by other rules. */
const PARSER_ONLY = new Set(['plaintext', 'math']);
const SPACE = /[\t\n\f ]/;
const TAG_NAME = /[a-zA-Z][^\t\n\f />]*/y;
const ATTRIBUTE = /[\t\n\f ]*([^\t\n\f />"'<=][^\t\n\f />"'<=]*)(?:[\t\n\f ]*=[\t\n\f ]*(?:"([^"]*)"|'([^']*)'|([^\t\n\f >"'<=`]+)))?/y;
const TAG_END = /[\t\n\f ]*(\/?)>/y;

/**
 * inlineSources() by a scan of the tags, for HTML as the build writes it: tags, quoted attributes,
 * comments, raw-text scripts and styles. Returns undefined, so the page is parsed in full, for
 * anything whose reading needs a parser's rules (a carriage return or NUL the parser would
 * rewrite, an entity in a `style` value, a comment-like run in a script, SVG `<style>`, no
 * `<head>` tag, a tag it cannot read).
 */
export function scanInlineSources(html: string): InlineSources | undefined {
	if (html.includes('\r') || html.includes('\0')) return undefined;
	const scripts = new Set<string>();
	const styles = new Set<string>();
	const styleAttributes = new Set<string>();
	let hasPolicy = false;
	let headEnd: number | undefined;
	let charsetEnd: number | undefined;
	let inHead = false;
	let foreign = 0;
	// Open <template>s: a <meta charset> in one is not the head's.
	let templates = 0;
	let at = html.indexOf('<');
	while (at !== -1) {
		if (html.startsWith('<!--', at)) {
			const end = html.indexOf('-->', at + 4);
			if (end === -1 || html.startsWith('>', at + 4) || html.startsWith('->', at + 4) || html.slice(at, end).includes('--!>'))
				return undefined;
			at = html.indexOf('<', end + 3);
			continue;
		}
		if (html[at + 1] === '!' || html[at + 1] === '?') {
			if (html.startsWith('<![CDATA[', at)) return undefined;
			const end = html.indexOf('>', at);
			if (end === -1) return undefined;
			at = html.indexOf('<', end + 1);
			continue;
		}
		const closing = html[at + 1] === '/';
		TAG_NAME.lastIndex = at + (closing ? 2 : 1);
		const nameMatch = TAG_NAME.exec(html);
		if (!nameMatch) {
			// A "<" that starts no tag is text; "</" that starts none is a bogus comment, left to the parser.
			if (closing) return undefined;
			at = html.indexOf('<', at + 1);
			continue;
		}
		const name = nameMatch[0].toLowerCase();
		if (PARSER_ONLY.has(name)) return undefined;
		let cursor = TAG_NAME.lastIndex;
		const attributes = new Map<string, string | undefined>();
		for (;;) {
			TAG_END.lastIndex = cursor;
			const end = TAG_END.exec(html);
			if (end) {
				cursor = TAG_END.lastIndex;
				break;
			}
			ATTRIBUTE.lastIndex = cursor;
			const attribute = ATTRIBUTE.exec(html);
			if (!attribute || ATTRIBUTE.lastIndex === cursor || !SPACE.test(html[cursor] ?? '')) return undefined;
			cursor = ATTRIBUTE.lastIndex;
			const attributeName = attribute[1]!.toLowerCase();
			if (!attributes.has(attributeName)) attributes.set(attributeName, attribute[2] ?? attribute[3] ?? attribute[4] ?? '');
		}
		if (closing) {
			if (name === 'head') inHead = false;
			if (name === 'svg' && foreign > 0) foreign--;
			if (name === 'template' && templates > 0) templates--;
			at = html.indexOf('<', cursor);
			continue;
		}
		if (name === 'svg' && !html.startsWith('/>', cursor - 2)) foreign++;
		if (name === 'head' && headEnd === undefined) {
			headEnd = cursor;
			inHead = true;
		}
		if (name === 'body') inHead = false;
		if (name === 'template') templates++;
		if (name === 'meta') {
			if (inHead && templates === 0 && charsetEnd === undefined && attributes.has('charset')) charsetEnd = cursor;
			if (attributes.get('http-equiv')?.toLowerCase() === 'content-security-policy') hasPolicy = true;
		}
		const style = attributes.get('style');
		if (style !== undefined) {
			if (style.includes('&')) return undefined;
			styleAttributes.add(hashOnce(style));
		}
		if (RAW_TEXT.has(name)) {
			if (foreign > 0) return undefined;
			const close = new RegExp(`</${name}[\\t\\n\\f />]`, 'ig');
			close.lastIndex = cursor;
			const end = close.exec(html);
			if (!end) return undefined;
			const text = html.slice(cursor, end.index);
			if (name === 'script') {
				if (text.includes('<!--')) return undefined;
				if (!attributes.has('src')) scripts.add(hashOnce(text));
			}
			if (name === 'style') styles.add(hashOnce(text));
			cursor = end.index;
		}
		at = html.indexOf('<', cursor);
	}
	const insertAt = charsetEnd ?? headEnd;
	if (insertAt === undefined) return undefined;
	return { scripts: [...scripts], styles: [...styles], styleAttributes: [...styleAttributes], hasPolicy, insertAt };
}

/** inlineSources() by parsing the whole page as a browser does (parse5). */
export function parseInlineSources(html: string): InlineSources {
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
