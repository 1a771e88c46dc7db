import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { ROOT } from '../support/buildSite.ts';
import { useChromium } from '../support/useChromium.ts';

const baseURL = inject('baseURL');
const chromium = useChromium();

/** Navigation chrome, and the screen width at which each piece shows on screen. */
const CHROME: [selector: string, width: number][] = [
	['.page > header', 1280],
	['#starlight__sidebar', 1280],
	['site-search button', 1280],
	['starlight-theme-select', 1280],
	['starlight-toc', 1280],
	['.pagination-links', 1280],
	['mobile-starlight-toc summary', 360],
];

const anyVisible = async (page: Page, selector: string) => (await page.locator(selector).filter({ visible: true }).count()) > 0;
/** Code blocks wider than their box, i.e. commands cut off or needing a scroll. */
const overflowing = (page: Page) =>
	page.locator('.code-block pre').evaluateAll((els) => els.filter((el) => el.scrollWidth > el.clientWidth + 1).length);

describe('printing a runbook', () => {
	it.each(CHROME)('hides %s, which shows on a %i px screen', async (selector, width) => {
		const page = await chromium.browser.newPage({ viewport: { width, height: 900 } });
		await page.goto(`${baseURL}/scenarios/service-down/`);
		expect(await anyVisible(page, selector)).toBe(true);
		await page.emulateMedia({ media: 'print' });
		expect(await anyVisible(page, selector)).toBe(false);
		await page.close();
	});

	it('prints each checklist box as the responder left it', async () => {
		const page = await chromium.browser.newPage({ colorScheme: 'dark' });
		await page.goto(`${baseURL}/process/investigation/`);
		const rows = page.locator('.checklist > li');
		await rows.first().click();
		await page.emulateMedia({ media: 'print' });
		const boxes = page.locator('.checklist input[type="checkbox"]');
		await expect.poll(() => boxes.first().isChecked()).toBe(true);
		await expect.poll(() => boxes.nth(1).isChecked()).toBe(false);
		// Both boxes are drawn, and a ticked one looks different from an empty one.
		const ticked = await boxes.first().screenshot();
		const empty = await boxes.nth(1).screenshot();
		expect(ticked.equals(empty)).toBe(false);
		// Printed light even from the dark theme: an empty box is mostly white, not black.
		expect(await boxes.nth(1).evaluate((el) => getComputedStyle(el).colorScheme)).toBe('light');
		await page.close();
	});

	it('wraps commands on narrow paper instead of cutting them off', async () => {
		const page = await chromium.browser.newPage({ viewport: { width: 360, height: 740 } });
		for (const url of ['/process/investigation/', '/scenarios/service-down/']) {
			await page.goto(baseURL + url);
			// A command with a long token that has no space to wrap at, as URLs and paths do.
			await page
				.locator('.code-block pre code')
				.first()
				.evaluate((code) => code.append(` https://api.example.com/${'v1/items/'.repeat(12)}`));
			// On screen, long commands scroll sideways; on paper there is no scrolling.
			expect(await overflowing(page), url).toBeGreaterThan(0);
			await page.emulateMedia({ media: 'print' });
			expect(await overflowing(page), url).toBe(0);
			await page.emulateMedia({ media: 'screen' });
		}
		await page.close();
	});

	it('prints the address of links to other systems, once', async () => {
		const page = await chromium.browser.newPage();
		await page.goto(`${baseURL}/tools/`);
		await page.emulateMedia({ media: 'print' });
		const after = (selector: string) =>
			page
				.locator(selector)
				.first()
				.evaluate((a) => getComputedStyle(a, '::after').content);
		// The tools list already shows each URL as the link text.
		expect(await after('.resources a[href^="http"]')).toBe('none');
		await page
			.locator('.sl-markdown-content')
			.evaluate((main) => main.insertAdjacentHTML('beforeend', '<p><a href="https://status.example.com/">status page</a></p>'));
		expect(await after('.sl-markdown-content p:last-child a')).toBe('" (https://status.example.com/)"');
		await page.close();
	});

	it.each(['/scenarios/service-down/', '/process/investigation/'])('renders %s to a PDF', async (url) => {
		const page = await chromium.browser.newPage();
		await page.goto(baseURL + url);
		await page.locator('.checklist > li').first().click();
		const pdf = await page.pdf({ format: 'A4', printBackground: true });
		expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
		expect(pdf.length).toBeGreaterThan(10_000);
		// Kept for a person to look at: test-results/print/*.pdf.
		const dir = join(ROOT, 'test-results', 'print');
		mkdirSync(dir, { recursive: true });
		writeFileSync(join(dir, `${url.split('/').filter(Boolean).join('-')}.pdf`), pdf);
		await page.close();
	});
});
