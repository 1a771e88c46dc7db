import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { useChromium } from '../support/useChromium.ts';
import { builtPages, isAlertRedirect, PUBLIC_URLS } from '../support/pages.ts';

const baseURL = inject('baseURL');
const chromium = useChromium();

describe('the built site', () => {
	it('has a page at every public URL, and nothing more or less than the content gives', () => {
		expect(builtPages(inject('dist')).filter((url) => !isAlertRedirect(url))).toEqual([...PUBLIC_URLS].sort());
	});

	it('lists every public page in the sidebar, so none is left to be guessed', () => {
		const html = readFileSync(join(inject('dist'), 'index.html'), 'utf8');
		const sidebar = html.slice(html.indexOf('<nav class="sidebar'), html.indexOf('</nav>', html.indexOf('<nav class="sidebar')));
		const listed = new Set([...sidebar.matchAll(/<a href="([^"]+)"/g)].map(([, href]) => href));
		expect(PUBLIC_URLS.filter((url) => !listed.has(url))).toEqual([]);
	});

	it('never glues a word to the code or the name printed beside it at a line break of the page source', () => {
		const glued: string[] = [];
		for (const url of PUBLIC_URLS) {
			const html = readFileSync(join(inject('dist'), url, 'index.html'), 'utf8').replace(/<(script|style|pre)[\s\S]*?<\/\1>/g, '');
			// Words against an inline element's edge ("summary</code>parameters"); a short word run into a name ("theOn-Call").
			const text = html.replace(/<code>[^<]*<\/code>/g, (code) => code.replace(/[A-Za-z]/g, 'x'));
			for (const [found] of html.matchAll(/<\/(?:code|a|strong|em|kbd)>[a-z]{2,}|[a-z]{2,}<(?:code|a|strong|em|kbd)[ >]/g))
				glued.push(`${url}: ${found}`);
			for (const [found] of text.replace(/<[^>]*>/g, ' ').matchAll(/\b(?:the|a|an|of|in|to|and|by)[A-Z][a-z]+/g))
				glued.push(`${url}: ${found}`);
		}
		expect(glued).toEqual([]);
	});

	it('shows the real emoji and arrows, never the damaged text', async () => {
		const page = await chromium.browser.newPage();
		await page.goto(`${baseURL}/communication/`);
		const text = await page.locator('main').innerText();
		for (const symbol of ['🚨 INCIDENT DECLARED', '📊 INCIDENT UPDATE', '✅ INCIDENT RESOLVED']) expect(text).toContain(symbol);
		await page.goto(`${baseURL}/scenarios/service-down/`);
		expect(await page.locator('main').innerText()).toContain('Dashboard → Deployments → Rollback');
		await page.close();
	});
});

describe('every page, loaded one after another in one tab', () => {
	/*
	 * One tab for all the pages: a new tab starts a new renderer, which costs this machine about
	 * 1.5 s of CPU each time, for nothing these checks need (they store nothing). Every page
	 * is still loaded from the network and hydrated from scratch.
	 *
	 * Axe: every rule in the light theme; in the dark theme the rules whose outcome depends on
	 * colour. The themes differ only in colours (Starlight swaps custom properties), so running
	 * every structural rule twice would check the same markup twice. accessibility.test.ts runs
	 * every rule in both themes on the pages with state (classifier result, workspace, ticked runbook).
	 */
	const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];
	let page: Page;
	const errors: string[] = [];
	beforeAll(async () => {
		const context = await chromium.browser.newContext({ colorScheme: 'light' });
		page = await context.newPage();
		page.on('pageerror', (error) => errors.push(error.message));
	});
	afterAll(() => page?.context().close());

	// Two axe runs: allow for a busy machine (about 6 s when it is quiet).
	it.each(PUBLIC_URLS)(
		'%s loads with its title, the real emoji, no script errors and no axe violations in light and dark',
		{ timeout: 150_000 },
		async (url) => {
			errors.length = 0;
			await page.emulateMedia({ colorScheme: 'light' });
			const response = await page.goto(baseURL + url);
			expect(response?.status()).toBe(200);
			await expect(page.locator('h1').first().textContent()).resolves.toBeTruthy();
			expect(await page.content(), url).not.toMatch(/ðŸ|â†/);
			// The theme follows the system setting unless the reader picked one.
			expect(await page.evaluate(() => document.documentElement.dataset['theme'])).toBe('light');
			const light = await new AxeBuilder({ page }).analyze();
			const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
			const lightBackground = await background();
			// Switched the way Starlight's theme picker does it: the same page, only the colours change.
			await page.emulateMedia({ colorScheme: 'dark' });
			await page.evaluate(() => (document.documentElement.dataset['theme'] = 'dark'));
			const darkBackground = await background();
			const dark = await new AxeBuilder({ page }).withRules(COLOUR_RULES).analyze();
			expect(errors).toEqual([]);
			expect(darkBackground).not.toBe(lightBackground);
			const list = (scheme: string, found: typeof light) =>
				found.violations.map((v) => `${scheme} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
			expect([...list('light', light), ...list('dark', dark)]).toEqual([]);
		},
	);
});
