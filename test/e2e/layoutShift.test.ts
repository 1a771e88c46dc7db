import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { declareIncident, tickItem } from '../../src/lib/incidents.ts';
import { emptyState } from '../../src/lib/state.ts';
import { itemKey } from '../../src/lib/clientPlaybook.ts';
import { STATE_KEY, STATE_VERSION } from '../../src/lib/storage.ts';
import { phasePath, ROUTES, scenarioPath } from '../../src/lib/urls.ts';
import { useChromium } from '../support/useChromium.ts';
import { declaration, min } from '../support/incidents.ts';
import { contentChecklists } from '../support/playbookContent.ts';

const baseURL = inject('baseURL');
const chromium = useChromium();

/** One page of each type: every island the site has, and pages with none. */
const PAGES = [
	ROUTES.home,
	ROUTES.severity,
	ROUTES.classify,
	scenarioPath('service-down'),
	phasePath('investigation'),
	ROUTES.communication,
	ROUTES.escalation,
	ROUTES.postMortem,
	ROUTES.tools,
	ROUTES.incident,
	ROUTES.metrics,
	ROUTES.drills,
	// A runbook opened from an alert's link: its note names the alert, and offers the incident open in this browser.
	`${scenarioPath('high-error-rate')}?alert=HighErrorRate&severity=P1&service=api`,
];
const WIDTHS = [
	{ width: 360, height: 740, isMobile: true, hasTouch: true },
	{ width: 1280, height: 800 },
];
/** Below this, a shift is a rounding of subpixel text layout no one sees (Lighthouse shows CLS to two decimals). */
const UNSEEN = 0.001;
/** How long the island scripts are held back, so the server's HTML is painted before any island hydrates (as on a slow phone). */
const SCRIPT_DELAY_MS = 400;

/** A stored open incident about service-down, declared a few minutes ago, the first step of every checklist ticked since (so the next step is not the first). */
function openIncident(): string {
	const now = Date.now();
	let { state, id } = declareIncident(
		{ ...emptyState(), responder: 'alice' },
		declaration({ detectedAt: now - min(6), scenarios: ['service-down'] }),
		'incident-',
		now - min(5),
	);
	for (const list of contentChecklists(inject('content'))) {
		const step = list.steps[0];
		if (step) state = tickItem(state, id, itemKey(list.key, step.id), { text: step.text, list: list.label }, true, now - min(2));
	}
	return JSON.stringify({ version: STATE_VERSION, state });
}

/** The page's layout shifts from the first paint through hydration, as CLS counts them, with what moved. */
async function shiftsThroughHydration(page: Page): Promise<{ total: number; moved: string[] }> {
	await page.waitForFunction(() => document.querySelectorAll('astro-island[ssr]').length === 0);
	await page.waitForLoadState('networkidle');
	await page.waitForTimeout(500);
	return page.evaluate(
		() =>
			new Promise<{ total: number; moved: string[] }>((resolve) => {
				type Shift = PerformanceEntry & { value: number; hadRecentInput: boolean; sources: { node?: Node | null }[] };
				const one = (el: Element) => `${el.localName}${el.id ? `#${el.id}` : ''}${[...el.classList].map((c) => `.${c}`).join('')}`;
				const name = (node: Node | null | undefined) =>
					node instanceof Element ? `${node.parentElement ? `${one(node.parentElement)} > ` : ''}${one(node)}` : 'a text or removed node';
				new PerformanceObserver((list) => {
					const shifts = (list.getEntries() as Shift[]).filter((e) => !e.hadRecentInput);
					resolve({
						total: shifts.reduce((sum, e) => sum + e.value, 0),
						moved: shifts.flatMap((e) => e.sources.map((s) => `${name(s.node)} ${e.value.toFixed(3)}`)),
					});
				}).observe({ type: 'layout-shift', buffered: true });
				// No entry at all calls no observer: nothing moved.
				setTimeout(() => resolve({ total: 0, moved: [] }), 300);
			}),
	);
}

describe.each(WIDTHS)('layout shift at $width px', (viewport) => {
	describe.each([
		['no incident', undefined],
		['an open incident', openIncident],
	] as const)('with %s', (_, stored) => {
		/*
		 * The pages one after another in one tab: a new tab's renderer costs about 1.5 s of CPU.
		 * Each load is still a first visit: routing turns the HTTP cache off, so every script
		 * arrives late again, and the stored incident is written again before each page's scripts.
		 */
		let page: Page;
		let heldBack = 0;
		beforeAll(async () => {
			const { width, height, ...device } = viewport;
			const context = await chromium.browser.newContext({ baseURL, viewport: { width, height }, ...device });
			if (stored) await context.addInitScript(([key, value]) => localStorage.setItem(key, value), [STATE_KEY, stored()] as const);
			await context.route(/\/_astro\/.*\.js$/, async (route) => {
				heldBack++;
				await new Promise((r) => setTimeout(r, SCRIPT_DELAY_MS));
				await route.continue();
			});
			page = await context.newPage();
		});
		afterAll(() => page?.context().close());
		// No retry: a shift seen once in a while is a real one (the table of contents' was, below).
		it.each(PAGES)('%s moves nothing from the first paint through hydration', async (path) => {
			const { width } = viewport;
			heldBack = 0;
			await page.goto(path);
			const { total, moved } = await shiftsThroughHydration(page);
			// Every page has the incident bar's script at least, fetched again and held back on this load too.
			expect(heldBack).toBeGreaterThan(0);
			expect(total, `${path} at ${width} px${stored ? ' with an incident' : ''} moved: ${moved.join('; ')}`).toBeLessThan(UNSEEN);
		});
	});
});

