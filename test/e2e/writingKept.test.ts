import type { BrowserContext } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { openWithState, storedState } from '../support/storedState.ts';
import { useChromium } from '../support/useChromium.ts';

const baseURL = inject('baseURL');
const chromium = useChromium();

/** The store and the generators' code of changes, late as on a slow phone network on a first visit. */
const LATE = /\/_astro\/(pageStore\.onDemand|postMortemChanges\.onDemand|messageChanges\.onDemand|workspaceChanges\.onDemand|store)\./;

/** A browser with no service worker (a first visit) whose store arrives 1.5 s after it is asked for. */
async function slowContext(): Promise<BrowserContext> {
	const context = await chromium.browser.newContext({ serviceWorkers: 'block' });
	await context.route(LATE, async (route) => {
		await new Promise((resolve) => setTimeout(resolve, 1500));
		await route.continue();
	});
	return context;
}

const withIncident = (context: BrowserContext, path: string) => openWithState(context, `${baseURL}${path}`);
const stored = storedState;

describe('writing kept when the page is left before the store has loaded', () => {
	it('keeps the root cause and an action item when the post-mortem is left at once', async () => {
		const context = await slowContext();
		const page = await withIncident(context, '/post-mortem/');
		const pm = page.locator('[data-generator="post-mortem"]');
		await pm.getByLabel('Root Cause').fill('Redis ran out of memory');
		await pm.getByRole('button', { name: 'Add an action item' }).click();
		await page.keyboard.type('Alert on Redis memory');
		// Left at once, as a responder taps the bar's Workspace link.
		await page.goto(`${baseURL}/incident/`);
		await expect
			.poll(async () => (await stored(page))?.state.incidents[0]?.postMortem.actionItems.map((a) => a.item), { timeout: 10_000 })
			.toEqual(['Alert on Redis memory']);
		expect((await stored(page))?.state.incidents[0]?.postMortem.rootCause).toBe('Redis ran out of memory');
		await context.close();
	});

	it('keeps a value typed into a message when the communication page is reloaded at once', async () => {
		const context = await slowContext();
		const page = await withIncident(context, '/communication/');
		const impact = page.locator('#gen-declaration-impact');
		await impact.click();
		await impact.fill('');
		await page.keyboard.type('Checkout is down');
		await page.reload();
		await expect.poll(async () => (await stored(page))?.state.incidents[0]?.impact, { timeout: 10_000 }).toBe('Checkout is down');
		await context.close();
	});

	it('keeps a level, a status and a note set in the workspace when it is left at once', async () => {
		const context = await slowContext();
		const page = await withIncident(context, '/incident/');
		const before = (await stored(page))!.state.incidents[0]!;
		const other = before.severity === 'P1' ? 'P2' : 'P1';
		await page.getByLabel('Severity', { exact: true }).selectOption(other);
		await page.getByRole('button', { name: 'Identified' }).click();
		await page.getByLabel('Add a note').fill('Rolled back the deploy');
		await page.getByRole('button', { name: 'Add note' }).click();
		// Left at once, as a responder taps a runbook link.
		await page.goto(`${baseURL}/scenarios/service-down/`);
		await expect.poll(async () => (await stored(page))?.state.incidents[0]?.severity, { timeout: 10_000 }).toBe(other);
		const incident = (await stored(page))!.state.incidents[0]!;
		expect(incident.status).toBe('identified');
		expect(incident.events.filter((e) => e.kind === 'note').map((e) => e.text)).toEqual(['Rolled back the deploy']);
		await context.close();
	});
});
