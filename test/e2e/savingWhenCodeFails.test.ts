import type { BrowserContext, Locator, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { openWithState, storedState } from '../support/storedState.ts';
import { useChromium } from '../support/useChromium.ts';

const baseURL = inject('baseURL');
const chromium = useChromium();

const withIncident = (context: BrowserContext, path: string) => openWithState(context, `${baseURL}${path}`);
const stored = storedState;

/** The post-mortem's Root Cause, typed in while offline with nothing cached (no service worker). */
async function writeOffline(context: BrowserContext): Promise<{ page: Page; root: Locator }> {
	const page = await withIncident(context, '/post-mortem/');
	const root = page.locator('[data-generator="post-mortem"]').getByLabel('Root Cause');
	await root.waitFor();
	await context.setOffline(true);
	await root.fill('Written offline');
	await page.waitForTimeout(1000);
	return { page, root };
}

describe('the post-mortem when the code that saves it cannot load', () => {
	it('tells, next to the field, that what is typed was not saved when the code that saves it cannot load', async () => {
		const context = await chromium.browser.newContext({ serviceWorkers: 'block', viewport: { width: 360, height: 740 } });
		const { page } = await writeOffline(context);
		// Something the responder can see while writing says it was not saved.
		const told = page.getByText(/not saved/i);
		await expect.poll(() => told.first().isVisible()).toBe(true);
		expect(
			await told.first().evaluate((el) => {
				const r = el.getBoundingClientRect();
				return r.bottom > 0 && r.top < innerHeight;
			}),
		).toBe(true);
		await context.close();
	});

	it('saves once the network is back: by itself where the browser loads the code again, else after the reload it offers', async () => {
		const context = await chromium.browser.newContext({ serviceWorkers: 'block' });
		const { page, root } = await writeOffline(context);
		// Offline, it asks not to reload (the page would not come back).
		expect(await page.getByRole('button', { name: 'reload the page' }).count()).toBe(0);
		await context.setOffline(false);
		await root.fill('Written online again');
		const saved = async () => (await stored(page))?.state.incidents[0]?.postMortem.rootCause === 'Written online again';
		await reloadIfAsked(page, saved);
		await expect
			.poll(async () => (await stored(page))?.state.incidents[0]?.postMortem.rootCause, { timeout: 5000 })
			.toBe('Written online again');
		await context.close();
	});
});

/**
 * Wait until `done`, or until the page offers a reload because it cannot load the code again
 * (Chromium keeps a module that failed to load as failed for the page's life), and reload then.
 */
async function reloadIfAsked(page: Page, done: () => Promise<boolean>): Promise<void> {
	const reload = page.getByRole('button', { name: 'reload the page' });
	await expect.poll(async () => (await done()) || (await reload.isVisible()), { timeout: 5000 }).toBe(true);
	if (await done()) return;
	await Promise.all([page.waitForEvent('load'), reload.click()]);
}

describe('drills', () => {
	it('says so when a drill could not be declared (the code that saves it failed to load), and declares it once it loads', async () => {
		const context = await chromium.browser.newContext({ serviceWorkers: 'block' });
		// The store and the drills' changes fail to load, as offline before they were cached.
		let blocked = true;
		await context.route(/\/_astro\/(pageStore\.onDemand|drillChanges\.onDemand|store)\./, (route) =>
			blocked ? route.abort('internetdisconnected') : route.continue(),
		);
		const page = await context.newPage();
		await page.goto(`${baseURL}/drills/`);
		// Once the list works (a tap before, on the page as the server drew it, does nothing).
		await page.locator('astro-island:not([ssr]) .drill-card button').first().waitFor();
		await page.getByRole('button', { name: 'Start' }).first().click();
		await page.locator('#drill-severity').selectOption({ index: 1 });
		await page.getByRole('button', { name: 'Declare the drill' }).click();
		// The drill is still shown as not declared: something on the page says why.
		const told = page.locator('.drill-run [role=alert]').filter({ hasText: /not saved/i });
		await expect.poll(() => told.count()).toBe(1);
		expect((await stored(page))?.state.incidents.length ?? 0).toBe(0);
		// Back: the next press (another tap on Declare) tries again; where the browser will not load the code
		// again, the page offers a reload, which keeps the drill's clock, and Declare then declares it, once.
		blocked = false;
		await page.getByRole('button', { name: 'Declare the drill' }).click();
		const declared = async () => ((await stored(page))?.state.incidents.length ?? 0) === 1;
		await reloadIfAsked(page, declared);
		if (!(await declared())) {
			await page.locator('#drill-severity').selectOption({ index: 1 });
			await page.getByRole('button', { name: 'Declare the drill' }).click();
		}
		await expect.poll(async () => (await stored(page))?.state.incidents.length ?? 0, { timeout: 5000 }).toBe(1);
		await expect.poll(() => told.count()).toBe(0);
		await page.waitForTimeout(500);
		expect((await stored(page))?.state.incidents.length).toBe(1);
		await context.close();
	});

	it('says so when the view of a started drill cannot load, and shows it after a reload, its clock kept', async () => {
		const context = await chromium.browser.newContext({ serviceWorkers: 'block' });
		let blocked = true;
		await context.route(/\/_astro\/DrillRun\.onDemand\./, (route) => (blocked ? route.abort('internetdisconnected') : route.continue()));
		const page = await context.newPage();
		await page.goto(`${baseURL}/drills/`);
		await page.locator('astro-island:not([ssr]) .drill-card button').first().waitFor();
		await page.getByRole('button', { name: 'Start' }).first().click();
		const told = page.getByRole('alert').filter({ hasText: /could not be shown/ });
		await told.waitFor();
		// The drill's clock is in the address, as when it shows: a reload or the next try keeps it.
		const started = new URL(page.url()).searchParams.get('started');
		expect(Number(started)).toBeGreaterThan(0);
		blocked = false;
		// A reload, not a new import: some browsers (Chromium) keep a module that failed to load as failed for the page's life.
		await Promise.all([page.waitForEvent('load'), told.getByRole('button', { name: 'reload the page' }).click()]);
		await page.locator('#drill-pending').waitFor();
		expect(await told.count()).toBe(0);
		expect(new URL(page.url()).searchParams.get('started')).toBe(started);
		await context.close();
	});

	it('a quick double tap on "End the drill" leaves the score on the screen', async () => {
		const context = await chromium.browser.newContext({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });
		const page = await context.newPage();
		await page.goto(`${baseURL}/drills/`);
		await page.locator('.drill-card:not([ssr]) button, astro-island:not([ssr]) .drill-card button').first().waitFor();
		await page.getByRole('button', { name: 'Start' }).first().tap();
		await page.locator('#drill-severity').selectOption({ index: 1 });
		await page.getByRole('button', { name: 'Declare the drill' }).tap();
		const end = page.getByRole('button', { name: 'End the drill' });
		await end.waitFor();
		await end.scrollIntoViewIfNeeded();
		const box = (await end.boundingBox())!;
		await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
		await page.waitForTimeout(150);
		await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
		await page.waitForTimeout(1000);
		await expect.poll(() => page.locator('.drill-score').isVisible()).toBe(true);
		// Ended at once: the events still to come never will, and the drill says so; a first message not due yet is not missed.
		expect(await page.locator('.drill-injects .hint').innerText()).toMatch(/did not come before the end|Every event/);
		expect(await page.locator('[data-score="first-message"]').getAttribute('class')).toBe('met');
		await context.close();
	});

	it('keeps keyboard focus on the view each press opens: the drill started, declared, its score, the list', async () => {
		const context = await chromium.browser.newContext();
		const page = await context.newPage();
		await page.goto(`${baseURL}/drills/`);
		const focused = () => page.evaluate(() => document.activeElement?.id ?? document.activeElement?.tagName);
		await page.locator('astro-island:not([ssr]) .drill-card button').first().waitFor();
		const start = page.getByRole('button', { name: 'Start' }).first();
		await start.focus();
		await page.keyboard.press('Enter');
		await expect.poll(focused).toBe('drill-pending');
		await page.locator('#drill-severity').selectOption({ index: 1 });
		await page.getByRole('button', { name: 'Declare the drill' }).focus();
		await page.keyboard.press('Enter');
		await expect.poll(focused).toBe('drill-running');
		await page.getByRole('button', { name: 'End the drill' }).focus();
		await page.keyboard.press('Enter');
		await expect.poll(focused).toBe('drill-score-title');
		await page.getByRole('button', { name: 'Back to the drills' }).waitFor();
		await page.waitForTimeout(900);
		await page.getByRole('button', { name: 'Back to the drills' }).focus();
		await page.keyboard.press('Enter');
		await expect.poll(focused).toMatch(/^drill-/);
		expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H2');
		await context.close();
	});
});
