import type { Rolldown } from 'vite';
import { incidentBarChunks } from './incidentBarChunk.ts';
import { originOf, packageOf } from './moduleOrigin.ts';

/** Packages that share one chunk because they are one library (the renderer goes with Preact). */
const FAMILIES: Record<string, string> = {
	'@astrojs/preact': 'preact',
};

/** Name of the chunk that holds a library's modules in the browser build. */
export function vendorChunkName(pkg: string): string {
	return `vendor-${FAMILIES[pkg] ?? pkg.replace(/^@/, '').replace(/\//g, '-')}`;
}

/**
 * Rolldown code splitting for the browser build, the same in a production build and a measuring
 * one (what is measured is what ships): every library we add (Preact, zod…) gets a chunk of its
 * own, so the built files show how much of a page is our code and how much is libraries, and no
 * group of our own takes a library in (a page would then load that group's code to get it).
 * Astro and Starlight keep their own chunking. Entry modules (such as the Preact renderer that
 * islands load by URL) keep their own chunk, so no page loads a library it does not use. Our own
 * modules are split by incidentBarChunk.ts.
 */
export const vendorChunks: Rolldown.CodeSplittingOptions = {
	groups: [
		{
			name: (id, context) => {
				const pkg = packageOf(id);
				if (!pkg || originOf(id) !== 'library' || context.getModuleInfo(id)?.isEntry) return null;
				return vendorChunkName(pkg);
			},
			// Above our own groups, which would otherwise take in the libraries their modules import.
			priority: 2,
		},
		...incidentBarChunks,
	],
};
