import type { InlineSources } from './inlineSources.ts';

/** Hash sources a policy allows: inline scripts, `<style>` elements, `style` attributes. */
export type PolicyHashes = Pick<InlineSources, 'scripts' | 'styles' | 'styleAttributes'>;

/**
 * Where everything but scripts and styles may come from: the site's own origin, `data:` images
 * (the SVG icons Starlight and Pagefind draw from their stylesheets), no plugins.
 */
const RESOURCES: [string, string[]][] = [
	['img-src', ["'self'", 'data:']],
	['connect-src', ["'self'"]],
	['worker-src', ["'self'"]],
	['object-src', ["'none'"]],
	['base-uri', ["'self'"]],
	['form-action', ["'self'"]],
];

const render = (directives: [string, string[]][]) => directives.map(([name, sources]) => `${name} ${sources.join(' ')}`).join('; ');

/**
 * A page's policy: nothing from another origin, and no inline code but the page's own, named by
 * hash. `'wasm-unsafe-eval'` lets Pagefind compile its WebAssembly search engine; it does not
 * allow `eval()` of JavaScript. `'unsafe-hashes'` lets exactly the listed `style` attribute
 * values through, not any inline style.
 */
export function composePolicy(hashes: PolicyHashes): string {
	return render([
		['default-src', ["'self'"]],
		['script-src', ["'self'", "'wasm-unsafe-eval'", ...hashes.scripts]],
		['script-src-attr', ["'none'"]],
		['style-src', ["'self'", ...hashes.styles]],
		['style-src-attr', hashes.styleAttributes.length > 0 ? ["'unsafe-hashes'", ...hashes.styleAttributes] : ["'none'"]],
		...RESOURCES,
	]);
}

/**
 * The policy sent as a header by hosts that read `_headers`. Browsers enforce it together with
 * each page's `<meta>` policy, so it carries what a `<meta>` cannot (`frame-ancestors`) and the
 * directives that need no hashes; script and style sources stay per page. It stays the same
 * size however many pages there are (Cloudflare Pages refuses `_headers` lines over 2,000 characters).
 */
export function headerPolicy(): string {
	return render([...RESOURCES, ['frame-ancestors', ["'none'"]]]);
}
