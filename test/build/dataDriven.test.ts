import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { astroBuild, makeProject, ROOT } from '../support/buildSite';
import { launchChromium } from '../support/chromium';
import { serveStatic } from '../support/server';

/**
 * A playbook with other levels (SEV1–SEV5, other criteria, times and escalation) builds and
 * works with no change to code.
 */
describe('a playbook with five other levels', () => {
	let browser: Browser;
	let site: Awaited<ReturnType<typeof serveStatic>>;
	beforeAll(async () => {
		const root = makeProject('sev-playbook', { dir: join(ROOT, 'test/fixtures/sev-playbook/content') });
		const build = await astroBuild(root);
		if (!build.ok) throw new Error(build.output);
		site = await serveStatic(build.dist);
		browser = await launchChromium();
	});
	afterAll(async () => {
		await browser?.close();
		await site?.close();
	});

	it('lists its own levels on the severity page', async () => {
		const page = await browser.newPage();
		await page.goto(`${site.url}/severity/`);
		const rows = await page.locator('.severity-table tbody th').allInnerTexts();
		expect(rows.map((r) => r.replace(/\s+/g, ' ').trim())).toEqual(['SEV1 Emergency', 'SEV2 Severe', 'SEV3 Major', 'SEV4 Minor', 'SEV5 Trivial']);
		await page.close();
	});

	it('classifies with its criteria and bounds, and declares with its times and channel prefix', async () => {
		const context = await browser.newContext();
		const page = await context.newPage();
		await page.goto(`${site.url}/classify/`);
		await page.getByLabel('A region is degraded').check();
		await expect.poll(() => page.locator('#classification-title').innerText()).toContain('SEV3');
		await page.getByLabel('Checkout latency').fill('7');
		await expect.poll(() => page.locator('#classification-title').innerText()).toContain('SEV2');
		expect(await page.locator('.classification').innerText()).toContain('Head of Shop');
		await page.getByLabel('Checkout latency').fill('10.5');
		await expect.poll(() => page.locator('#classification-title').innerText()).toContain('SEV1');
		await page.getByRole('link', { name: 'Declare a SEV1 incident' }).click();
		await page.getByLabel('Title').fill('Checkout slow');
		await page.getByRole('button', { name: 'Declare incident' }).click();
		await expect.poll(() => page.locator('.deadline[data-deadline="rung:head-of-shop"]').innerText()).toContain('Head of Shop');
		const text = await page.locator('.incident-summary').innerText();
		expect(text).toMatch(/#shop-inc-\d{8}-\d{4}/);
		expect(await page.locator('.deadline[data-deadline="response"]').innerText()).toContain('2 minutes');
		await context.close();
	});
});
