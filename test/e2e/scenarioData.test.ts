import { describe, expect, inject, it } from 'vitest';
import { ROUTES } from '../../src/lib/urls.ts';
import { useChromium } from '../support/useChromium.ts';

const baseURL = inject('baseURL');
const chromium = useChromium();

describe('the scenario list the whole-playbook pages fetch', () => {
	it('is fetched once per page, and fills the classifier and the declare form', async () => {
		const context = await chromium.browser.newContext({ baseURL });
		const page = await context.newPage();
		let fetched = 0;
		page.on('request', (request) => new URL(request.url()).pathname === ROUTES.scenarioData && fetched++);
		await page.goto('/classify/?seen=P0:service-completely-down');
		await expect.poll(() => page.locator('.fitting').innerText()).toContain('Service Down');
		await page.goto('/incident/');
		await page.getByRole('button', { name: 'Declare an incident' }).click();
		await page.getByRole('checkbox', { name: 'Database Issues' }).waitFor();
		expect(fetched).toBe(2);
		await context.close();
	});

	it('says so where it is missing when it cannot be fetched, and everything else still works', async () => {
		const context = await chromium.browser.newContext({ baseURL });
		await context.route(`**${ROUTES.scenarioData}`, (route) => route.abort('internetdisconnected'));
		const page = await context.newPage();
		await page.goto('/classify/?seen=P0:service-completely-down');
		const result = page.locator('#classification-result');
		await expect.poll(() => result.innerText()).toMatch(/P0\s+Critical/);
		await expect.poll(() => page.locator('.fitting').innerText()).toContain('could not be loaded');
		await page.getByRole('link', { name: 'Declare a P0 incident' }).click();
		await expect.poll(() => page.locator('.declare-dialog form').innerText()).toContain('could not be loaded');
		await page.getByLabel('Title').fill('API returns 503');
		await page.getByRole('button', { name: 'Declare and copy the message' }).click();
		// Declared all the same; the message, whose template comes with that data, is not offered.
		await expect.poll(() => page.locator('#declared-copy').innerText()).toContain('could not be prepared');
		await page.goto('/incident/');
		await page.locator('#incident-title').waitFor();
		expect(await page.locator('#incident-title').innerText()).toContain('API returns 503');
		// The Markdown report needs the scenarios' lists; the JSON file does not.
		expect(await page.getByRole('button', { name: 'Copy as Markdown' }).isDisabled()).toBe(true);
		expect(await page.getByRole('button', { name: 'Download .json' }).isEnabled()).toBe(true);
		await page.goto('/post-mortem/');
		await expect.poll(() => page.locator('.generator-source').first().innerText()).toContain('could not be loaded');
		await context.close();
	});
});
