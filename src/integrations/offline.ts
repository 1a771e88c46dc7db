import { copyFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { HEADERS_FILE } from './contentSecurityPolicy';
import { asBase, href } from '../lib/urls';

/** The worker's own navigation handler (pages by any query string or trailing slash), copied beside sw.js. */
const NAVIGATION_SCRIPT = 'sw-navigation.js';

/** Files the offline copy cannot do without: search and the installed app do not work unless these are precached. */
const REQUIRED = [
	'index.html',
	'404.html',
	'pagefind/pagefind-entry.json',
	'pagefind/pagefind.js',
	'pagefind/wasm.en.pagefind',
	'manifest.webmanifest',
	'icons/icon-192.png',
];

/**
 * Make the whole site work offline after one visit: after the build, a Workbox service worker
 * (dist/sw.js) precaches every file of dist/, search index included. Must come after Starlight in
 * `integrations`, whose own build:done hook writes the Pagefind index that this step precaches.
 */
export function offline(): AstroIntegration {
	// The base path the site is published under; the worker's URLs are relative to it.
	let base = '/';
	return {
		name: 'playbook:offline',
		hooks: {
			'astro:config:setup': ({ command, injectScript }) => {
				// Only built sites register the worker: in dev it would cache files as they change.
				if (command === 'build')
					injectScript('page', `import ${JSON.stringify(fileURLToPath(new URL('../client/registerServiceWorker.ts', import.meta.url)))};`);
			},
			'astro:config:done': ({ config }) => {
				base = asBase(config.base);
			},
			'astro:build:done': async ({ dir, logger }) => {
				// Loaded here, not with the config: it is heavy, and only a finished build needs it. Node's
				// own require, because the module runner that loaded the config is closed by now.
				const { generateSW } = createRequire(import.meta.url)('workbox-build') as typeof import('workbox-build');
				const root = fileURLToPath(dir);
				copyFileSync(fileURLToPath(new URL('../client/offlineNavigation.sw.js', import.meta.url)), join(root, NAVIGATION_SCRIPT));
				let precached: string[] = [];
				const { count, size, warnings } = await generateSW({
					globDirectory: root,
					globPatterns: ['**/*'],
					globIgnores: [HEADERS_FILE, NAVIGATION_SCRIPT],
					// Runs first: answers navigations to known pages whatever their query string or trailing slash.
					importScripts: [NAVIGATION_SCRIPT],
					swDest: join(root, 'sw.js'),
					// Pagefind asks for pagefind-entry.json?ts=<now> to dodge HTTP caches: the precached copy answers.
					ignoreURLParametersMatching: [/^utm_/, /^fbclid$/, /^ts$/],
					// Names that carry a content hash need no revision of their own.
					dontCacheBustURLsMatching: /^(_astro\/|pagefind\/(fragment|index)\/|pagefind\/pagefind\.[^/]*\.pf_meta$)/,
					maximumFileSizeToCacheInBytes: 5 * 1024 * 1024,
					// A new deploy's worker takes over at once; the page says so (registerServiceWorker.ts).
					skipWaiting: true,
					clientsClaim: true,
					cleanupOutdatedCaches: true,
					// Pages that are not precached (added by a later deploy) come from the network;
					// offline, the site's own "not found" page stands in for the browser's error.
					runtimeCaching: [
						{
							urlPattern: ({ request, sameOrigin }) => sameOrigin && request.mode === 'navigate',
							handler: 'NetworkOnly',
							options: { precacheFallback: { fallbackURL: href('/404.html', base) } },
						},
					],
					inlineWorkboxRuntime: true,
					sourcemap: false,
					mode: 'production',
					manifestTransforms: [
						(manifest) => {
							precached = manifest.map((entry) => entry.url);
							return { manifest };
						},
					],
				});
				for (const warning of warnings) logger.warn(warning);
				const missing = REQUIRED.filter((file) => !precached.includes(file));
				if (missing.length > 0) {
					throw new Error(
						`The offline copy lacks ${missing.join(', ')}: list offline() after starlight() in astro.config.mjs, so it runs after the search index is written.`,
					);
				}
				logger.info(`sw.js precaches ${count} files (${(size / 1024).toFixed(0)} KiB), search index included.`);
			},
		},
	};
}
