import { describe, expect, it } from 'vitest';
import { originOf, packageOf } from '../../src/build/moduleOrigin.ts';
import { vendorChunkName } from '../../src/build/vendorChunks.ts';

describe('who wrote a bundled module', () => {
	it.each([
		['/work/site/src/islands/Checklist.tsx', 'first-party'],
		['/work/site/src/components/Bar.astro?astro&type=script&index=0&lang.ts', 'first-party'],
		['/work/site/content/fixture/Heavy.astro?astro&type=script&index=0&lang.ts', 'first-party'],
		['/work/site/node_modules/preact/dist/preact.module.js', 'library'],
		['/work/site/node_modules/@preact/signals-core/dist/signals-core.module.js', 'library'],
		['/work/site/node_modules/@astrojs/preact/dist/client.js', 'library'],
		['/work/site/node_modules/zod/v4/mini/index.js', 'library'],
		['/work/site/node_modules/@astrojs/starlight/components/Search.astro?astro&type=script&index=0&lang.ts', 'platform'],
		['/work/site/node_modules/@pagefind/default-ui/npm_dist/mjs/ui-core.mjs', 'platform'],
		['/work/site/node_modules/astro/dist/prefetch/index.js', 'platform'],
		['/work/site/node_modules/astro-expressive-code/dist/index.js', 'platform'],
		['\0vite/preload-helper.js', 'platform'],
		['virtual:starlight/pagefind-config', 'platform'],
	])('%s is %s', (id, origin) => {
		expect(originOf(id)).toBe(origin);
	});

	it('names the package of a module, scoped or not', () => {
		expect(packageOf('/a/node_modules/@preact/signals/dist/x.js')).toBe('@preact/signals');
		expect(packageOf('/a/node_modules/x/node_modules/preact/hooks/dist/hooks.js')).toBe('preact');
		expect(packageOf('/a/src/lib/state.ts')).toBeUndefined();
	});

	it('gives each library one chunk, Preact and its renderer together', () => {
		expect(vendorChunkName('preact')).toBe('vendor-preact');
		expect(vendorChunkName('@astrojs/preact')).toBe('vendor-preact');
		expect(vendorChunkName('@preact/signals-core')).toBe('vendor-preact-signals-core');
		expect(vendorChunkName('zod')).toBe('vendor-zod');
	});
});
