import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { useChromium } from '../support/useChromium.ts';
import { searchHere } from '../support/siteSearch.ts';

const baseURL = inject('baseURL');
const chromium = useChromium();

/** Type a query into the site search from the start page and return the result page paths, best first. */
async function search(page: Page, query: string): Promise<string[]> {
	await page.goto(`${baseURL}/`);
	return searchHere(page, query);
}

describe('search finds the runbook from a symptom', () => {
	it.each([
		['503', '/scenarios/service-down/'],
		['WAF', '/scenarios/security-incident/'],
		['read replica', '/scenarios/database-issues/'],
		['timeout', '/scenarios/database-issues/'],
		['timeout', '/scenarios/performance-degradation/'],
		['error rate', '/scenarios/high-error-rate/'],
		['rollback', '/scenarios/service-down/'],
		// Words the page says only among its aliases.
		['5xx', '/scenarios/high-error-rate/'],
		['500', '/scenarios/high-error-rate/'],
	])('"%s" lists %s among the first three results', async (query, expected) => {
		const page = await chromium.browser.newPage();
		const results = await search(page, query);
		expect(results.slice(0, 3)).toContain(expected);
		await page.close();
	});
});

describe('search results', () => {
	it("show a runbook once, its excerpt in words apart, without the review note or the page's buttons", async () => {
		const page = await chromium.browser.newPage();
		const results = await search(page, '5xx');
		expect(results[0]).toBe('/scenarios/high-error-rate/');
		const result = page.locator('.search-result', { has: page.locator('a[href$="/scenarios/high-error-rate/"]') }).first();
		// The text above the page's first heading is the page itself, not one of its sections.
		const links = await result.locator('a').evaluateAll((all) => all.map((a) => (a as HTMLAnchorElement).href));
		expect(links.filter((href) => href.includes('#_top'))).toEqual([]);
		const excerpt = (await result.locator('.search-excerpt').first().textContent()) ?? '';
		expect(excerpt).not.toMatch(/Last reviewed|Declare an incident|Classify severity/);
		expect(excerpt).not.toMatch(/Usually\S|Alerts\S/);
		await page.close();
	});

	it('list pages with some of the words after those with all of them: a service name the playbook never says still finds the runbook', async () => {
		const page = await chromium.browser.newPage();
		// "checkout" is in a drill only; "errors" is the runbook's.
		const results = await search(page, 'checkout errors');
		expect(results).toContain('/scenarios/high-error-rate/');
		expect(results.indexOf('/drills/')).toBeLessThan(results.indexOf('/scenarios/high-error-rate/'));
		expect(await page.locator('.search-status').textContent()).toMatch(/with some of the words/);
		await page.close();
	});

	it('are thumb-sized on a phone: a tap on a result or a section, its excerpt too, opens it', async () => {
		const context = await chromium.browser.newContext({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });
		const page = await context.newPage();
		await page.goto(`${baseURL}/`);
		await searchHere(page, 'replica lag');
		const sections = page.locator('.search-sections a');
		expect(await sections.count()).toBeGreaterThan(0);
		// What a tap on each link's row reaches: at least 44×44 px, and it is the link.
		const small = await page.locator('.search-results a').evaluateAll((links) =>
			links.flatMap((a) => {
				const row = a.closest('li')!.getBoundingClientRect();
				const at = (x: number, y: number) => document.elementFromPoint(x, y)?.closest('a') === a;
				const reached = at(row.left + 4, row.bottom - 4) && at(row.right - 4, row.top + 4);
				return row.height >= 44 && row.width >= 44 && reached
					? []
					: [`${a.textContent} ${Math.round(row.width)}×${Math.round(row.height)}`];
			}),
		);
		expect(small).toEqual([]);
		// A section's own row opens the section, not the page above it.
		const section = sections.first();
		const href = new URL((await section.getAttribute('href'))!, baseURL);
		const excerpt = await section.locator('xpath=..').locator('.search-excerpt').boundingBox();
		await page.touchscreen.tap(excerpt!.x + excerpt!.width / 2, excerpt!.y + excerpt!.height / 2);
		await page.waitForURL((url) => url.pathname === href.pathname && url.hash === href.hash);
		await context.close();
	});

	it('say a long query back cut short, so the results stay on a phone screen', async () => {
		const page = await chromium.browser.newPage();
		await page.goto(`${baseURL}/`);
		await page.getByRole('button', { name: 'Search' }).click();
		await page.locator('dialog[open] input[type="search"]').fill('rollback '.repeat(60).trim());
		await expect.poll(() => page.locator('.search-status').textContent(), { timeout: 5000 }).toMatch(/…”/);
		expect(((await page.locator('.search-status').textContent()) ?? '').length).toBeLessThan(160);
		await page.close();
	});
});
