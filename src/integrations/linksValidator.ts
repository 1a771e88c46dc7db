import { createRequire, registerHooks } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { StarlightPlugin } from '@astrojs/starlight/types';
import type starlightLinksValidator from 'starlight-links-validator';

/** The package name, which is also the plugin's name (Starlight labels its log lines with it). */
const VALIDATOR = 'starlight-links-validator';

/** Whether Node has been told how to import the validator (once a process). */
let hooked = false;

/**
 * Let Node import starlight-links-validator, which ships its TypeScript sources: Node strips types
 * from the project's own files but not from node_modules. The package's entry is served as one
 * JavaScript module bundled by esbuild from its files, its dependencies left as imports, which
 * Node resolves from the package's folder as it would for any package. Only that one URL is
 * touched; every other module loads as before.
 */
function allowValidatorImport(): void {
	if (hooked) return;
	hooked = true;
	const require = createRequire(import.meta.url);
	const entry = pathToFileURL(require.resolve(VALIDATOR)).href;
	registerHooks({
		load(url, context, nextLoad) {
			if (url !== entry) return nextLoad(url, context);
			const { buildSync } = require('esbuild') as typeof import('esbuild');
			const bundle = buildSync({
				entryPoints: [fileURLToPath(url)],
				bundle: true,
				packages: 'external',
				format: 'esm',
				platform: 'node',
				write: false,
				logLevel: 'silent',
			});
			return { format: 'module', source: bundle.outputFiles[0]!.text, shortCircuit: true };
		},
	});
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
				allowValidatorImport();
				const { default: validator } = (await import(VALIDATOR)) as { default: typeof starlightLinksValidator };
				const { hooks } = validator(options);
				const unknown = Object.keys(hooks).filter((hook) => hook !== 'config:setup');
				if (unknown.length > 0) throw new Error(`${VALIDATOR} now has ${unknown.join(', ')} hooks: pass them on in linksValidator()`);
				await hooks['config:setup']?.(context);
			},
		},
	};
}
