import { existsSync, readdirSync, renameSync } from 'node:fs';
import { createRequire, registerHooks } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { StarlightPlugin } from '@astrojs/starlight/types';
import type { AstroIntegration } from 'astro';
import type starlightLinksValidator from 'starlight-links-validator';

/** The package name, which is also the plugin's name (Starlight labels its log lines with it). */
const VALIDATOR = 'starlight-links-validator';

/** The validator's module, once imported (once a process). */
let validatorModule: Promise<{ default: typeof starlightLinksValidator }> | undefined;

/**
 * Import starlight-links-validator, which ships its TypeScript sources: Node strips types from the
 * project's own files but not from node_modules. For the one import, the package's entry is
 * served as one JavaScript module bundled by esbuild from its files, its dependencies left as
 * imports, which Node resolves from the package's folder as it would for any package; every other
 * module loads as before, and the hook is gone once the validator is in. esbuild's service,
 * started here, is the one the rest of the build uses (Astro's env plugin, the offline worker).
 */
function importValidator(): Promise<{ default: typeof starlightLinksValidator }> {
	validatorModule ??= (async () => {
		const require = createRequire(import.meta.url);
		const entry = pathToFileURL(require.resolve(VALIDATOR)).href;
		const { build } = require('esbuild') as typeof import('esbuild');
		const bundle = await build({
			entryPoints: [fileURLToPath(entry)],
			bundle: true,
			packages: 'external',
			format: 'esm',
			platform: 'node',
			write: false,
			logLevel: 'silent',
		});
		const source = bundle.outputFiles[0]!.text;
		const hook = registerHooks({
			load: (url, context, nextLoad) => (url === entry ? { format: 'module', source, shortCircuit: true } : nextLoad(url, context)),
		});
		try {
			return (await import(VALIDATOR)) as { default: typeof starlightLinksValidator };
		} finally {
			hook.deregister();
		}
	})();
	return validatorModule;
}

/** Astro's content layer cache in its cache folder, which the validator deletes as a build starts. */
const DATA_STORE = 'data-store.json';

/**
 * Whether a docs folder holds Markdown pages: pages the content layer renders and keeps in its
 * cache, unlike MDX pages, which Vite compiles in every build.
 */
export function hasMarkdownPages(docs: string): boolean {
	if (!existsSync(docs)) return false;
	return (readdirSync(docs, { recursive: true }) as string[]).some((file) => /\.(md|markdown|mdown|mkdn|mkd|mdwn)$/i.test(file));
}

/**
 * The validator's integration, with Astro's content cache kept through its setup. The validator
 * deletes the cache so that Markdown pages are rendered again and their links collected; MDX
 * pages are compiled, and their links collected, in every build anyway. With no Markdown page
 * the cache only spares the content sync re-reading and re-checking every entry.
 */
export function keepingContentCache(integration: AstroIntegration, cacheDir: URL): AstroIntegration {
	const setup = integration.hooks['astro:config:setup'];
	if (!setup) return integration;
	return {
		...integration,
		hooks: {
			...integration.hooks,
			'astro:config:setup': async (options) => {
				const store = fileURLToPath(new URL(DATA_STORE, cacheDir));
				const aside = `${store}.kept`;
				const kept = existsSync(store);
				if (kept) renameSync(store, aside);
				try {
					await setup(options);
				} finally {
					if (kept) renameSync(aside, store);
				}
			},
		},
	};
}

/**
 * starlight-links-validator, loaded only by a build (the only command it runs in). Imported with
 * the config, its TypeScript sources are more than Node loads from node_modules, so Astro would
 * load the whole config through a Vite dev server of its own instead of Node's import: about
 * 400 ms of every build's start-up on this site, more than the validator itself costs. Loaded
 * here, the config is plain modules Node imports directly, as stock Starlight's is.
 */
export function linksValidator(options?: Parameters<typeof starlightLinksValidator>[0]): StarlightPlugin {
	return {
		name: VALIDATOR,
		hooks: {
			'config:setup': async (context) => {
				if (context.command !== 'build') return;
				const { default: validator } = await importValidator();
				const { hooks } = validator(options);
				const unknown = Object.keys(hooks).filter((hook) => hook !== 'config:setup');
				if (unknown.length > 0) throw new Error(`${VALIDATOR} now has ${unknown.join(', ')} hooks: pass them on in linksValidator()`);
				const docs = fileURLToPath(new URL('content/docs/', context.astroConfig.srcDir));
				const keepCache = !hasMarkdownPages(docs);
				await hooks['config:setup']?.(
					keepCache
						? {
								...context,
								addIntegration: (integration) => context.addIntegration(keepingContentCache(integration, context.astroConfig.cacheDir)),
							}
						: context,
				);
			},
		},
	};
}
