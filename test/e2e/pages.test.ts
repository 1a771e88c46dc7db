import AxeBuilder from '@axe-core/playwright';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../support/chromium';
import { builtPages, PUBLIC_URLS } from '../support/pages';

const baseURL = inject('baseURL');
let browser: Browser;
beforeAll(async () => {
	browser = await launchChromium();
});
afterAll(() => browser?.close());

describe('the built site', () => {
	it('has a page at every public URL, and nothing more or less than the content gives', () => {
		expect(builtPages(inject('dist'))).toEqual([...PUBLIC_URLS].sort());
	});

	it.each(PUBLIC_URLS)('%s loads with its title and no script errors', async (url) => {
		const page = await browser.newPage();
		const errors: string[] = [];
		page.on('pageerror', (error) => errors.push(error.message));
		const response = await page.goto(baseURL + url);
		expect(response?.status()).toBe(200);
		await expect(page.locator('h1').first().textContent()).resolves.toBeTruthy();
		expect(errors).toEqual([]);
		await page.close();
	});

	it('shows the real emoji and arrows, never the damaged text', async () => {
		const page = await browser.newPage();
		await page.goto(`${baseURL}/communication/`);
		const text = await page.locator('main').innerText();
		for (const symbol of ['🚨 INCIDENT DECLARED', '📊 INCIDENT UPDATE', '✅ INCIDENT RESOLVED']) expect(text).toContain(symbol);
		await page.goto(`${baseURL}/scenarios/service-down/`);
		expect(await page.locator('main').innerText()).toContain('Dashboard → Deployments → Rollback');
		for (const url of PUBLIC_URLS) {
			await page.goto(baseURL + url);
			expect(await page.content(), url).not.toMatch(/ðŸ|â†/);
		}
		await page.close();
	});
});

describe('accessibility', () => {
	it.each(PUBLIC_URLS.flatMap((url) => [[url, 'light'], [url, 'dark']] as const))('%s in %s theme has no axe violations', async (url, scheme) => {
		const context = await browser.newContext({ colorScheme: scheme });
		const page = await context.newPage();
		await page.goto(baseURL + url);
		await page.evaluate((theme) => localStorage.setItem('starlight-theme', theme), scheme);
		await page.reload();
		const results = await new AxeBuilder({ page }).analyze();
		const violations = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
		expect(violations).toEqual([]);
		await context.close();
	});
});
