import AxeBuilder from '@axe-core/playwright';
import ICAL from 'ical.js';
import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { addActionItem, addNote, declareIncident, tickItem } from '../../src/lib/incidents.ts';
import { emptyState, type Incident, type State } from '../../src/lib/state.ts';
import { STATE_KEY, STATE_VERSION } from '../../src/lib/storage.ts';
import { SHARE_PREFIX } from '../../src/lib/shareLink.ts';
import { useChromium } from '../support/useChromium.ts';
import { declaration, min } from '../support/incidents.ts';
import { staticHost, type StaticHost } from '../support/staticHost.ts';

const dist = inject('dist');
const chromium = useChromium();
let host: StaticHost;
let sender: BrowserContext;
let receiver: BrowserContext;
let url = '';

/** An incident with a note, a tick and action items, as the workspace would have stored it. */
function recorded(): State {
	const now = Date.now();
	let { state, id } = declareIncident(
		{ ...emptyState(), responder: 'alice' },
		declaration({ title: 'Checkout fails for EU users', detectedAt: now - min(12) }),
		'incident-',
		now - min(10),
	);
	state = addNote(state, id, 'Rolled back release 42', now - min(8));
	state = tickItem(state, id, 'phase/detection/assess/x', { text: 'Check the dashboards', list: 'Detection' }, true, now - min(7));
	state = addActionItem(state, id, { item: 'Add a canary stage', owner: '@bob', due: '2026-12-10' }, now - min(6)).state;
	state = addActionItem(state, id, { item: 'Alert on replica lag', owner: '@carol', due: '2026-12-15' }, now - min(5)).state;
	return state;
}

/** Visit once online so the service worker holds the site, as a responder's browser would. */
async function visitOnce(context: BrowserContext): Promise<void> {
	const page = await context.newPage();
	await page.goto(`${url}/incident/`);
	await page.evaluate(() => navigator.serviceWorker.ready);
	await page.waitForFunction(() => navigator.serviceWorker.controller?.state === 'activated');
	await page.close();
}

