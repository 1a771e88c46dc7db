import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { declareIncident, logMessage, setActive, setStatus } from '../../src/lib/incidents.ts';
import { emptyState, type State } from '../../src/lib/state.ts';
import { STATE_KEY, STATE_VERSION } from '../../src/lib/storage.ts';
import { scenarioPath, ROUTES } from '../../src/lib/urls.ts';
import { useChromium } from '../support/useChromium.ts';
import { declaration, min } from '../support/incidents.ts';

const baseURL = inject('baseURL');
/** Long enough after the declaration that an update is overdue at any level a playbook would set. */
const LONG_AGO = min(24 * 60 + 5);
const chromium = useChromium({ baseURL, viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });

/** Store an incident about service-down, declared `ago` ms before now, before any page runs. */
async function withOpenIncident(ago: number, over = {}, updatedAgo?: number): Promise<void> {
	const now = Date.now();
	const { state, id } = declareIncident(
		{ ...emptyState(), responder: 'alice' },
		declaration({ detectedAt: now - ago - min(1), scenarios: ['service-down'], ...over }),
		'incident-',
		now - ago,
	);
	// With a status update posted `updatedAgo` before now, the next is not due yet.
	await withState(updatedAgo === undefined ? state : logMessage(state, id, 'Copied Status Update (Slack)', now - updatedAgo));
}

/** Store this state before any page runs (once per tab: a reload keeps what the page wrote). */
async function withState(state: State): Promise<void> {
	const stored = JSON.stringify({ version: STATE_VERSION, state });
	await chromium.context.addInitScript(
		([key, value]) => {
			if (sessionStorage.getItem('seeded') === null) localStorage.setItem(key, value);
			sessionStorage.setItem('seeded', '1');
		},
		[STATE_KEY, stored] as const,
	);
}

/** The layout shift the page has had so far (Chromium's layout-shift entries, as CLS counts them). */
async function layoutShift(page: Page): Promise<number> {
	return page.evaluate(
		() =>
			new Promise<number>((resolve) => {
				let total = 0;
				new PerformanceObserver((list) => {
					for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[])
						if (!entry.hadRecentInput) total += entry.value;
				}).observe({ type: 'layout-shift', buffered: true });
				setTimeout(() => resolve(total), 300);
			}),
	);
}

/** What the bar shows on a runbook: each part's text and whether it is whole, or undefined when it is out of view. */
async function lineParts(ago: number, path = scenarioPath('service-down'), updatedAgo?: number) {
	await withOpenIncident(ago, { title: 'Checkout API returns 500s for every customer in every region' }, updatedAgo);
	const page = await chromium.context.newPage();
	// Whether the deadline's label was whole as the bar was first filled in (read once its script's task is done).
	await page.addInitScript(() => {
		const seen = new MutationObserver(() => {
			const words = document.querySelector<HTMLElement>('#incident-bar .incident-bar-words');
			if (!words?.textContent) return;
			(window as { firstWhole?: boolean }).firstWhole = words.scrollWidth <= words.clientWidth;
			seen.disconnect();
		});
		seen.observe(document, { subtree: true, childList: true, characterData: true });
	});
	await page.goto(path);
	const link = page.locator('#incident-bar-link');
	await page.locator('#incident-bar .incident-bar-line').waitFor();
	const firstWhole = await page.evaluate(() => (window as { firstWhole?: boolean }).firstWhole);
	const parts = await link.evaluate((el) => {
		const box = el.getBoundingClientRect();
		const part = (selector: string) => {
			const node = el.querySelector<HTMLElement>(selector);
			if (!node) return undefined;
			const r = node.getBoundingClientRect();
			const inView = r.width > 0 && r.top >= box.top - 0.5 && r.bottom <= box.bottom + 0.5 && r.right <= box.right + 0.5;
			return inView ? { text: node.textContent ?? '', whole: node.scrollWidth <= node.clientWidth } : undefined;
		};
		return {
			when: part('.incident-bar-next .incident-bar-keep'),
			label: part('.incident-bar-next .incident-bar-words'),
			title: part('.incident-bar-title'),
			clock: part('.incident-bar-clock'),
			width: box.width,
		};
	});
	return { ...parts, firstWhole };
}

