import { resolve } from 'node:path';
import { build } from 'esbuild';
import type { Plugin } from 'vite';

const QUERY = '?pre-paint';
const PRE_PAINT = /\?pre-paint$/;

/**
 * `import source from './x.prePaint.ts?pre-paint'`: the module bundled with what it imports and
 * minified, as text, for a component to put inline in its page (`<script is:inline set:html={source}>`),
 * where it runs as the HTML is parsed, before the page is drawn. What it shares with the islands
 * (a rule, a renderer) is then written once, in TypeScript, and checked like the rest. The
 * contentSecurityPolicy integration names it by hash, as every inline script.
 */
export function prePaintScripts(): Plugin {
	return {
		name: 'playbook:pre-paint-scripts',
		enforce: 'pre',
		// Only for `?pre-paint` imports: the filters spare the bundler a call into this plugin for every other import and module.
		resolveId: {
			filter: { id: PRE_PAINT },
			async handler(source, importer) {
				const resolved = await this.resolve(source.slice(0, -QUERY.length), importer, { skipSelf: true });
				return resolved ? `${resolved.id}${QUERY}` : null;
			},
		},
		load: {
			filter: { id: PRE_PAINT },
			async handler(id) {
				const { outputFiles, metafile } = await build({
					entryPoints: [id.slice(0, -QUERY.length)],
					bundle: true,
					minify: true,
					format: 'iife',
					target: 'es2020',
					write: false,
					metafile: true,
					logLevel: 'silent',
					// Not the project's tsconfig: its strictness is for checking, and would only add "use strict" to every page.
					tsconfigRaw: {},
				});
				for (const input of Object.keys(metafile.inputs)) this.addWatchFile(resolve(input));
				return `export default ${JSON.stringify(outputFiles[0]!.text.trim())};`;
			},
		},
	};
}
