import { describe, expect, it } from 'vitest';
import { loadedWith, preloadsNeeded } from '../../src/build/loadedPreloads.ts';

const graph: Record<string, string[]> = {
	'_astro/page.js': ['_astro/bar.js', '_astro/helper.js'],
	'_astro/bar.js': ['_astro/urls.js'],
	'_astro/urls.js': ['_astro/bar.js'],
	'_astro/dialog.js': ['_astro/store.js', '_astro/bar.js'],
	'_astro/store.js': ['_astro/vendor-zod.js', '_astro/urls.js'],
};
const importsOf = (file: string) => graph[file];

describe('what an import() fetches alongside its module', () => {
	it('counts as loaded everything the importing chunk reaches statically, through cycles', () => {
		expect([...loadedWith('_astro/page.js', importsOf)].sort()).toEqual([
			'_astro/bar.js',
			'_astro/helper.js',
			'_astro/page.js',
			'_astro/urls.js',
		]);
	});

	it('lists only what the page has not loaded, the module first', () => {
		const deps = ['_astro/dialog.js', '_astro/store.js', '_astro/bar.js', '_astro/vendor-zod.js', '_astro/urls.js', '_astro/helper.js'];
		expect(preloadsNeeded('_astro/dialog.js', deps, loadedWith('_astro/page.js', importsOf))).toEqual([
			'_astro/dialog.js',
			'_astro/store.js',
			'_astro/vendor-zod.js',
		]);
	});

	it('needs no list for a module whose imports are all loaded', () => {
		const deps = ['_astro/dialog.js', '_astro/bar.js', '_astro/urls.js'];
		expect(preloadsNeeded('_astro/dialog.js', deps, loadedWith('_astro/page.js', importsOf))).toEqual([]);
	});

	it('keeps the whole list from a chunk that has loaded none of it', () => {
		const deps = ['_astro/dialog.js', '_astro/store.js'];
		expect(preloadsNeeded('_astro/dialog.js', deps, loadedWith('_astro/vendor-zod.js', importsOf))).toEqual(deps);
	});
});
