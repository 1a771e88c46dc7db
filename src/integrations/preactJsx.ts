import type { AstroIntegration } from 'astro';
import type { Plugin } from 'vite';

/** Where the islands live: the only files compiled as Preact JSX. */
export const ISLAND_FILES = ['src/islands/**'];

/** The module @astrojs/preact's server renderer reads its include and exclude options from. */
const OPTIONS_MODULE = 'astro:preact:opts';

/** The Vite plugins a build needs to render and bundle the islands. */
export function buildPlugins(include: string[]): Plugin[] {
	return [
		{
			// What @preact/preset-vite's JSX plugin configures when it is given no Babel options:
			// the islands' JSX compiled by Vite's own Oxc transform, for Preact.
			name: 'vite:preact-jsx',
			enforce: 'pre',
			config: () => ({
				oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
				optimizeDeps: {
					include: ['preact', 'preact/jsx-runtime', 'preact/jsx-dev-runtime'],
					rolldownOptions: { transform: { jsx: { runtime: 'automatic' } } },
				},
			}),
		},
		{
			// What @astrojs/preact gives its server renderer: which components are Preact's.
			name: '@astrojs/preact:opts',
			resolveId: { filter: { id: new RegExp(`^${OPTIONS_MODULE}$`) }, handler: () => `\0${OPTIONS_MODULE}` },
			load: {
				filter: { id: new RegExp(`^\0${OPTIONS_MODULE}$`) },
				handler: () => ({ code: `export default ${JSON.stringify({ include })}` }),
			},
		},
	];
}

/**
 * Preact for the islands: @astrojs/preact itself in `astro dev` (with Babel, whose hook names the
 * Preact devtools show, and hot reload), and in a build its renderer with the two Vite plugins a
 * build uses. @astrojs/preact loads @preact/preset-vite, which loads Babel and Prefresh before
 * anything runs (a tenth of a second of every build's start-up) and then gives Babel every island
 * twice, once for the server and once for the browser, for output Oxc makes byte for byte; a
 * build needs neither, so it imports neither.
 */
export function preactIslands(): AstroIntegration {
	let dev: AstroIntegration | undefined;
	return {
		name: 'playbook:preact-islands',
		hooks: {
			'astro:config:setup': async (options) => {
				if (options.command === 'build') {
					const { getRenderer } = await import('@astrojs/preact/container-renderer');
					options.addRenderer(getRenderer(false));
					options.updateConfig({ vite: { plugins: buildPlugins(ISLAND_FILES) } });
					return;
				}
				const { default: preact } = await import('@astrojs/preact');
				dev = preact({ include: ISLAND_FILES });
				await dev.hooks['astro:config:setup']?.(options);
			},
			'astro:config:done': async (options) => {
				await dev?.hooks['astro:config:done']?.(options);
			},
		},
	};
}
