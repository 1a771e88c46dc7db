import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../support/chromium';

const baseURL = inject('baseURL');
let browser: Browser;
beforeAll(async () => {
	browser = await launchChromium();
});
afterAll(() => browser?.close());

describe('search answers quickly', () => {
	it('starts loading the search engine when the responder opens search, before they type', async () => {
		const page = await browser.newPage();
		await page.goto(`${baseURL}/scenarios/service-down/`, { waitUntil: 'networkidle' });
		const engine = page.waitForRequest((request) => new URL(request.url()).pathname === '/pagefind/pagefind.js', { timeout: 5_000 });
		await page.getByRole('button', { name: 'Search' }).click();
		await expect(engine).resolves.toBeTruthy();
		await page.close();
	});

	it('searches 40 ms after a keystroke, not after Pagefind UI’s default 300 ms', async () => {
		const page = await browser.newPage();
		// Record the delays of the timers the page sets once the responder starts typing.
		await page.addInitScript(() => {
			const delays: number[] = ((window as unknown as { __delays: number[] }).__delays = []);
			let typing = false;
			document.addEventListener('keydown', () => (typing = true), true);
			const setTimer = window.setTimeout;
			window.setTimeout = ((handler: TimerHandler, delay?: number, ...args: unknown[]) => {
				if (typing) delays.push(delay ?? 0);
				return setTimer(handler, delay, ...args);
			}) as typeof window.setTimeout;
		});
		await page.goto(`${baseURL}/`, { waitUntil: 'networkidle' });
		await page.getByRole('button', { name: 'Search' }).click();
		const input = page.locator('dialog[open] .pagefind-ui__search-input');
		await input.waitFor();
		await input.press('5');
		await page.waitForFunction(() => document.querySelectorAll('.pagefind-ui__result-link').length > 0);
		const delays = await page.evaluate(() => (window as unknown as { __delays: number[] }).__delays);
		expect(delays).toContain(40);
		expect(delays).not.toContain(300);
		await page.close();
	});
});
