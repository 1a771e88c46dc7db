import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { addActionItem, addNote, declareIncident } from '../../src/lib/incidents.ts';
import { emptyState, type State } from '../../src/lib/state.ts';
import { STATE_KEY, STATE_VERSION } from '../../src/lib/storage.ts';
import { useChromium } from '../support/useChromium.ts';
import { declaration } from '../support/incidents.ts';

/**
 * What a tired responder and a hostile input do to the site: damaged settings, clocks in other
 * time zones and at daylight-saving changes, two tabs at once, huge stored data, a phone's width.
 */
const baseURL = inject('baseURL');
const chromium = useChromium({ baseURL, acceptDownloads: true });

/** Put raw text under a key before the site reads it. */
async function storeRaw(raw: string, key = STATE_KEY) {
	const page = await chromium.context.newPage();
	await page.goto('/404/');
	await page.evaluate(([k, value]) => localStorage.setItem(k!, value!), [key, raw]);
	await page.close();
}
const storeState = (state: State) => storeRaw(JSON.stringify({ version: STATE_VERSION, state }));
const stored = async (page: Page): Promise<State> =>
	JSON.parse((await page.evaluate((k) => localStorage.getItem(k), STATE_KEY)) ?? 'null').state;

/** The declare dialog: the one the page opened (a link with a query opens it), or opened with the workspace's button. */
async function openDeclare(page: Page) {
	const dialog = page.locator('.declare-dialog');
	if (!(await dialog.isVisible())) await page.getByRole('button', { name: 'Declare an incident' }).click();
	await dialog.waitFor();
	return dialog;
}

/** The declare form's detection time, opened from its Change button (it shows as text until asked for). */
async function detectedAt(page: Page) {
	const field = page.getByLabel('Detected at (your local time)');
	if ((await field.count()) === 0) await page.locator('.declare-dialog .detected-at').getByRole('button', { name: 'Change' }).click();
	return field;
}

/** Fill the declare dialog and submit it. */
async function declare(page: Page, title: string, severity = 'P1') {
	const dialog = await openDeclare(page);
	await dialog.getByLabel('Title').fill(title);
	await dialog.getByLabel('Severity', { exact: true }).selectOption(severity);
	await dialog.getByRole('button', { name: 'Declare and copy the message' }).click();
}

/** Once declared, close the dialog onto the workspace's incident. */
async function closeDeclared(page: Page) {
	const dialog = page.locator('.declare-dialog');
	await dialog.locator('.declared').waitFor();
	await dialog.getByRole('button', { name: 'Close' }).click();
	await page.locator('#incident-title').waitFor();
}

describe('a damaged theme setting', () => {
	it('falls back to the automatic theme on every page without an error', async () => {
		for (const value of ['{"broken":', 'light dark', '.light', '"><img src=x>', '']) {
			const page = await chromium.context.newPage();
			const errors: string[] = [];
			page.on('pageerror', (error) => errors.push(error.message));
			await page.goto('/404/');
			await page.evaluate((v) => localStorage.setItem('starlight-theme', v), value);
			for (const url of ['/', '/incident/', '/scenarios/service-down/']) {
				await page.goto(url);
				expect(await page.evaluate(() => document.documentElement.dataset['theme']), value).toMatch(/^(light|dark)$/);
				expect(await page.locator('starlight-theme-select select').first().inputValue(), value).toBe('auto');
			}
			expect(errors, value).toEqual([]);
			await page.close();
		}
	});

	it('sets a theme without an error when storage throws on every touch', async () => {
		await chromium.context.addInitScript(() => {
			Object.defineProperty(window, 'localStorage', {
				get() {
					throw new DOMException('The operation is insecure.', 'SecurityError');
				},
			});
		});
		const page = await chromium.context.newPage();
		const errors: string[] = [];
		page.on('pageerror', (error) => errors.push(error.message));
		await page.goto('/');
		expect(await page.evaluate(() => document.documentElement.dataset['theme'])).toMatch(/^(light|dark)$/);
		expect(errors.filter((e) => /theme|selector/i.test(e))).toEqual([]);
	});

	it('keeps a valid choice', async () => {
		await storeRaw('light', 'starlight-theme');
		const page = await chromium.context.newPage();
		await page.goto('/');
		expect(await page.evaluate(() => document.documentElement.dataset['theme'])).toBe('light');
	});
});