/** With an update due on an incident declared so, "Post the update" tapped on a page, the clipboard holding "what was there": the generator it opened instead of copying. */
async function postFromBar(over: Parameters<typeof declaration>[0]): Promise<Page> {
	await withOpenIncident(LONG_AGO, over);
	await chromium.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
	const page = await chromium.context.newPage();
	await page.goto(ROUTES.severity);
	await page.evaluate(() => navigator.clipboard.writeText('what was there'));
	await page.getByRole('button', { name: 'Post the update' }).tap();
	await page.waitForURL(/#template-/);
	return page;
}

describe('the incident bar on a phone', () => {
	it('stays in view while the page scrolls, below the header, and moves nothing when it appears', async () => {
		await withOpenIncident(min(3));
		const page = await chromium.context.newPage();
		await page.goto(ROUTES.authoring);
		const bar = page.locator('#incident-bar .incident-bar-main');
		await bar.waitFor();
		await page.waitForTimeout(300);
		expect(await layoutShift(page)).toBe(0);
		await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
		await page.waitForTimeout(200);
		const box = await bar.boundingBox();
		const header = await page.locator('header.header').boundingBox();
		expect(box).not.toBeNull();
		expect(box!.y).toBeGreaterThanOrEqual(header!.y + header!.height - 1);
		expect(box!.y + box!.height).toBeLessThan(740 / 3);
		// Nothing is under it when the page is at the top: it takes its own place in the page.
		await page.evaluate(() => window.scrollTo(0, 0));
		const title = await page.locator('h1').boundingBox();
		const top = await bar.boundingBox();
		expect(title!.y).toBeGreaterThanOrEqual(top!.y + top!.height);
	});

	it('is three key presses from the top of any page: Tab, Enter, Tab, not after the whole sidebar', async () => {
		const firstStop = async (page: Page) => {
			await page.keyboard.press('Tab');
			return page.evaluate(() => document.activeElement?.textContent?.trim());
		};
		// No incident open: the first stop is the usual skip to the content.
		const fresh = await chromium.browser.newContext({ baseURL });
		const calm = await fresh.newPage();
		await calm.goto(ROUTES.authoring);
		expect(await firstStop(calm)).toBe('Skip to content');
		await fresh.close();
		await withOpenIncident(min(3));
		const page = await chromium.context.newPage();
		await page.goto(ROUTES.authoring);
		await page.locator('#incident-bar .incident-bar-main').waitFor();
		expect(await firstStop(page)).toBe('Skip to the open incident');
		await page.keyboard.press('Enter');
		// The focus is on the bar itself, so a screen reader says where it is, not left on the page, and what it says;
		// the ring shows it, as on every control (3 px).
		expect(await page.evaluate(() => document.activeElement?.id)).toBe('incident-bar');
		const said = await page.evaluate(() =>
			(document.activeElement?.getAttribute('aria-describedby') ?? '')
				.split(' ')
				.map((id) => document.getElementById(id)?.textContent ?? '')
				.join(' '),
		);
		expect(said).toContain(await page.locator('#incident-bar .incident-bar-title').innerText());
		expect(await page.evaluate(() => getComputedStyle(document.activeElement!).outlineWidth)).toBe('3px');
		await page.keyboard.press('Tab');
		expect(await page.evaluate(() => document.activeElement?.closest('#incident-bar')?.id)).toBe('incident-bar');
		expect(await page.evaluate(() => new URL((document.activeElement as HTMLAnchorElement).href).pathname)).toBe(ROUTES.incident);
	});

	it('at 360 px, says the next deadline on a line of its own, and the time since detection whole beside the title', async () => {
		const early = await lineParts(min(3));
		expect(early.when?.text).toMatch(/\d/);
		expect(early.when?.whole).toBe(true);
		expect(early.label?.whole).toBe(true);
		// On its own runbook, with nothing else to offer, the bar has its whole width: the clock shows, and the title before it.
		expect(early.clock?.text).toMatch(/\d.*since detection/);
		expect(early.clock?.whole).toBe(true);
		expect(early.title?.text.length).toBeGreaterThan(0);
	});

	it('names whom an overdue escalation brings in, whole, at 360 px', async () => {
		// 21 minutes on, the level's escalation (15 minutes) is overdue, the update posted a minute ago: the label cannot hold the rule and the role.
		const late = await lineParts(min(21), scenarioPath('service-down'), min(1));
		expect(late.when?.text).toMatch(/^\d min overdue$/);
		expect(late.label?.text).toMatch(/Engineering Lead$/);
		expect(late.label?.whole).toBe(true);
	});

	it('names whom an overdue escalation brings in, whole, at 360 px beside the update to post', async () => {
		// 70 minutes on, the update is overdue too, and its button takes the first line's room: the deadline has a line of its own.
		const later = await lineParts(min(70));
		expect(later.when?.text).toMatch(/^5\d min overdue$/);
		expect(later.when?.whole).toBe(true);
		expect(later.label?.text).toMatch(/Engineering Lead$/);
		expect(later.label?.whole).toBe(true);
		expect(later.title?.text.length).toBeGreaterThan(0);
	});

	it('names whom an overdue escalation brings in, whole, at 1280 px beside both of its buttons', async () => {
		await chromium.newContext({ baseURL, viewport: { width: 1280, height: 800 } });
		const late = await lineParts(min(70), ROUTES.tools);
		expect(late.when?.text).toMatch(/^5\d min overdue$/);
		expect(late.label?.text).toMatch(/Engineering Lead$/);
		expect(late.label?.whole).toBe(true);
		// From the first fill, not only from the next second's: the label is measured beside the buttons.
		expect(late.firstWhole).toBe(true);
	});

	it('says what is overdue and by how long at 360 px beside the update to post, the clock giving way to the title, a day overdue', async () => {
		const late = await lineParts(LONG_AGO, ROUTES.tools);
		expect(late.when?.text).toMatch(/\d.* overdue$/);
		expect(late.when?.whole).toBe(true);
		expect(late.label?.text.length).toBeGreaterThan(0);
		// Beside "Post the update" the title keeps what room is left, not a clock cut short.
		expect(late.title?.text.length).toBeGreaterThan(0);
		if (late.clock) expect(late.clock.whole).toBe(true);
	});

	it('offers the incident’s runbook and the workspace, and a runbook page leads with the open incident', async () => {
		await withOpenIncident(min(3));
		const page = await chromium.context.newPage();
		await page.goto(ROUTES.tools);
		const runbook = page.locator('#incident-bar').getByRole('link', { name: 'Runbook' });
		await runbook.waitFor();
		const workspace = page.locator('#incident-bar').getByRole('link', { name: /^Workspace:/ });
		expect(new URL((await workspace.getAttribute('href')) ?? '', baseURL).pathname).toBe(ROUTES.incident);
		expect(await page.getByRole('button', { name: 'Post the update' }).count()).toBe(0);
		await runbook.tap();
		await page.waitForURL(`**${scenarioPath('service-down')}`);
		expect(await page.getByRole('link', { name: 'Declare an incident' }).isVisible()).toBe(false);
		expect(await page.getByRole('link', { name: 'Open the incident', exact: true }).isVisible()).toBe(true);
		// On its own runbook, the bar does not offer the page it is on.
		expect(await page.locator('#incident-bar').getByRole('link', { name: 'Runbook' }).count()).toBe(0);
	});

	it('posts the update when it is due: copied, filled from the incident, logged, and the code loads only on the tap', async () => {
		await withOpenIncident(LONG_AGO, { impact: 'Checkout fails for card payments' });
		await chromium.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
		const page = await chromium.context.newPage();
		const scripts: string[] = [];
		page.on('request', (request) => {
			if (request.resourceType() === 'script') scripts.push(request.url());
		});
		await page.goto(ROUTES.severity);
		const post = page.getByRole('button', { name: 'Post the update' });
		await post.waitFor();
		await page.waitForLoadState('networkidle');
		const before = scripts.length;
		await post.tap();
		await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toContain('Checkout fails for card payments');
		expect(scripts.length).toBeGreaterThan(before);
		await expect.poll(() => page.locator('#incident-bar [role=status]').textContent()).toMatch(/copied/i);
		// Logged: the update is no longer due, so the bar stops offering it.
		await expect.poll(() => post.count()).toBe(0);
		const stored = await page.evaluate((key) => localStorage.getItem(key) ?? '', STATE_KEY);
		const incident = JSON.parse(stored).state.incidents[0];
		expect(incident.events.some((e: { kind: string }) => e.kind === 'message')).toBe(true);
		// Where to paste it, whole on the bar's line at 360 px: the channel's name is what the responder needs from it.
		const said = page.locator('#incident-bar .incident-bar-next .incident-bar-keep');
		expect(await said.textContent()).toContain(incident.channel);
		expect(await said.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
		// And what to do with it, whole too, in sight: the runbook's button steps aside while the bar says so.
		const what = page.locator('#incident-bar .incident-bar-next .incident-bar-words');
		expect(await what.textContent()).toBe('Paste in');
		expect(await what.isVisible()).toBe(true);
		expect(await what.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
	});

	it('by keyboard, leaves the focus on the bar once the update is posted and its button gone', async () => {
		await withOpenIncident(LONG_AGO, { impact: 'Checkout fails for card payments' });
		await chromium.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
		const page = await chromium.context.newPage();
		await page.goto(ROUTES.severity);
		const post = page.getByRole('button', { name: 'Post the update' });
		await post.focus();
		await page.keyboard.press('Enter');
		await expect.poll(() => post.count()).toBe(0);
		// On the bar's line, which says where to paste it; Tab goes on to the bar's links.
		expect(await page.evaluate(() => document.activeElement?.className)).toBe('incident-bar-link');
		await page.keyboard.press('Tab');
		expect(await page.evaluate(() => document.activeElement?.closest('.incident-bar-actions') !== null)).toBe(true);
	});

	it('with a value the update needs still to write, opens the update with the focus in it, beside the reason, and copies nothing', async () => {
		const page = await postFromBar({ impact: '' });
		const focused = () => page.evaluate(() => document.activeElement?.id ?? '');
		await expect.poll(focused).toMatch(/-ask-/);
		const box = page.locator(`[id="${await focused()}"]`);
		expect(await box.evaluate((el) => el.getBoundingClientRect().top >= 0 && el.getBoundingClientRect().bottom <= innerHeight)).toBe(true);
		expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('what was there');
		// Said where the eye lands, not only to a screen reader: nothing was copied, and what to write first.
		const said = page.locator('.not-copied');
		expect(await said.textContent()).toMatch(/^Nothing copied yet: .+ still to write/);
		const label = (await box.evaluate((el) => (el as HTMLInputElement).labels?.[0]?.textContent ?? ''))
			.replace(/\s*\(required\)\s*$/, '')
			.trim();
		expect(label.length).toBeGreaterThan(0);
		expect(await said.textContent()).toContain(label);
		const barBottom = await page.locator('#incident-bar').evaluate((el) => el.getBoundingClientRect().bottom);
		expect(await said.evaluate((el) => el.getBoundingClientRect().top)).toBeGreaterThanOrEqual(barBottom);
		// Written, it goes: the copy button copies then.
		await box.fill('Checkout fails for card payments');
		await expect.poll(() => said.count()).toBe(0);
	});

	it('copies nothing that would notify the whole channel: opens the update, which says so by its copy button', async () => {
		const page = await postFromBar({ impact: 'Checkout down <!channel> please look' });
		const template = new URL(page.url()).hash.replace('#template-', '');
		const generator = page.locator(`[data-generator="${template}"]`);
		await expect.poll(() => generator.textContent()).toContain('<!channel>, which notifies everyone in the channel');
		// What to check has the focus, in view on the phone, with the copy button right below it.
		const check = generator.locator('.send-check');
		await expect.poll(() => check.evaluate((el) => el === document.activeElement)).toBe(true);
		await expect
			.poll(() => check.evaluate((el) => el.getBoundingClientRect().top >= 0 && el.getBoundingClientRect().bottom <= innerHeight))
			.toBe(true);
		expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('what was there');
		const stored = await page.evaluate((key) => localStorage.getItem(key) ?? '', STATE_KEY);
		expect(JSON.parse(stored).state.incidents[0].events.some((e: { kind: string }) => e.kind === 'message')).toBe(false);
	});

	it('once the incident shown is resolved, shows another still open, and the runbook ticks into it', async () => {
		const now = Date.now();
		const older = declareIncident(
			{ ...emptyState(), responder: 'alice' },
			// Its update long overdue, and its impact not written: the update is opened to write it.
			declaration({ title: 'API down in every region', impact: '', detectedAt: now - LONG_AGO - min(1), scenarios: ['service-down'] }),
			'incident-',
			now - LONG_AGO,
		);
		const later = declareIncident(
			older.state,
			declaration({ title: 'Checkout slow', detectedAt: now - min(20) }),
			'incident-',
			now - min(15),
			() => 0.5,
		);
		// The responder went back to the first, resolved it: the other stays open, its escalation overdue.
		const resolved = setStatus(
			setActive(later.state, later.id, now - min(5)),
			later.id,
			{ id: 'resolved', label: 'Resolved', closes: true },
			now - min(1),
		);
		await withState(resolved);
		const page = await chromium.context.newPage();
		await page.goto(scenarioPath('service-down'));
		await expect.poll(() => page.locator('#incident-bar .incident-bar-title').innerText()).toBe('API down in every region');
		expect(await page.getByRole('link', { name: 'Declare an incident' }).isVisible()).toBe(false);
		await page.getByRole('checkbox').first().check();
		const stored = () => page.evaluate((key) => (JSON.parse(localStorage.getItem(key)!) as { state: State }).state.incidents, STATE_KEY);
		await expect.poll(async () => Object.keys((await stored()).find((i) => i.id === older.id)!.ticks).length).toBe(1);
		expect(Object.keys((await stored()).find((i) => i.id === later.id)!.ticks)).toEqual([]);
		// The bar's update is for the incident it shows, not the resolved one the workspace and its messages work on.
		await page.locator('#incident-bar').getByRole('button', { name: 'Post the update' }).tap();
		await page.waitForURL(/#template-/);
		expect(new URL(page.url()).searchParams.get('incident')).toBe(older.id);
		await expect.poll(() => page.locator('[data-generator="update"] .generator-source').innerText()).toContain(older.id);
		// And its workspace opens on it, at once: the one worked on from then on.
		await page.goto(scenarioPath('service-down'));
		await page.locator('#incident-bar-link').tap();
		await page.waitForURL(/\/incident\//);
		await page.getByRole('heading', { level: 2, name: /API down in every region/ }).waitFor();
		await expect
			.poll(() => page.evaluate((key) => (JSON.parse(localStorage.getItem(key)!) as { state: State }).state.activeId, STATE_KEY))
			.toBe(older.id);
	});

	it('keeps focus on its buttons while the clock ticks', async () => {
		await withOpenIncident(min(3));
		const page = await chromium.context.newPage();
		await page.goto(ROUTES.tools);
		const runbook = page.locator('#incident-bar').getByRole('link', { name: 'Runbook' });
		await runbook.focus();
		await page.waitForTimeout(1500);
		expect(await runbook.evaluate((el) => el === document.activeElement)).toBe(true);
	});
});
