import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { loadSite } from '../../src/data/loadSite.ts';
import { isStale } from '../../src/lib/staleness.ts';
import { useChromium } from '../support/useChromium.ts';
import { readFrontmatter } from '../support/frontmatter.ts';

const baseURL = inject('baseURL');
const { staleAfterDays } = loadSite(join(inject('content'), 'site.yaml'));
const DAY = 86_400_000;
const chromium = useChromium();

/** The review fields of the page at a URL, read from its content file. */
function review(url: string, file: string) {
	const data = readFrontmatter(join(inject('content'), 'docs', file));
	const reviewed = String(data['lastReviewed'] instanceof Date ? data['lastReviewed'].toISOString().slice(0, 10) : data['lastReviewed']);
	return { url, owner: String(data['owner']), reviewed, date: new Date(reviewed) };
}

const pages = [
	review('/tools/', 'tools.mdx'),
	review('/scenarios/security-incident/', 'scenarios/security-incident.mdx'),
	review('/process/investigation/', 'process/investigation.mdx'),
];

describe('the review notice', () => {
	it.each(pages)(
		'$url says when and by whom it was last reviewed, once that is past staleAfterDays',
		async ({ url, owner, reviewed, date }) => {
			const page = await chromium.browser.newPage();
			await page.goto(baseURL + url);
			const note = page.locator('.review-notice');
			expect(await note.count()).toBe(1);
			expect(await note.isVisible()).toBe(isStale(date, new Date(), staleAfterDays));
			const text = (await note.textContent())?.replace(/\s+/g, ' ').trim();
			expect(text).toMatch(new RegExp(`^Last reviewed .+ by ${owner}: this page may be out of date\\.$`));
			expect(await note.locator('time').getAttribute('datetime')).toBe(reviewed);
			// Right under the page title, so it is read before the runbook.
			expect(await page.locator('h1#_top + .review-notice').count()).toBe(1);
			await page.close();
		},
	);

	it('is worked out again in the browser, so a site that is not rebuilt still goes stale', async () => {
		const { url, date } = pages[0]!;
		const context = await chromium.browser.newContext();
		const page = await context.newPage();
		await page.clock.setFixedTime(new Date(date.getTime() + staleAfterDays * DAY + 12 * 3_600_000));
		await page.goto(baseURL + url);
		expect(await page.locator('.review-notice').isVisible()).toBe(false);
		await page.clock.setFixedTime(new Date(date.getTime() + (staleAfterDays + 1) * DAY));
		await page.reload();
		expect(await page.locator('.review-notice').isVisible()).toBe(true);
		await context.close();
	});

	it('is in the page without JavaScript, as it stood at build time', async () => {
		const { url, date } = pages[0]!;
		const context = await chromium.browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto(baseURL + url);
		expect(await page.locator('.review-notice').isVisible()).toBe(isStale(date, new Date(), staleAfterDays));
		await context.close();
	});

	it('fits a 360 px screen', async () => {
		const page = await chromium.browser.newPage({ viewport: { width: 360, height: 740 } });
		await page.goto(`${baseURL}/scenarios/performance-degradation/`);
		const box = await page.locator('.review-notice').boundingBox();
		expect(box && box.x + box.width).toBeLessThanOrEqual(360);
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
		await page.close();
	});
});
