import { copyFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { GetManifestOptions, getManifest } from 'workbox-build';
import { HEADERS_FILE } from './contentSecurityPolicy.ts';
import { timedStep } from './timedStep.ts';
import { asBase, href, ROUTES } from '../lib/urls.ts';

/** The worker's own navigation handler (pages by any query string or trailing slash), copied beside sw.js. */
const NAVIGATION_SCRIPT = 'sw-navigation.js';

/** The worker, at the site root so it controls every page. */
const WORKER = ROUTES.serviceWorker.slice(1);
/** Where the worker's source takes the list of files to precache. */
const MANIFEST_PLACEHOLDER = 'self.__WB_MANIFEST';

/** The pages built for each alert (`/alerts/<name>/`), not the list of alerts at `/alerts/`. */
const ALERT_PAGES = `${ROUTES.alerts.slice(1)}*/index.html`;

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
 * What the worker precaches from the built site in `root`: the options of workbox-build's
 * getManifest(), with the one default its schema check would add (globFollow) already in.
 */
export function manifestOptions(root: string): GetManifestOptions {
	return {
		globDirectory: root,
		globPatterns: ['**/*'],
		// Not the pages built for each alert (one per alert, thousands in a large playbook): offline,
		// the 404 page stands in for them and sends the alert on from the precached scenario data
		// (AlertLanding.astro), as it does for any other spelling of an alert's name.
		globIgnores: [HEADERS_FILE, NAVIGATION_SCRIPT, WORKER, ALERT_PAGES],
		// Names that carry a content hash need no revision of their own.
		dontCacheBustURLsMatching: /^(_astro\/|pagefind\/(fragment|index)\/|pagefind\/pagefind\.[^/]*\.pf_meta$)/,
		maximumFileSizeToCacheInBytes: 5 * 1024 * 1024,
		globFollow: true,
	};
}

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
			'astro:build:done': ({ dir, logger }) =>
				timedStep(logger, async () => {
					const root = fileURLToPath(dir);
					copyFileSync(fileURLToPath(new URL('../client/offlineNavigation.sw.js', import.meta.url)), join(root, NAVIGATION_SCRIPT));
					// Workbox lists and revisions the files; esbuild bundles the worker (workbox-build's own
					// generateSW would load Babel and Rollup for it, seconds of every build). Loaded here,
					// not with the config: only a finished build needs them. Workbox's getManifest() is this
					// same function after it checks the options against its JSON schema, which compiles the
					// schema with Ajv on every build (half of this step's time); the options are fixed here
					// and checked against that schema by the tests instead (manifestOptions()).
					const require = createRequire(import.meta.url);
					const { getFileManifestEntries } = require('workbox-build/build/lib/get-file-manifest-entries.js') as {
						getFileManifestEntries: typeof getManifest;
					};
					const { build } = require('esbuild') as typeof import('esbuild');
					const [{ manifestEntries, count, size, warnings }, bundle] = await Promise.all([
						getFileManifestEntries(manifestOptions(root)),
						build({
							entryPoints: [fileURLToPath(new URL('../client/serviceWorker.sw.js', import.meta.url))],
							bundle: true,
							format: 'iife',
							minify: true,
							write: false,
							logLevel: 'silent',
							define: {
								'process.env.NODE_ENV': '"production"',
								NAVIGATION_SCRIPT: JSON.stringify(NAVIGATION_SCRIPT),
								NOT_FOUND_PAGE: JSON.stringify(href('/404.html', base)),
							},
						}),
					]);
					for (const warning of warnings) logger.warn(warning);
					const precached = (manifestEntries ?? []).map((entry) => entry.url);
					const missing = REQUIRED.filter((file) => !precached.includes(file));
					if (missing.length > 0) {
						throw new Error(
							`The offline copy lacks ${missing.join(', ')}: ` +
								'list offline() after starlight() in astro.config.mjs, so it runs after the search index is written.',
						);
					}
					const code = bundle.outputFiles[0]!.text;
					if (code.split(MANIFEST_PLACEHOLDER).length !== 2)
						throw new Error(`The worker's source must name ${MANIFEST_PLACEHOLDER} exactly once.`);
					writeFileSync(
						join(root, WORKER),
						code.replace(MANIFEST_PLACEHOLDER, () => JSON.stringify(manifestEntries)),
					);
					return `${WORKER} precaches ${count} files (${(size / 1024).toFixed(0)} KiB), search index included`;
				}),
		},
	};
}