/** Accessibility problems axe finds on the page as it is now. */
async function axe(page: Page): Promise<string[]> {
	const results = await new AxeBuilder({ page }).analyze();
	return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

const stored = (page: Page) =>
	page.evaluate((key) => (JSON.parse(localStorage.getItem(key) ?? 'null') as { state: State } | null)?.state, STATE_KEY);

beforeAll(async () => {
	host = await staticHost(dist);
	url = host.url;
	sender = await chromium.browser.newContext({ serviceWorkers: 'allow', acceptDownloads: true });
	receiver = await chromium.browser.newContext({ serviceWorkers: 'allow' });
	await visitOnce(sender);
	await visitOnce(receiver);
	// From here on, nothing is served: both browsers are offline.
	await host.close();
	await sender.setOffline(true);
	await receiver.setOffline(true);
});
afterAll(async () => {
	await sender?.close();
	await receiver?.close();
});

describe('an incident handed over with no server, offline', () => {
	const state = recorded();
	const original = state.incidents[0]!;
	let link = '';
	let page: Page;

	it('makes an encrypted link whose fragment shows nothing of the incident', async () => {
		page = await sender.newPage();
		await page.goto(`${url}/incident/`);
		await page.evaluate(([key, value]) => localStorage.setItem(key, value), [
			STATE_KEY,
			JSON.stringify({ version: STATE_VERSION, state }),
		] as const);
		await page.reload();
		await page.getByRole('button', { name: 'Copy encrypted link' }).click();
		link = await page.locator('[data-share-link]').inputValue();
		const fragment = new URL(link).hash;
		expect(new URL(link).pathname).toBe('/incident/');
		expect(fragment.startsWith(`#${SHARE_PREFIX}`)).toBe(true);
		expect(decodeURIComponent(fragment)).not.toMatch(/Checkout|Rolled back|canary/i);
	});

	it('opens in another browser: what it holds, then imported equal to the original', async () => {
		const other = await receiver.newPage();
		// On a phone: what was shared is what the page shows first, and where it leaves the responder after importing.
		await other.setViewportSize({ width: 360, height: 740 });
		await other.goto(link);
		const summary = other.locator('[data-shared-summary]');
		await summary.waitFor();
		const inView = (selector: string) =>
			other.evaluate((sel) => {
				const box = document.querySelector(sel)!.getBoundingClientRect();
				return box.top >= 0 && box.bottom <= innerHeight;
			}, selector);
		await expect.poll(() => inView('#shared-title')).toBe(true);
		expect(await inView('[data-shared-summary]')).toBe(true);
		const text = await summary.innerText();
		expect(text).toContain('Checkout fails for EU users');
		expect(text).toMatch(/P0/);
		expect(text).toContain(String(original.events.length));
		expect(await axe(other)).toEqual([]);
		await other.getByRole('button', { name: 'Import into this browser' }).click();
		await other.locator('#incident-title').waitFor();
		// The incident imported is shown, from its title, with the focus on it: not the foot of the page and <body>.
		await expect.poll(() => other.evaluate(() => document.activeElement?.id)).toBe('incident-title');
		expect(await inView('#incident-title')).toBe(true);
		await other.setViewportSize({ width: 1280, height: 720 });
		expect(new URL(other.url()).hash).toBe('');
		const received = (await stored(other))?.incidents[0] as Incident;
		// As sent, but for the import's own line and the time its clock stamps (a deletion older than it does not take it away).
		expect({ ...received, events: received.events.slice(0, -1), clock: original.clock }).toEqual(original);
		expect(received.clock['imported']).toBe(received.events.at(-1)?.at);
		expect(received.events.at(-1)).toMatchObject({ kind: 'imported', text: 'Imported from a shared link' });
		await other.close();
	});

	it('refuses a link with one changed byte, and imports nothing', async () => {
		const other = await receiver.newPage();
		const at = link.length - 10;
		await other.goto(`${link.slice(0, at)}${link[at] === 'A' ? 'B' : 'A'}${link.slice(at + 1)}`);
		const refusal = other.locator('[data-shared-refused]');
		await refusal.waitFor();
		expect(await refusal.innerText()).toMatch(/does not match its key.*Nothing was changed/s);
		expect((await stored(other))?.incidents).toHaveLength(1);
		await other.close();
	});

	it('says a link made by another version of the site is not one this site opens', async () => {
		const other = await receiver.newPage();
		await other.goto(`${url}/incident/#incident-v2.abc.def`);
		const refusal = other.locator('[data-shared-refused]');
		await refusal.waitFor();
		expect(await refusal.innerText()).toMatch(/another version of this site \(format 2\)/);
		await other.close();
	});

	it('records a handover, and the handover message is filled from it', async () => {
		await page.getByRole('button', { name: 'Hand over command' }).click();
		await page.locator('#handover-to').fill('@dana');
		await page.locator('#handover-open').fill('Replica lag on db-2');
		expect(await page.locator('#handover-next').inputValue()).toMatch(/UTC$/);
		await page.getByRole('button', { name: 'Record the handover' }).click();
		await expect.poll(() => page.locator('[data-handover] [role="status"]').innerText()).toContain('@dana now commands');
		expect(await axe(page)).toEqual([]);
		await page.setViewportSize({ width: 360, height: 740 });
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
		await page.setViewportSize({ width: 1280, height: 720 });
		const incident = (await stored(page))?.incidents[0];
		expect(incident?.commander).toBe('@dana');
		expect(incident?.events.at(-1)).toMatchObject({
			kind: 'handover',
			handover: { from: '@bob', to: '@dana', open: 'Replica lag on db-2' },
		});

		await page.getByRole('link', { name: 'Handover message' }).click();
		const preview = page.locator('[data-generator="handover"] [data-preview]');
		await expect.poll(() => preview.textContent()).toContain('Incoming Commander: @dana');
		const message = (await preview.textContent()) ?? '';
		expect(message).toContain('Outgoing Commander: @bob');
		expect(message).toContain('Open: Replica lag on db-2');
		expect(message).toMatch(/Next Deadline: .+ UTC/);
	});

	it('files each action item as a prefilled issue and downloads them as a calendar', async () => {
		await page.goto(`${url}/post-mortem/`);
		const buttons = page.locator('button[data-issue]');
		await expect.poll(() => buttons.count()).toBe(2);
		// The tracker is not reachable offline: keep the address the button opens.
		await page.evaluate(() => {
			window.open = (target) => {
				document.body.dataset['opened'] = String(target);
				return null;
			};
		});
		await buttons.first().click();
		await expect.poll(() => page.evaluate(() => document.body.dataset['opened'])).toBeTruthy();
		const issue = new URL((await page.evaluate(() => document.body.dataset['opened'])) ?? '');
		expect(issue.pathname).toMatch(/^\/[\w.-]+\/[\w.-]+\/issues\/new$/);
		expect(issue.searchParams.get('title')).toBe('Add a canary stage');
		expect(issue.searchParams.get('body')).toContain(original.id);
		expect(issue.searchParams.get('labels')).not.toBeNull();
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('button', { name: 'Action items as calendar (.ics)' }).click(),
		]);
		const calendar = new ICAL.Component(ICAL.parse(readFileSync((await download.path())!, 'utf8')));
		const todos = calendar.getAllSubcomponents('vtodo');
		expect(todos.map((t) => t.getFirstPropertyValue('summary'))).toEqual(['Add a canary stage', 'Alert on replica lag']);
		expect(String(todos[0]!.getFirstPropertyValue('due'))).toBe('2026-12-10T17:00:00Z');
	});
});
