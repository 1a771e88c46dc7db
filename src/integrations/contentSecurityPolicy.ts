import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { inlineSources } from './inlineSources.ts';
import type { PagePass, PassContext } from './pagePasses.ts';
import { composePolicy, headerPolicy } from './policy.ts';
import { href, ROUTES } from '../lib/urls.ts';

/** Headers file for static hosts that read one (Netlify, Cloudflare Pages), at the site root. */
export const HEADERS_FILE = '_headers';

/**
 * The `_headers` file for a site published under `base`: the policy and nosniff on every file, the
 * service worker revalidated on every visit (a new deploy reaches responders at once), and the
 * files whose names carry a content hash cached for good.
 */
export function headersFile(base: string): string {
	return [
		href('/*', base),
		`  Content-Security-Policy: ${headerPolicy()}`,
		'  X-Content-Type-Options: nosniff',
		href(ROUTES.serviceWorker, base),
		'  Cache-Control: no-cache',
		href('/_astro/*', base),
		'  Cache-Control: public, max-age=31536000, immutable',
		'',
	].join('\n');
}

const metaTag = (policy: string) =>
	`<meta http-equiv="content-security-policy" content="${policy.replaceAll('&', '&amp;').replaceAll('"', '&quot;')}">`;

/**
 * Serve every page under a strict Content Security Policy. After the build, each HTML file gets a
 * `<meta>` policy that allows its own inline scripts and styles by hash and nothing else inline
 * (Starlight's theme and sidebar scripts are inline, and Astro's own CSP option leaves `is:inline`
 * scripts out). A page that declares its own policy keeps it. Run with the other page passes
 * (pagePasses.ts); writeHeaders() adds `frame-ancestors`, which only works as a header (see headerPolicy()).
 */
export function policyPass(): PagePass {
	let pages = 0;
	return {
		page(html, file) {
			let sources;
			try {
				sources = inlineSources(html);
			} catch (error) {
				throw new Error(`${file}: ${(error as Error).message}`);
			}
			if (sources.hasPolicy) return undefined;
			pages++;
			return html.slice(0, sources.insertAt) + metaTag(composePolicy(sources)) + html.slice(sources.insertAt);
		},
		summary: () => `${pages} pages carry a policy; ${HEADERS_FILE} adds frame-ancestors`,
	};
}

/** The `_headers` file, once every page carries its policy. */
export async function writeHeaders({ root, base }: PassContext): Promise<void> {
	await writeFile(join(root, HEADERS_FILE), headersFile(base));
}
