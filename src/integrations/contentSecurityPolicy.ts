import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { inlineSources } from './inlineSources.ts';
import { timedStep } from './timedStep.ts';
import { composePolicy, headerPolicy } from './policy.ts';
import { asBase, href, ROUTES } from '../lib/urls.ts';

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

/** Every `.html` file under a folder, as paths. */
export async function htmlFiles(root: string): Promise<string[]> {
	const entries = await readdir(root, { recursive: true, withFileTypes: true });
	return entries
		.filter((e) => e.isFile() && e.name.endsWith('.html'))
		.map((e) => join(e.parentPath, e.name))
		.sort();
}

/** Run `work` on every item, at most `size` at a time. */
export async function inBatches<T>(items: T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
	let next = 0;
	const worker = async () => {
		while (next < items.length) await work(items[next++]!);
	};
	await Promise.all(Array.from({ length: Math.min(size, items.length) }, worker));
}

const metaTag = (policy: string) =>
	`<meta http-equiv="content-security-policy" content="${policy.replaceAll('&', '&amp;').replaceAll('"', '&quot;')}">`;

/**
 * Serve every page under a strict Content Security Policy. After the build, each HTML file gets a
 * `<meta>` policy that allows its own inline scripts and styles by hash and nothing else inline
 * (Starlight's theme and sidebar scripts are inline, and Astro's own CSP option leaves `is:inline`
 * scripts out). A page that declares its own policy keeps it.
 * The `_headers` file adds `frame-ancestors`, which only works as a header (see headerPolicy()).
 */
export function contentSecurityPolicy(): AstroIntegration {
	let base = '/';
	return {
		name: 'playbook:content-security-policy',
		hooks: {
			'astro:config:done': ({ config }) => {
				base = asBase(config.base);
			},
			'astro:build:done': ({ dir, logger }) =>
				timedStep(logger, async () => {
					const root = fileURLToPath(dir);
					const files = await htmlFiles(root);
					// A few files at a time: reads and writes overlap with the scan of the pages before them.
					await inBatches(files, 16, async (file) => {
						const html = await readFile(file, 'utf8');
						let sources;
						try {
							sources = inlineSources(html);
						} catch (error) {
							throw new Error(`${file}: ${(error as Error).message}`);
						}
						if (sources.hasPolicy) return;
						await writeFile(file, html.slice(0, sources.insertAt) + metaTag(composePolicy(sources)) + html.slice(sources.insertAt));
					});
					await writeFile(join(root, HEADERS_FILE), headersFile(base));
					return `${files.length} pages carry a policy; ${HEADERS_FILE} adds frame-ancestors`;
				}),
		},
	};
}
