import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { scriptHash, type BundleOrigins } from '../../scripts/measure/bundleOrigins.ts';
import { pageViolations } from '../../scripts/measure/checkBudgets.ts';
import { BUDGETS } from '../../scripts/measure/budgets.ts';
import { summarize, weighPage, type Asset, type PageWeight, type Timing } from '../../scripts/measure/pageWeight.ts';

/** A made-up site: two pages, our code, a library, a platform script that loads more on demand. */
const inlineOurs = 'document.body.dataset.ready="1"';
const files: Record<string, string> = {
	'index.html': `<!doctype html><html><head><link rel="stylesheet" href="/_astro/site.css"><script type="module" src="/_astro/search.js"></script></head>
<body><script type="module">${inlineOurs}</script><script>var theme="auto"</script>
<astro-island component-url="/_astro/Tick.js" renderer-url="/_astro/client.js" client="load"></astro-island></body></html>`,
	'plain/index.html': `<!doctype html><html><head><link rel="stylesheet" href="/_astro/site.css"><style>@font-face{font-family:X;src:url(/x.woff2)}</style>
<script type="module" src="/_astro/runtime-leak.js"></script></head><body><p>Static</p></body></html>`,
	'_astro/site.css': 'body{color:black}',
	'_astro/search.js':
		'const __vite__mapDeps=(i,m=__vite__mapDeps,d=(m.f||(m.f=["_astro/ui.js","_astro/ui.css"])))=>i.map(i=>d[i]);import{x}from"./helper.js";x(()=>import(`./ui.js`))',
	'_astro/helper.js': 'export const x=(f)=>f;',
	'_astro/ui.js': 'export default 1;'.repeat(50),
	'_astro/ui.css': '.ui{}',
	'_astro/Tick.js': 'import{h}from"./vendor-preact.js";export default ()=>h("input")',
	'_astro/client.js': 'import{h}from"./vendor-preact.js";export default h',
	'_astro/vendor-preact.js': 'export const h=()=>0;',
	'_astro/runtime-leak.js': 'import{h}from"./vendor-preact.js";h()',
};
const origins: BundleOrigins = {
	outDir: '',
	files: {
		'_astro/search.js': { origin: 'platform', packages: ['@astrojs/starlight'] },
		'_astro/helper.js': { origin: 'platform', packages: [] },
		'_astro/ui.js': { origin: 'platform', packages: ['@pagefind/default-ui'] },
		'_astro/Tick.js': { origin: 'first-party', packages: [] },
		'_astro/client.js': { origin: 'library', packages: ['@astrojs/preact'] },
		'_astro/vendor-preact.js': { origin: 'library', packages: ['preact'] },
		'_astro/runtime-leak.js': { origin: 'first-party', packages: [] },
	},
	inline: { [scriptHash(inlineOurs)]: { origin: 'first-party', packages: [] } },
};
let dist: string;
beforeAll(() => {
	dist = mkdtempSync(join(tmpdir(), 'page-weight-'));
	for (const [path, text] of Object.entries(files)) {
		mkdirSync(dirname(join(dist, path)), { recursive: true });
		writeFileSync(join(dist, path), text);
	}
});

describe('weighing a built page', () => {
	it('follows script tags, islands and imports, telling eager files from on-demand ones', async () => {
		const weight = await weighPage(dist, '/', origins);
		const timing = Object.fromEntries(weight.assets.map((a) => [a.path, a.timing]));
		expect(timing).toEqual({
			'/index.html': 'eager',
			'/_astro/site.css': 'eager',
			'/_astro/search.js': 'eager',
			'/_astro/helper.js': 'eager',
			'/_astro/Tick.js': 'eager',
			'/_astro/client.js': 'eager',
			'/_astro/vendor-preact.js': 'eager',
			'/_astro/ui.js': 'lazy',
			'/_astro/ui.css': 'lazy',
		});
		expect(weight.islands).toBe(1);
	});

	it('counts our code, libraries and the platform apart, inline scripts included', async () => {
		const summary = summarize(await weighPage(dist, '/', origins));
		const size = (name: string) => Buffer.byteLength(files[name]!);
		expect(summary.jsFirstParty.raw).toBe(size('_astro/Tick.js') + inlineOurs.length);
		expect(summary.jsLibrary.raw).toBe(size('_astro/client.js') + size('_astro/vendor-preact.js'));
		expect(summary.jsPlatform.raw).toBe(
			size('_astro/search.js') + size('_astro/helper.js') + size('_astro/ui.js') + 'var theme="auto"'.length,
		);
		expect(summary.jsLazy.raw).toBe(size('_astro/ui.js'));
		expect(summary.requests).toBe(7);
		expect(summary.total.raw).toBe(
			Object.entries(files)
				.filter(([p]) => !p.startsWith('plain') && !p.includes('leak'))
				.reduce((n, [, t]) => n + Buffer.byteLength(t), 0),
		);
		expect(summary.total.gzip).toBeLessThan(summary.total.raw * 2);
	});

	it('passes a page within budget', async () => {
		expect(pageViolations(await weighPage(dist, '/', origins))).toEqual([]);
	});

	it('flags a page without islands that loads Preact, and a web font', async () => {
		const violations = pageViolations(await weighPage(dist, '/plain/', origins));
		expect(violations.map((v) => v.budget).sort()).toEqual(['islandRuntime', 'webFonts']);
		expect(violations.find((v) => v.budget === 'islandRuntime')?.message).toContain('preact');
	});

	it('holds a page without islands to a few KB of our code, and to no validated store unless on demand', () => {
		const js = (path: string, gzip: number, timing: Timing, packages: string[] = []): Asset => ({
			path,
			kind: 'js',
			timing,
			size: { raw: gzip * 3, gzip },
			origin: packages.length > 0 ? 'library' : 'first-party',
			packages,
		});
		const page = (assets: Asset[], islands = 0): PageWeight => ({ page: '/p/', assets, inlineScripts: [], islands, fonts: [] });
		const bar = js('/_astro/bar.js', BUDGETS.islandlessFirstPartyJsGzip - 100, 'eager');
		expect(pageViolations(page([bar, js('/_astro/zod.js', 6000, 'on-demand', ['zod'])]))).toEqual([]);
		const heavy = page([bar, js('/_astro/store.js', 200, 'lazy'), js('/_astro/zod.js', 6000, 'lazy', ['zod'])]);
		expect(pageViolations(heavy).map((v) => v.budget)).toEqual(['islandlessFirstPartyJsGzip', 'storeLibraries']);
		expect(pageViolations(heavy).find((v) => v.budget === 'storeLibraries')?.message).toContain('zod');
		// An island that edits the state loads the store with the page.
		expect(pageViolations(page(heavy.assets, 1))).toEqual([]);
	});

	it('names a file a page refers to that is not there', async () => {
		writeFileSync(join(dist, 'broken.html'), '<script type="module" src="/_astro/gone.js"></script>');
		await expect(weighPage(dist, '/broken.html', origins)).rejects.toThrow('/_astro/gone.js is referenced by a page but is not in');
	});
});
