import type { InlineSources } from './inlineSources';

/** Hash sources a policy allows: inline scripts, `<style>` elements, `style` attributes. */
export type PolicyHashes = Pick<InlineSources, 'scripts' | 'styles' | 'styleAttributes'>;

/**
 * The site's policy before hashes: everything from the site's own origin, nothing from anywhere
 * else, no plugins, no inline code unless its hash is listed. `'wasm-unsafe-eval'` lets Pagefind
 * compile its WebAssembly search engine; it does not allow `eval()` of JavaScript. `data:` images
 * are the SVG icons Starlight, expressive-code and Pagefind draw from their stylesheets.
 */
const BASE: Record<string, string[]> = {
	'default-src': ["'self'"],
	'script-src': ["'self'", "'wasm-unsafe-eval'"],
	'script-src-attr': ["'none'"],
	'style-src': ["'self'"],
	'img-src': ["'self'", 'data:'],
	'connect-src': ["'self'"],
	'worker-src': ["'self'"],
	'object-src': ["'none'"],
	'base-uri': ["'self'"],
	'form-action': ["'self'"],
};

/**
 * The policy for pages with these inline hashes. `frameAncestors` adds the one directive a
 * `<meta>` cannot carry (browsers ignore it there), for the policy sent as an HTTP header.
 */
export function composePolicy(hashes: PolicyHashes, { frameAncestors = false } = {}): string {
	const directives: Record<string, string[]> = {
		...BASE,
		'script-src': [...(BASE['script-src'] ?? []), ...hashes.scripts],
		'style-src': [...(BASE['style-src'] ?? []), ...hashes.styles],
		// 'unsafe-hashes' lets exactly these attribute values through, not any inline style.
		'style-src-attr': hashes.styleAttributes.length > 0 ? ["'unsafe-hashes'", ...hashes.styleAttributes] : ["'none'"],
		...(frameAncestors ? { 'frame-ancestors': ["'none'"] } : {}),
	};
	return Object.entries(directives)
		.map(([name, sources]) => `${name} ${sources.join(' ')}`)
		.join('; ');
}

/** All hashes of several pages, each once, in a stable order. */
export function mergeHashes(pages: readonly PolicyHashes[]): PolicyHashes {
	const union = (pick: (p: PolicyHashes) => string[]) => [...new Set(pages.flatMap(pick))].sort();
	return { scripts: union((p) => p.scripts), styles: union((p) => p.styles), styleAttributes: union((p) => p.styleAttributes) };
}