describe('a page drawn before its text is parsed', () => {
	// Starlight's table of contents comes before the text in the HTML; a busy browser may paint in between (0.41 CLS at 1280 px when it did).
	it('shows the table of contents where it stays', async () => {
		const context = await chromium.newContext({ baseURL, viewport: { width: 1280, height: 800 } });
		const page = await context.newPage();
		await page.goto(scenarioPath('service-down'));
		const left = () => page.locator('.right-sidebar').evaluate((el) => el.getBoundingClientRect().left);
		const parsed = await left();
		expect(parsed).toBeGreaterThan(640);
		// As first drawn when the text after it is not parsed yet.
		await page.locator('.main-pane').evaluate((el) => el.remove());
		expect(await left()).toBe(parsed);
	});
});

describe.each(WIDTHS)('a runbook drawn while its summary is still parsed, at $width px', (viewport) => {
	// A busy browser may paint between any two elements of the HTML; nothing drawn may move when the rest arrives
	// (at 1280 px with an incident open, a paint before the last button moved the whole summary once: 0.015 CLS).
	it.each([
		['no incident', undefined],
		['an open incident', openIncident],
	] as const)('with %s, keeps each part of the summary where it was drawn', async (_, stored) => {
		const { width, height, ...device } = viewport;
		const context = await chromium.newContext({ baseURL, viewport: { width, height }, ...device });
		if (stored) await context.addInitScript(([key, value]) => localStorage.setItem(key, value), [STATE_KEY, stored()] as const);
		const page = await context.newPage();
		await page.goto(scenarioPath('service-down'));
		const moved = await page.locator('.runbook-meta').evaluate((meta) => {
			const parts = [meta, ...meta.querySelectorAll('*')];
			const at = (el: Element) => {
				const r = el.getBoundingClientRect();
				return `${Math.round(r.left)},${Math.round(r.top)}`;
			};
			const first = parts.map(at);
			const found: string[] = [];
			// As drawn when the HTML was parsed up to part k: every part after it is not there yet.
			for (let k = parts.length - 1; k > 0; k--) {
				parts[k]!.remove();
				for (let i = 0; i < k; i++) {
					if (parts[i]!.isConnected && at(parts[i]!) !== first[i])
						found.push(`${parts[i]!.outerHTML.slice(0, 60)} moved from ${first[i]} to ${at(parts[i]!)} when part ${k} arrived`);
				}
			}
			return found;
		});
		expect(moved).toEqual([]);
	});
});

/** The pages with a storage notice at each width: on a tall desktop window, short pages that end above its bottom. */
const STORAGE_WINDOWS = [
	...WIDTHS.map((viewport) => ({ viewport, pages: [ROUTES.home, scenarioPath('service-down'), ROUTES.communication] })),
	{ viewport: { width: 1920, height: 1080 }, pages: [ROUTES.scenarioIndex, ROUTES.tools] },
];

describe.each(STORAGE_WINDOWS)(
	'a storage notice that comes in after the page is drawn, at $viewport.width×$viewport.height',
	({ viewport, pages }) => {
		// The notice needs the store's read, made by the bar's script: a page is drawn well before it on a slow phone.
		// It came in above the text and moved all of it (0.35–0.42 CLS at 360 px), a step about to be tapped too.
		it.each([
			['data of a newer version', JSON.stringify({ version: STATE_VERSION + 1, state: { incidents: [] } })],
			['data that is not JSON', '{"version":'],
		] as const)('with %s stored, moves nothing on any page, and a line in view says where it is', async (_, raw) => {
			const { width, height, ...device } = viewport;
			const context = await chromium.newContext({ baseURL, viewport: { width, height }, ...device });
			await context.addInitScript(([key, value]) => localStorage.setItem(key, value), [STATE_KEY, raw] as const);
			await context.route(/\/_astro\/.*\.js$/, async (route) => {
				await new Promise((r) => setTimeout(r, SCRIPT_DELAY_MS));
				await route.continue();
			});
			const page = await context.newPage();
			for (const path of pages) {
				await page.goto(path);
				const notice = page.locator('#storage-notices [role="alert"]');
				await notice.waitFor();
				const { total, moved } = await shiftsThroughHydration(page);
				expect(total, `${path} moved: ${moved.join('; ')}`).toBeLessThan(UNSEEN);
				// Either the notice is in sight (not under the header), or the line pinned under the bar is, one tap from it.
				const cue = page.locator('.storage-cue');
				const seen = () =>
					notice.evaluate((el) => {
						const { left, top, bottom } = el.getBoundingClientRect();
						for (let y = Math.max(top, 0) + 1; y < Math.min(bottom, innerHeight); y += 4)
							if (el.contains(document.elementFromPoint(left + 4, y))) return true;
						return false;
					});
				if (!(await seen())) {
					await expect.poll(() => cue.isVisible(), { message: path }).toBe(true);
					// A link to a section while the cue shows stops below it, not under it.
					const heading = page.locator('main h2[id]').first();
					if ((await heading.count()) > 0) {
						await heading.evaluate((el) => (location.hash = `#${el.id}`));
						const gap = async () =>
							(await heading.evaluate((el) => el.getBoundingClientRect().top)) -
							(await cue.evaluate((el) => el.getBoundingClientRect().bottom));
						await expect.poll(gap, { message: path }).toBeGreaterThanOrEqual(0);
					}
					await cue.getByRole('button').click();
					await expect.poll(seen).toBe(true);
				}
			}
		});
	},
);
