import { describe, expect, inject, it } from 'vitest';
import { readBundleOrigins } from '../../scripts/measure/bundleOrigins';
import { BUDGETS } from '../../scripts/measure/budgets';
import { checkBudgets } from '../../scripts/measure/checkBudgets';
import { astroBuild, makeProject } from '../support/buildSite';
import { isAlertRedirect } from '../support/pages';

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

	it('fail for a page over budget, naming each budget it breaks', { timeout: 180_000 }, async () => {
		// A page with a lot of text, our own script far over the JavaScript budget that also pulls
		// in Preact and zod without an island, and a web font.
		const root = makeProject('over-budget', {
			overlay: {
				'fixture/Heavy.astro': `<p>Heavy</p>
<style is:global>@font-face { font-family: Emergency; src: url(data:font/woff2;base64,d09GMgABAAAAAA) format('woff2'); } .heavy { font-family: Emergency; }</style>
<script>
import { h, render } from 'preact';
import * as z from 'zod/mini';
const table = ${JSON.stringify(noise(70_000).match(/.{1,64}/g))};
render(h('p', { class: 'heavy' }, z.string().parse(table[document.body.childElementCount % table.length])), document.body);
</script>`,
				'docs/over-budget.mdx': `---\ntitle: Over budget\nowner: '@sre'\nlastReviewed: 2026-01-01\n---\nimport Heavy from '../fixture/Heavy.astro';\n\n<Heavy />\n\n${noise(
					150_000,
				)
					.match(/.{1,80}/g)!
					.join(' ')}\n`,
			},
		});
		const build = await astroBuild(root);
		expect(build.ok, build.output).toBe(true);
		const { pages, violations } = await checkBudgets(build.dist, readBundleOrigins(root, build.dist));
		const heavy = pages.find((p) => p.page === '/over-budget/')!;
		expect(heavy.total.gzip).toBeGreaterThan(BUDGETS.pageGzip);
		expect(heavy.jsFirstParty.gzip).toBeGreaterThan(BUDGETS.firstPartyJsGzip);
		const broken = violations.filter((v) => v.page === '/over-budget/').map((v) => v.budget);
		expect(broken.sort()).toEqual([
			'firstPartyJsGzip',
			'islandRuntime',
			'islandlessFirstPartyJsGzip',
			'pageGzip',
			'storeLibraries',
			'webFonts',
		]);
		expect(violations.filter((v) => v.page !== '/over-budget/').map((v) => v.message)).toEqual([]);
	});
});