describe('detection time in another time zone, at the daylight-saving change', () => {
	it("declares at the exact moment in New York's repeated hour, and an edit of the title leaves it alone", async () => {
		await chromium.newContext({ baseURL, timezoneId: 'America/New_York' });
		// 01:30 EST, the second 01:30 of the night clocks go back.
		const at = Date.parse('2026-11-01T06:30:00Z');
		await chromium.context.clock.install({ time: at });
		const page = await chromium.context.newPage();
		await page.goto('/incident/?severity=P0');
		await page.locator('.declare-dialog').waitFor();
		expect(await (await detectedAt(page)).inputValue()).toBe('2026-11-01T01:30');
		await declare(page, 'API returns 503', 'P0');
		await closeDeclared(page);
		const incident = (await stored(page)).incidents[0]!;
		// The moment the form opened (the clock runs on): not the first 01:30, an hour earlier.
		expect(incident.detectedAt - at).toBeGreaterThanOrEqual(0);
		expect(incident.detectedAt - at).toBeLessThan(10_000);
		expect(await page.locator('.elapsed-clock').innerText()).toMatch(/^\d s$/);
		await page.getByRole('button', { name: 'Edit details' }).click();
		await page.getByLabel('Title').fill('Login down');
		await page.getByRole('button', { name: 'Save details' }).click();
		await expect.poll(async () => (await stored(page)).incidents[0]?.title).toBe('Login down');
		const edited = (await stored(page)).incidents[0]!;
		expect(edited.detectedAt).toBe(incident.detectedAt);
		expect(edited.events.map((e) => e.kind)).not.toContain('edited');
	});

	it('reads a typed time with the offset of that day in Kolkata and Lord Howe, and refuses a future one', async () => {
		for (const [timezoneId, typed, utc] of [
			['Asia/Kolkata', '2026-07-01T09:15', '2026-07-01T03:45:00.000Z'],
			['Australia/Lord_Howe', '2026-07-01T09:15', '2026-06-30T22:45:00.000Z'],
		] as const) {
			await chromium.newContext({ baseURL, timezoneId });
			await chromium.context.clock.install({ time: Date.parse('2026-07-01T06:00:00Z') });
			const page = await chromium.context.newPage();
			await page.goto('/incident/');
			await openDeclare(page);
			await (await detectedAt(page)).fill('2026-07-02T09:15');
			await declare(page, 'Too early');
			// Refused on the field itself, which has the focus and names its error.
			const field = await detectedAt(page);
			await expect.poll(() => field.evaluate((el) => el === document.activeElement)).toBe(true);
			expect(await field.getAttribute('aria-invalid')).toBe('true');
			expect(await page.locator('#declare-detected-error').innerText()).toMatch(/in the future by this computer's clock/);
			await field.fill(typed);
			await declare(page, 'Queue stuck');
			await closeDeclared(page);
			expect(new Date((await stored(page)).incidents[0]!.detectedAt).toISOString(), timezoneId).toBe(utc);
		}
	});
});

describe('two tabs at once', () => {
	it('declaring in the same moment makes two incidents, both kept whole', async () => {
		await chromium.context.clock.install({ time: Date.parse('2026-11-26T03:14:00Z') });
		const [tabA, tabB] = [await chromium.context.newPage(), await chromium.context.newPage()];
		await Promise.all([tabA.goto('/incident/'), tabB.goto('/incident/')]);
		const [formA, formB] = [await openDeclare(tabA), await openDeclare(tabB)];
		await formA.getByLabel('Title').fill('Checkout down');
		await formA.getByLabel('Severity', { exact: true }).selectOption('P0');
		await formB.getByLabel('Title').fill('Search slow');
		await formB.getByLabel('Severity', { exact: true }).selectOption('P2');
		const submit = { name: 'Declare and copy the message' };
		await Promise.all([formA.getByRole('button', submit).click(), formB.getByRole('button', submit).click()]);
		await expect.poll(async () => (await stored(tabA)).incidents.length).toBe(2);
		const incidents = (await stored(tabA)).incidents;
		expect(incidents.map((i) => [i.title, i.severity]).sort()).toEqual([
			['Checkout down', 'P0'],
			['Search slow', 'P2'],
		]);
		expect(new Set(incidents.map((i) => i.id)).size).toBe(2);
		// Each keeps its own detection and declaration (a copied declaration may be logged too).
		expect(incidents.map((i) => i.events.filter((e) => e.kind === 'detected' || e.kind === 'declared').length)).toEqual([2, 2]);
	});

	it('a half-filled declare form stays, with its text, when another tab declares', async () => {
		const [tabA, tabB] = [await chromium.context.newPage(), await chromium.context.newPage()];
		await Promise.all([tabA.goto('/incident/'), tabB.goto('/incident/')]);
		const formB = await openDeclare(tabB);
		await formB.getByLabel('Title').fill('Half typed');
		await formB.getByLabel('Impact').fill('Some users');
		await declare(tabA, 'Declared elsewhere');
		await closeDeclared(tabA);
		// Tab B hears of it (its incident list shows it) and keeps its form as it was.
		await expect.poll(() => tabB.locator('.workspace').innerText()).toContain('Declared elsewhere');
		expect(await formB.getByLabel('Title').inputValue()).toBe('Half typed');
		expect(await formB.getByLabel('Impact').inputValue()).toBe('Some users');
	});

	it('typing action items in two tabs keeps every keystroke of both', async () => {
		const declared = declareIncident(
			{ ...emptyState(), responder: 'alice' },
			declaration({ detectedAt: Date.now() - 60_000 }),
			'incident-',
			Date.now(),
		);
		const one = addActionItem(declared.state, declared.id, {}, Date.now());
		const two = addActionItem(one.state, declared.id, {}, Date.now());
		await storeState(two.state);
		const [tabA, tabB] = [await chromium.context.newPage(), await chromium.context.newPage()];
		await Promise.all([tabA.goto('/post-mortem/'), tabB.goto('/post-mortem/')]);
		const a = 'Fix the connection pool size';
		const b = 'Alert on pool saturation';
		await Promise.all([
			tabA.getByLabel('Action item 1', { exact: true }).pressSequentially(a, { delay: 15 }),
			tabB.getByLabel('Action item 2', { exact: true }).pressSequentially(b, { delay: 15 }),
		]);
		for (const tab of [tabA, tabB]) {
			await expect.poll(async () => (await stored(tab)).incidents[0]?.postMortem.actionItems.map((i) => i.item)).toEqual([a, b]);
			await expect.poll(() => tab.getByLabel('Action item 1', { exact: true }).inputValue()).toBe(a);
			await expect.poll(() => tab.getByLabel('Action item 2', { exact: true }).inputValue()).toBe(b);
		}
	});
});

describe('stored data too big to set aside', () => {
	it('offers it for download, says lastingly that nothing is saved, offers what was not saved, and saves over it when asked', async () => {
		// Chromium keeps about 5.2 million characters per site: this cannot be copied beside itself.
		const raw = `{"version":1,"state":{"incidents":[{"title":"${'x'.repeat(2_700_000)}`;
		await storeRaw(raw);
		const page = await chromium.context.newPage();
		page.on('dialog', (dialog) => void dialog.accept());
		await page.goto('/incident/');
		const aside = page.locator('.storage-notice.notice-corrupt');
		await expect.poll(() => aside.innerText()).toContain('could not be copied aside');
		const [kept] = await Promise.all([
			page.waitForEvent('download'),
			aside.getByRole('button', { name: 'Download the unreadable data' }).click(),
		]);
		expect(readFileSync((await kept.path())!, 'utf8')).toBe(raw);
		await declare(page, 'After the damage');
		await closeDeclared(page);
		const unsaved = page.locator('.storage-notice.notice-unsaved');
		await expect.poll(() => unsaved.innerText()).toMatch(/^Not saved/);
		expect(await page.evaluate((k) => localStorage.getItem(k)?.length, STATE_KEY)).toBe(raw.length);
		const [snapshot] = await Promise.all([
			page.waitForEvent('download'),
			unsaved.getByRole('button', { name: 'Download what is not saved' }).click(),
		]);
		expect(JSON.parse(readFileSync((await snapshot.path())!, 'utf8')).state.incidents[0].title).toBe('After the damage');
		// Dismissed, it comes back with the next change that is not saved.
		await unsaved.getByRole('button', { name: 'Dismiss' }).click();
		await page.getByLabel('Add a note').fill('Still here');
		await page.locator('.note-box button[type="submit"]').click();
		await expect.poll(() => unsaved.count()).toBe(1);
		await aside.getByRole('button', { name: 'Save over it' }).click();
		await expect.poll(async () => (await stored(page))?.incidents[0]?.title).toBe('After the damage');
		await expect.poll(() => page.locator('.storage-notice').count()).toBe(0);
	});
});

describe("a phone's width (360 px)", () => {
	const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

	it('shows real alert names and a huge title without scrolling sideways', async () => {
		await chromium.newContext({ baseURL, viewport: { width: 360, height: 740 } });
		const page = await chromium.context.newPage();
		await page.goto('/incident/?alert=KubeDeploymentReplicasMismatch&severity=P1&service=payments-api-canary-eu-west-1');
		await page.getByLabel('Title').waitFor();
		// Titled from the alert, as a runbook's declare form is.
		expect(await page.getByLabel('Title').inputValue()).toBe('KubeDeploymentReplicasMismatch on payments-api-canary-eu-west-1');
		expect(await overflow(page), 'declare form from an alert').toBeLessThanOrEqual(0);
		const declared = declareIncident(
			{ ...emptyState(), responder: 'x'.repeat(500) },
			declaration({
				title: 'x'.repeat(100_000),
				alert: 'KubeDeploymentReplicasMismatch',
				services: ['KubeDeploymentReplicasMismatchOnPaymentsApiCanary'],
				detectedAt: Date.now() - 60_000,
			}),
			'incident-',
			Date.now(),
		);
		// A pasted stack trace with no spaces, as a note on the timeline.
		await storeState(addNote(declared.state, declared.id, `at${'java.lang.Thread.run(Thread.java:829)'.repeat(60)}`, Date.now()));
		for (const url of ['/incident/', '/post-mortem/', '/communication/', '/scenarios/service-down/']) {
			await page.goto(url);
			await page.locator('#incident-bar, .workspace').first().waitFor();
			await page.waitForTimeout(300);
			expect(await overflow(page), url).toBeLessThanOrEqual(0);
		}
	});
});
