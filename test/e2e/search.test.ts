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
