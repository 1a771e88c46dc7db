import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { readBundleOrigins } from '../../scripts/measure/bundleOrigins.ts';
import { BUDGETS, STORE_LIBRARIES } from '../../scripts/measure/budgets.ts';
import { weighPage } from '../../scripts/measure/pageWeight.ts';
import { ROUTES } from '../../src/lib/urls.ts';
import { checkBudgets } from '../../scripts/measure/checkBudgets.ts';
import { isAlertRedirect } from '../support/pages.ts';

/** Text gzip cannot shrink much: hex digits from a fixed pseudo-random sequence. */
function noise(bytes: number, seed = 7): string {
	let x = seed;
	let out = '';
	while (out.length < bytes) {
		x = (x * 1103515245 + 12345) % 2 ** 31;
		out += x.toString(16);
	}
	return out.slice(0, bytes);
}

describe('the size budgets', () => {
	it('hold on every page of the playbook', async () => {
		const dist = inject('dist');
		const { pages, violations } = await checkBudgets(dist, readBundleOrigins(inject('root'), dist));
		expect(violations.map((v) => v.message)).toEqual([]);
		expect(pages.length).toBeGreaterThan(10);
		for (const page of pages) {
			expect(page.total.gzip, page.page).toBeGreaterThan(page.html.gzip);
			// The search dialog's code loads only when search is opened: reported, not in the total.
			// (An alert's page only sends the responder on to its runbook: it has no search.)
			if (!isAlertRedirect(page.page)) expect(page.jsOnDemand.gzip, page.page).toBeGreaterThan(0);
		}
	});

	it('keep the store and its libraries off the metrics page, which reads every incident without them', async () => {
		const dist = inject('dist');
		const weight = await weighPage(dist, ROUTES.metrics, readBundleOrigins(inject('root'), dist));
		expect(weight.islands).toBeGreaterThan(0);
		const loaded = weight.assets.filter((a) => a.kind === 'js' && a.timing !== 'on-demand');
		expect(loaded.flatMap((a) => a.packages ?? []).filter((p) => STORE_LIBRARIES.some((r) => r.test(p)))).toEqual([]);
		// Only what the state needs loads it: a change, or stored text the cheap read leaves to the full read.
		expect(weight.assets.some((a) => a.timing === 'on-demand' && a.packages?.includes('zod'))).toBe(true);
	});

	it('fail for a page over budget, naming each budget it breaks', async () => {
		// A page added to the built site (no second build): a lot of text, a web font, and every
		// script of our own the build produced plus the Preact and zod chunks, with no island. The build's
		// own record says which files are ours and which hold libraries, so this also fails if that record does.
		const dist = inject('dist');
		const origins = readBundleOrigins(inject('root'), dist);
		// (Small scripts the build wrote into pages are recorded too, but are not files.)
		const scripts = Object.entries(origins.files).filter(([file, o]) => !o.onDemand && existsSync(join(dist, file)));
		const ours = scripts.filter(([, o]) => o.origin === 'first-party').map(([file]) => file);
		const preact = scripts.find(([, o]) => o.origin === 'library' && o.packages.includes('preact'))?.[0];
		const zod = scripts.find(([, o]) => o.origin === 'library' && o.packages.includes('zod'))?.[0];
		expect(ours.length).toBeGreaterThan(1);
		expect(preact).toBeDefined();
		expect(zod).toBeDefined();
		const site = mkdtempSync(join(tmpdir(), 'over-budget-'));
		try {
			symlinkSync(join(dist, '_astro'), join(site, '_astro'), 'dir');
			mkdirSync(join(site, 'over-budget'));
			const tags = [...ours, preact, zod].map((file) => `<script type="module" src="/${file}"></script>`).join('\n');
			const text = noise(150_000)
				.match(/.{1,80}/g)!
				.join(' ');
			writeFileSync(
				join(site, 'over-budget/index.html'),
				`<!doctype html><html lang="en"><head><title>Over budget</title>
<style>@font-face { font-family: Emergency; src: url(data:font/woff2;base64,d09GMgABAAAAAA) format('woff2'); }</style>
${tags}</head><body><main><h1>Over budget</h1><p>${text}</p></main></body></html>`,
			);
			const { pages, violations } = await checkBudgets(site, origins);
			const heavy = pages.find((p) => p.page === '/over-budget/')!;
			expect(heavy.total.gzip).toBeGreaterThan(BUDGETS.pageGzip);
			expect(heavy.jsFirstParty.gzip).toBeGreaterThan(BUDGETS.firstPartyJsGzip);
			const broken = violations.filter((v) => v.page === '/over-budget/');
			expect(broken.map((v) => v.budget).sort()).toEqual([
				'firstPartyJsGzip',
				'islandRuntime',
				'islandlessFirstPartyJsGzip',
				'pageGzip',
				'storeLibraries',
				'webFonts',
			]);
			expect(broken.find((v) => v.budget === 'islandRuntime')?.message).toContain('preact');

			// A page with an island that shows the state without the store: all our code that does not bring zod
			// (a page of each file alone tells which do: an islandless page loading zod breaks storeLibraries).
			ours.forEach((file, i) => {
				mkdirSync(join(site, `alone-${i}`));
				writeFileSync(
					join(site, `alone-${i}/index.html`),
					`<!doctype html><html lang="en"><head><title>Alone</title><script type="module" src="/${file}"></script></head><body></body></html>`,
				);
			});
			const alone = await checkBudgets(site, origins);
			const bringsZod = new Set(alone.violations.filter((v) => v.budget === 'storeLibraries').map((v) => v.page));
			const storelessFiles = ours.filter((_, i) => !bringsZod.has(`/alone-${i}/`));
			expect(storelessFiles.length).toBeLessThan(ours.length);
			mkdirSync(join(site, 'storeless'));
			writeFileSync(
				join(site, 'storeless/index.html'),
				`<!doctype html><html lang="en"><head><title>Storeless</title>
${[...storelessFiles, preact].map((file) => `<script type="module" src="/${file}"></script>`).join('\n')}</head>
<body><main><h1>Storeless</h1><astro-island></astro-island></main></body></html>`,
			);
			const again = await checkBudgets(site, origins);
			const storeless = again.pages.find((p) => p.page === '/storeless/')!;
			expect(storeless.jsFirstParty.gzip).toBeGreaterThan(BUDGETS.storelessFirstPartyJsGzip);
			expect(again.violations.filter((v) => v.page === '/storeless/').map((v) => v.budget)).toContain('storelessFirstPartyJsGzip');
			// The page that loads zod by itself is held by the ceiling, not by the target.
			expect(again.violations.filter((v) => v.page === '/over-budget/').map((v) => v.budget)).not.toContain('storelessFirstPartyJsGzip');
		} finally {
			rmSync(site, { recursive: true, force: true });
		}
	});
});
