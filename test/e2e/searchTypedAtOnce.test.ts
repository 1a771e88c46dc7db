import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { useChromium } from '../support/useChromium.ts';

const baseURL = inject('baseURL');
// No service worker: it would answer Pagefind's requests before the test can hold them back.
const chromium = useChromium({ serviceWorkers: 'block' });

/** A word the index surely holds: the longest in the titles of the pages the sidebar lists. */
async function wordFromSidebar(page: Page): Promise<string> {
	await page.goto(`${baseURL}/`);
	const titles = await page.locator('nav.sidebar a').allTextContents();
	const words = titles.flatMap((title) => title.match(/[A-Za-z]{5,}/g) ?? []);
	const word = words.sort((a, b) => b.length - a.length)[0];
	if (!word) throw new Error('The sidebar lists no page with a word of five letters or more');
	return word.toLowerCase();
}

/**
 * The result paths once the results for `query` are all shown: the status names the query and the
 * list holds as many pages as the status counts (the best few come first, the rest just after).
 */
async function shownResults(page: Page, query: string): Promise<string[]> {
	await page.waitForFunction(
		(q) => {
			const status = document.querySelector('.search-status')?.textContent ?? '';
			if (!status.includes(`“${q}”`)) return false;
			const [, count, shown] = /^(\d+) results?.*?(?:the best (\d+) shown)?\)?$/.exec(status) ?? [];
			return document.querySelectorAll('.search-result-link').length === Number(shown ?? count ?? 0);
		},
		query,
		{ timeout: 10_000 },
	);
	return page.locator('.search-result-link').evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
}

describe('search typed the moment it opens', () => {
	it.each([
		['every keystroke lands before the engine has loaded', 600, 0],
		['the engine arrives in the middle of the word', 150, 60],
	])('keeps every character and shows the results of the whole query: %s', async (_, engineDelayMs, keyDelayMs) => {
		const page = await chromium.context.newPage();
		const query = await wordFromSidebar(page);
		// What the same search shows once everything has loaded.
		await page.getByRole('button', { name: 'Search' }).click();
		await page.getByRole('searchbox', { name: 'Search the playbook' }).fill(query);
		const expected = await shownResults(page, query);
		expect(expected.length).toBeGreaterThan(0);

		// A fresh context: nothing of search loaded or cached, and the dialog's code and the engine held back.
		const cold = await (await chromium.newContext({ serviceWorkers: 'block' })).newPage();
		await cold.route(/\/pagefind\/pagefind\.js$|\/searchDialog[^/]*\.js$/, async (route) => {
			await new Promise((done) => setTimeout(done, engineDelayMs));
			await route.continue();
		});
		await cold.goto(`${baseURL}/`, { waitUntil: 'networkidle' });
		await cold.getByRole('button', { name: 'Search' }).click();
		await cold.keyboard.type(query, { delay: keyDelayMs });
		expect(await shownResults(cold, query)).toEqual(expected);
		expect(await cold.getByRole('searchbox', { name: 'Search the playbook' }).inputValue()).toBe(query);
		// Nothing searched for an earlier prefix may arrive later and replace them.
		await cold.waitForLoadState('networkidle');
		await cold.waitForTimeout(300);
		expect(await shownResults(cold, query)).toEqual(expected);
	});
});
