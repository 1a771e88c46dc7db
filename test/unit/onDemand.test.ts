import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { onDemandFiles, type BundleOrigins, type ChunkLinks } from '../../scripts/measure/bundleOrigins.ts';
import { summarize, weighPage } from '../../scripts/measure/pageWeight.ts';

const chunk = (fileName: string, links: Partial<ChunkLinks> = {}): ChunkLinks => ({
	fileName,
	isEntry: false,
	isDynamicEntry: false,
	facadeModuleId: null,
	imports: [],
	dynamicImports: [],
	...links,
});

describe('code loaded only on a user action', () => {
	it('is what only *.onDemand modules reach; anything a page imports by itself is not', () => {
		const chunks = [
			chunk('button.js', { isEntry: true, facadeModuleId: '/src/scripts/searchButton.ts', dynamicImports: ['dialog.js'] }),
			chunk('dialog.js', {
				isDynamicEntry: true,
				facadeModuleId: '/src/scripts/searchDialog.onDemand.ts',
				imports: ['markdown.js', 'shared.js'],
			}),
			chunk('markdown.js'),
			chunk('shared.js'),
			// An island imports the shared helper itself, and loads a form by itself (no user action).
			chunk('Island.js', { isEntry: true, imports: ['shared.js'], dynamicImports: ['Form.js'] }),
			chunk('Form.js', { isDynamicEntry: true, facadeModuleId: '/src/islands/Form.tsx' }),
			// Named on-demand but also a page's entry: it runs with the page, so it counts.
			chunk('entry.js', { isEntry: true, isDynamicEntry: true, facadeModuleId: '/src/x.onDemand.ts' }),
		];
		expect([...onDemandFiles(chunks)].sort()).toEqual(['dialog.js', 'markdown.js']);
	});

	it('is reported apart from the page: not in its total, nor in our JavaScript', async () => {
		const dist = mkdtempSync(join(tmpdir(), 'on-demand-'));
		const files: Record<string, string> = {
			'index.html': '<!doctype html><script type="module" src="/_astro/button.js"></script>',
			// What the code chains on an import stays inside the preload wrapper: the dialog's files are still its own.
			'_astro/button.js':
				'const __vite__mapDeps=(i,m=__vite__mapDeps,d=(m.f||(m.f=["_astro/dialog.js","_astro/markdown.js","_astro/shared.js","_astro/form.js"])))=>i.map(i=>d[i]);' +
				'const P=(f)=>f();document.onclick=()=>P(()=>import(`./dialog.js`).then(e=>e.n).then(e=>o(()=>e.search)),__vite__mapDeps([0,1,2]));if(location.search)P(()=>import(`./form.js`),__vite__mapDeps([3,2]))',
			'_astro/dialog.js': 'import"./markdown.js";' + 'export const search=1;'.repeat(40),
			'_astro/markdown.js': 'export const md=1;'.repeat(40),
			'_astro/shared.js': 'export const shared=1;',
			'_astro/form.js': 'import"./shared.js";export const form=1;',
		};
		for (const [path, text] of Object.entries(files)) {
			mkdirSync(dirname(join(dist, path)), { recursive: true });
			writeFileSync(join(dist, path), text);
		}
		const origins: BundleOrigins = {
			outDir: dist,
			files: {
				'_astro/button.js': { origin: 'first-party', packages: [] },
				'_astro/dialog.js': { origin: 'first-party', packages: [], onDemand: true, onDemandEntry: true },
				'_astro/markdown.js': { origin: 'first-party', packages: [], onDemand: true },
				// Shared with code the page imports by itself: on demand only where nothing else loads it.
				'_astro/shared.js': { origin: 'first-party', packages: [] },
				'_astro/form.js': { origin: 'first-party', packages: [] },
			},
			inline: {},
		};
		const weight = await weighPage(dist, '/', origins);
		expect(Object.fromEntries(weight.assets.map((a) => [a.path, a.timing]))).toEqual({
			'/index.html': 'eager',
			'/_astro/button.js': 'eager',
			'/_astro/dialog.js': 'on-demand',
			'/_astro/markdown.js': 'on-demand',
			// Preloaded with the dialog but also with a form the page opens by itself (from its address).
			'/_astro/shared.js': 'lazy',
			'/_astro/form.js': 'lazy',
		});
		const summary = summarize(weight);
		const size = (path: string) => weight.assets.find((a) => a.path === path)!.size;
		const sum = (...paths: string[]) => paths.map(size).reduce((a, b) => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip }));
		expect(summary.jsFirstParty).toEqual(sum('/_astro/button.js', '/_astro/shared.js', '/_astro/form.js'));
		expect(summary.jsOnDemand.raw).toBe(size('/_astro/dialog.js').raw + size('/_astro/markdown.js').raw);
		expect(summary.total).toEqual(sum('/index.html', '/_astro/button.js', '/_astro/shared.js', '/_astro/form.js'));
	});
});
