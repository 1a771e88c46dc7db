import preactPreset from '@preact/preset-vite';
import type { AstroIntegration } from 'astro';

/** Where the islands live: the only files compiled as Preact JSX. */
export const ISLAND_FILES = ['src/islands/**'];

/** The name of @preact/preset-vite's JSX plugin. */
const JSX_PLUGIN = 'vite:preact-jsx';

/** A Vite plugin, or a nested list of them, as Astro keeps them in its config. */
type PluginEntry = { name?: string } | false | null | undefined | PluginEntry[];

/** The list with every plugin named `name` replaced by `replacement`, at any depth. */
export function replacePlugin<T extends PluginEntry>(plugins: T[], name: string, replacement: object): T[] {
	return plugins.map((entry) => {
		if (Array.isArray(entry)) return replacePlugin(entry, name, replacement) as T;
		return entry && entry.name === name ? (replacement as T) : entry;
	});
}

/** The first plugin named `name` in the list, at any depth. */
function findPlugin(plugins: PluginEntry[], name: string): object | undefined {
	for (const entry of plugins) {
		const found = Array.isArray(entry) ? findPlugin(entry, name) : entry && entry.name === name ? entry : undefined;
		if (found) return found;
	}
	return undefined;
}

/**
 * The islands' JSX compiled by Vite's own Oxc transform in a build, as @preact/preset-vite does
 * when no Babel options are given. @astrojs/preact always gives it Babel options (only to tell
 * Babel where to find its plugins), which runs every island through Babel twice, once for the
 * server and once for the browser: a fifth of the build's CPU time on this site, for the same
 * output byte for byte. Placed after `preact()`; `astro dev` keeps Babel, whose hook names the
 * Preact devtools show.
 */
export function preactJsx(): AstroIntegration {
	return {
		name: 'playbook:preact-jsx',
		hooks: {
			'astro:config:setup': ({ command, config }) => {
				if (command !== 'build') return;
				const withoutBabel = findPlugin(preactPreset({ include: ISLAND_FILES, reactAliasesEnabled: false }) as PluginEntry[], JSX_PLUGIN);
				if (!withoutBabel) throw new Error(`@preact/preset-vite has no plugin named ${JSX_PLUGIN} any more: remove preactJsx()`);
				const plugins = replacePlugin((config.vite.plugins ?? []) as PluginEntry[], JSX_PLUGIN, withoutBabel);
				config.vite.plugins = plugins as NonNullable<typeof config.vite.plugins>;
			},
		},
	};
}
