import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../support/chromium';

const baseURL = inject('baseURL');
let browser: Browser;
beforeAll(async () => {
	browser = await launchChromium();
});
afterAll(() => browser?.close());

/** Type a query into the site search and return the result page paths, best first. */
export async function search(page: Page, query: string): Promise<string[]> {
	await page.goto(`${baseURL}/`);
	await page.getByRole('button', { name: 'Search' }).click();
	await page.locator('dialog[open] .pagefind-ui__search-input').fill(query);
	// The UI writes "N results for <query>" once the results for the whole query are in, then
	// renders them.
	await page.waitForFunction(
		(q) =>
			document.querySelector('.pagefind-ui__message')?.textContent?.includes(q) &&
			document.querySelectorAll('.pagefind-ui__result-link').length > 0,
		query,
	);
	const results = page.locator('.pagefind-ui__result-link');
	const hrefs = await results.evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
	return [...new Set(hrefs)];
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
	])('"%s" lists %s among the first three results', async (query, expected) => {
		const page = await browser.newPage();
		const results = await search(page, query);
		expect(results.slice(0, 3)).toContain(expected);
		await page.close();
	});
});
