import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { fillDeclareDialog } from '../support/declare.ts';
import { declareIncident } from '../../src/lib/incidents.ts';
import { emptyState, type State } from '../../src/lib/state.ts';
import { declaration } from '../support/incidents.ts';
import { openIncidentState } from '../support/storedState.ts';
import { useChromium } from '../support/useChromium.ts';

const baseURL = inject('baseURL');
const chromium = useChromium({ baseURL, acceptDownloads: true });

const KEY = 'playbook:state';
const redis = (page: Page) => page.getByRole('checkbox', { name: 'Check Redis connectivity', exact: true });

/** Put raw text under the state key before the site reads it. */
async function storeRaw(raw: string) {
	const page = await chromium.context.newPage();
	// Once this page has finished reading what is stored (its bar loads the store for data it will not guess about),
	// so that the text written here is read by the other pages only, as another tab's write.
	await page.goto('/404/', { waitUntil: 'networkidle' });
	await page.evaluate(([key, value]) => localStorage.setItem(key!, value!), [KEY, raw]);
	await page.close();
}
const backups = (page: Page) =>
	page.evaluate(() =>
		Object.keys(localStorage)
			.filter((k) => k.startsWith('playbook:backup:'))
			.map((k) => [k, localStorage.getItem(k)]),
	);

/** From the next page on, writing the state fails as on a full disk. */
const storageFull = () =>
	chromium.context.addInitScript(() => {
		const setItem = Storage.prototype.setItem;
		Storage.prototype.setItem = function (key: string, value: string) {
			if (key === 'playbook:state') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
			return setItem.call(this, key, value);
		};
	});

describe('when browser storage fails', () => {
	it('works in memory and says so when storage is disabled', async () => {
		await chromium.context.addInitScript(() => {
			Object.defineProperty(window, 'localStorage', {
				get() {
					throw new DOMException('The operation is insecure.', 'SecurityError');
				},
			});
		});
		const page = await chromium.context.newPage();
		await page.goto('/scenarios/service-down/');
		await redis(page).check();
		await expect.poll(() => redis(page).isChecked()).toBe(true);
		await expect.poll(() => page.locator('#storage-notices [role="alert"]').innerText()).toContain('does not let the site keep data');
	});

	it('keeps working and says so when storage is full', async () => {
		await storageFull();
		const page = await chromium.context.newPage();
		await page.goto('/scenarios/service-down/');
		await redis(page).check();
		await expect.poll(() => page.locator('#storage-notices [role="alert"]').innerText()).toMatch(/^Not saved: browser storage is full/);
		expect(await redis(page).isChecked()).toBe(true);
	});

	it('asks before a page whose changes could not be saved is left, and keeps them when the responder stays', async () => {
		const context = await chromium.newContext({ baseURL });
		await storageFull();
		const page = await context.newPage();
		await page.goto('/scenarios/service-down/');
		const asked: string[] = [];
		page.on('dialog', (dialog) => {
			asked.push(dialog.type());
			void dialog.dismiss();
		});
		await redis(page).check();
		await page.getByRole('alert').filter({ hasText: 'Not saved: browser storage is full' }).waitFor();
		// Leaving by a link: the browser asks first, and staying keeps the page and the tick only it holds.
		await page.locator('a.site-title').click();
		await expect.poll(() => asked).toEqual(['beforeunload']);
		expect(new URL(page.url()).pathname).toBe('/scenarios/service-down/');
		expect(await redis(page).isChecked()).toBe(true);
	});

	it('says so on the post-mortem, which loads the store only to keep what is written, when storage is full', async () => {
		const now = Date.now();
		const { state } = declareIncident({ ...emptyState(), responder: 'alice' }, declaration({ detectedAt: now - 60_000 }), 'incident-', now);
		await storeRaw(JSON.stringify({ version: 1, state }));
		await storageFull();
		const page = await chromium.context.newPage();
		await page.goto('/post-mortem/');
		const rootCause = page.locator('[data-generator="post-mortem"]').getByLabel('Root Cause');
		await rootCause.fill('Expired certificate');
		await expect.poll(() => page.locator('#storage-notices [role="alert"]').innerText()).toMatch(/^Not saved: browser storage is full/);
		expect(await rootCause.inputValue()).toBe('Expired certificate');
		// The only copy is this tab's: it is offered here, not behind a link that would leave the page.
		const notice = page.locator('#storage-notices [role="alert"]');
		expect(await notice.getByRole('link').count()).toBe(0);
		const [file] = await Promise.all([
			page.waitForEvent('download'),
			notice.getByRole('button', { name: 'Download what is not saved' }).click(),
		]);
		const kept = JSON.parse(readFileSync((await file.path())!, 'utf8')) as { state: State };
		expect(kept.state.incidents[0]?.postMortem.rootCause).toBe('Expired certificate');
		await notice.getByRole('button', { name: 'Copy it' }).click();
		await expect.poll(() => notice.getByRole('status').innerText()).toMatch(/^(Copied\.|The browser refused)/);
	});

	it('leaves data of a newer version in place and says to reload, on the post-mortem and the drills, which read without the store', async () => {
		const newer = JSON.stringify({ version: 3, state: { incidents: [] } });
		await storeRaw(newer);
		const page = await chromium.context.newPage();
		for (const path of ['/post-mortem/', '/drills/']) {
			await page.goto(path);
			await expect
				.poll(() => page.locator('#storage-notices [role="alert"]').innerText())
				.toMatch(/written by a newer version of this site \(format 3; this page reads 1\)[\s\S]*reload/);
		}
		// An out-of-date page ticks in memory and writes nothing over the newer data, once it has said so.
		await page.goto('/scenarios/service-down/');
		await page.locator('#storage-notices [role="alert"]').waitFor();
		await redis(page).check();
		await page.waitForTimeout(500);
		expect(await redis(page).isChecked()).toBe(true);
		expect(await page.evaluate((k) => localStorage.getItem(k), KEY)).toBe(newer);
		expect(await backups(page)).toEqual([]);
	});

	it('keeps unreadable data aside, downloadable, and never wipes it', async () => {
		const broken = '{"version":1,"state":{"incidents":[{"id":"20261126-0314","title":"Half a rec';
		await storeRaw(broken);
		const page = await chromium.context.newPage();
		await page.goto('/incident/');
		const notice = page.locator('.storage-notice').first();
		await expect.poll(() => notice.innerText()).toContain('could not be read (it is not valid JSON)');
		const kept = await backups(page);
		expect(kept).toHaveLength(1);
		expect(kept[0]?.[1]).toBe(broken);
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			notice.getByRole('button', { name: 'Download the kept data' }).click(),
		]);
		expect(readFileSync((await download.path())!, 'utf8')).toBe(broken);
		// Recording something new overwrites the main key with good data; the broken copy stays aside.
		await page.getByRole('button', { name: 'Declare an incident' }).click();
		await fillDeclareDialog(page, { title: 'After the damage', severity: 'P2' });
		await page.locator('#incident-title').waitFor();
		expect(JSON.parse((await page.evaluate((k) => localStorage.getItem(k), KEY))!).state.incidents[0].title).toBe('After the damage');
		expect(await backups(page)).toEqual(kept);
	});

	it('keeps data of another shape aside, leaves a newer version in place, and says which', async () => {
		await storeRaw(JSON.stringify({ version: 1, state: { activeId: 7 } }));
		const page = await chromium.context.newPage();
		await page.goto('/scenarios/service-down/');
		await expect.poll(() => page.locator('#storage-notices [role="alert"]').innerText()).toContain('does not have the expected shape');
		await storeRaw(JSON.stringify({ version: 3, state: { incidents: [] } }));
		await page.goto('/scenarios/service-down/');
		await expect
			.poll(() => page.locator('#storage-notices [role="alert"]').innerText())
			.toContain('written by a newer version of this site (format 3; this page reads 1)');
		await expect.poll(() => backups(page)).toHaveLength(1);
		await page.locator('#storage-notices').getByRole('button', { name: 'Dismiss' }).click();
		await expect.poll(() => page.locator('#storage-notices').isHidden()).toBe(true);
	});

	describe('on a phone (360×740)', () => {
		const PHONE = { baseURL, viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true };
		type Box = { top: number; bottom: number; height: number };
		const box = (locator: ReturnType<Page['locator']>) =>
			locator.evaluate((el) => {
				const r = el.getBoundingClientRect();
				return { top: r.top, bottom: r.bottom, height: r.height };
			}) as Promise<Box>;
		const heights = (notice: ReturnType<Page['locator']>) =>
			notice.getByRole('button').evaluateAll((buttons) => buttons.map((b) => [b.textContent, b.getBoundingClientRect().height]));

		/** A runbook on a phone with an incident open and storage full: a step tapped half way down the screen, where a thumb taps. */
		async function tapFarDownWithStorageFull(at = 400) {
			const context = await chromium.newContext(PHONE);
			await storeRaw(JSON.stringify({ version: 1, state: openIncidentState() }));
			await storageFull();
			const page = await context.newPage();
			await page.goto('/scenarios/service-down/');
			await page.locator('#incident-bar .incident-bar-main').waitFor();
			await redis(page).evaluate((el, y) => window.scrollBy(0, el.getBoundingClientRect().top - y), at);
			await redis(page).tap();
			const notice = page.getByRole('alert').filter({ hasText: 'Not saved: browser storage is full' });
			await notice.waitFor();
			return { page, notice };
		}

		it('leaves the row just tapped in view when storage is full, with buttons a thumb can hit', async () => {
			const { page, notice } = await tapFarDownWithStorageFull();
			for (const [name, height] of await heights(notice)) expect(height, `${name}`).toBeGreaterThanOrEqual(44);
			// The bar stays pinned; the notice scrolls with the page and does not cover the row.
			const row = await box(redis(page).locator('xpath=ancestor::li[1]'));
			const bar = await box(page.locator('#incident-bar'));
			const told = await box(notice);
			expect(row.top).toBeGreaterThanOrEqual(bar.bottom);
			expect(row.bottom).toBeLessThanOrEqual(740);
			expect(told.bottom <= row.top || told.top >= row.bottom).toBe(true);
			await page.mouse.wheel(0, 300);
			await expect.poll(async () => (await box(page.locator('#incident-bar'))).top).toBe(bar.top);
			await expect.poll(async () => (await box(notice)).top).toBeLessThan(told.top - 200);
		});

		it('says on the screen, under the bar, that a tick far down the page was not saved, one tap from what to do', async () => {
			// Far down the runbook: the notice, at the top of the page, is out of sight.
			const { page, notice } = await tapFarDownWithStorageFull();
			const cue = page.locator('.storage-cue');
			await expect.poll(() => cue.isVisible()).toBe(true);
			const bar = await box(page.locator('#incident-bar'));
			const shown = await box(cue);
			const row = await box(redis(page).locator('xpath=ancestor::li[1]'));
			// Pinned right under the bar, in view, on one thumb-high line, and clear of the row just tapped.
			expect(shown.top).toBeGreaterThanOrEqual(bar.bottom - 1);
			expect(shown.bottom - shown.top).toBeLessThanOrEqual(60);
			expect(shown.bottom <= row.top || shown.top >= row.bottom).toBe(true);
			const show = cue.getByRole('button');
			expect((await box(show)).bottom - (await box(show)).top).toBeGreaterThanOrEqual(44);
			await show.tap();
			// What to do is in view, below the bar, with the focus on its first choice; the cue has gone.
			await expect.poll(async () => (await box(notice)).top).toBeGreaterThanOrEqual(bar.bottom - 1);
			expect((await box(notice)).top).toBeLessThan(740);
			await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Download what is not saved');
			await expect.poll(() => cue.isVisible()).toBe(false);
			// Dismissed, the responder is back at the step, where it was on the screen, with the focus on it.
			await notice.getByRole('button', { name: 'Dismiss' }).tap();
			await expect.poll(() => redis(page).evaluate((el) => el === document.activeElement)).toBe(true);
			expect(Math.abs((await box(redis(page).locator('xpath=ancestor::li[1]'))).top - row.top)).toBeLessThanOrEqual(2);
		});

		it('shows a step tapped right under the bar below the line that says it was not saved, not under it', async () => {
			const { page } = await tapFarDownWithStorageFull(220);
			const cue = page.locator('.storage-cue');
			await expect.poll(() => cue.isVisible()).toBe(true);
			const shown = await box(cue);
			const row = () => box(redis(page).locator('xpath=ancestor::li[1]'));
			await expect.poll(async () => (await row()).top).toBeGreaterThanOrEqual(shown.bottom);
			// Just below it, as little moved as that takes.
			expect((await row()).top - shown.bottom).toBeLessThan(20);
			expect(await redis(page).isChecked()).toBe(true);
		});

		it('gives the notices of the workspace and of stored data it cannot read buttons a thumb can hit', async () => {
			const context = await chromium.newContext(PHONE);
			await storeRaw(JSON.stringify({ version: 1, state: openIncidentState() }));
			await storageFull();
			const page = await context.newPage();
			await page.goto('/incident/');
			await page.getByLabel('Add a note').fill('Queue drained');
			await page.getByRole('button', { name: 'Add note' }).tap();
			const full = page.getByRole('alert').filter({ hasText: 'Not saved: browser storage is full' });
			await full.waitFor();
			for (const [name, height] of await heights(full)) expect(height, `${name}`).toBeGreaterThanOrEqual(44);
			// A fresh browser, whose storage works but holds data of another shape.
			await chromium.newContext(PHONE);
			await storeRaw(JSON.stringify({ version: 1, state: { activeId: 7 } }));
			const other = await chromium.context.newPage();
			await other.goto('/scenarios/service-down/');
			const broken = other.getByRole('alert').filter({ hasText: 'does not have the expected shape' });
			await broken.waitFor();
			const dismiss = await heights(broken);
			expect(dismiss.map(([name]) => name)).toContain('Dismiss');
			for (const [name, height] of dismiss) expect(height, `${name}`).toBeGreaterThanOrEqual(44);
		});
	});
});
