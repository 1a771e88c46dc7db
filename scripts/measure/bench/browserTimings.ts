import type { Browser } from 'playwright-core';
import { sizeOf, type Size } from '../pageWeight.ts';

/** Middle value of some measurements (the lower middle for an even count). */
export function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor((sorted.length - 1) / 2)] ?? Number.NaN;
}

/** What a page fetches in a real browser before anyone touches it. */
export interface LoadFigures {
	/** Every request made until the network went quiet, favicon included. */
	requests: number;
	/** JavaScript fetched and run before the first interaction (on-idle imports included). */
	jsBeforeInteraction: Size;
}

/** Load a page in a fresh browser context and count what it fetches until the network is quiet. */
export async function loadFigures(browser: Browser, url: string): Promise<LoadFigures> {
	const context = await browser.newContext();
	const page = await context.newPage();
	const scripts: Promise<Buffer | undefined>[] = [];
	let requests = 0;
	page.on('request', () => requests++);
	page.on('response', (response) => {
		// A response still arriving when the context closes has no body to read.
		if (response.request().resourceType() === 'script') scripts.push(response.body().catch(() => undefined));
	});
	await page.goto(url, { waitUntil: 'networkidle' });
	// Stock Starlight loads its search UI once the browser is idle after load, which on a busy
	// machine can be seconds later: wait for the UI to be built before counting. (The playbook's
	// own search loads nothing until it is opened.)
	if (await page.locator('site-search #starlight__search').count()) {
		await page
			.locator('#starlight__search .pagefind-ui')
			.waitFor({ state: 'attached', timeout: 20_000 })
			.catch(() => {});
	}
	await page.waitForLoadState('networkidle');
	const bodies = (await Promise.all(scripts)).filter((b): b is Buffer => b !== undefined);
	await context.close();
	return {
		requests,
		jsBeforeInteraction: bodies.map(sizeOf).reduce((a, b) => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip }), { raw: 0, gzip: 0 }),
	};
}

/** Times from one search: the last keystroke to the first result painted. */
export interface SearchTiming {
	query: string;
	ms: number;
}

/** How long a person takes from opening the search to their first keystroke, at the quickest. */
export const THINK_MS = 500;
/**
 * How much slower than the machine's CPU the slowed runs are: a mid-range phone, as Lighthouse's mobile preset assumes.
 * DevTools' throttling (Emulation.setCPUThrottlingRate) slows the page's main thread only; it refuses worker targets
 * ("only supported for pages"), so a web worker's work runs at the machine's speed.
 */
export const SLOW_CPU = 4;

/**
 * The ways search is timed: `warm`, typing {@link THINK_MS} after opening search (the engine has
 * had that long to load); `atOnce`, typing as soon as the search field has focus after the click
 * (the pointer reaches the button in the same instant, so no hover and no pause); `slowCpu`, the
 * same with the CPU slowed {@link SLOW_CPU}×.
 */
export type SearchCase = 'warm' | 'atOnce' | 'slowCpu';

/**
 * Open the site search on the start page (a fresh context each time, so nothing is cached), type
 * the query as `searchCase` says, and time from its last keystroke to the first frame painted
 * after results for the whole query are in the page.
 */
export async function searchLatency(
	browser: Browser,
	baseURL: string,
	query: string,
	searchCase: SearchCase = 'warm',
): Promise<SearchTiming> {
	const context = await browser.newContext();
	const page = await context.newPage();
	if (searchCase === 'slowCpu') {
		// On the page's own session, from before it loads, as on a phone.
		const cdp = await context.newCDPSession(page);
		await cdp.send('Emulation.setCPUThrottlingRate', { rate: SLOW_CPU });
	}
	await page.goto(`${baseURL}/`, { waitUntil: 'networkidle' });
	// Stock Starlight builds its search field when the browser is idle after load; a click before
	// that opens an empty dialog. Wait for it, as a person who waits for the page would.
	if (await page.locator('site-search #starlight__search').count()) {
		await page.locator('#starlight__search .pagefind-ui input').waitFor({ state: 'attached', timeout: 20_000 });
	}
	await page.evaluate((q) => {
		const times = ((window as unknown as { __search: { key: number; painted: number } }).__search = { key: 0, painted: 0 });
		document.addEventListener('keydown', (event) => (times.key = event.timeStamp), true);
		const observer = new MutationObserver(() => {
			const message = document.querySelector('.search-status, .pagefind-ui__message')?.textContent ?? '';
			if (times.painted || !message.includes(q) || !document.querySelector('.search-result-link, .pagefind-ui__result-link')) return;
			observer.disconnect();
			// The frame that shows the results has painted once a timer set in its rAF callback fires.
			requestAnimationFrame(() => setTimeout(() => (times.painted = performance.now())));
		});
		observer.observe(document.body, { childList: true, subtree: true, characterData: true });
	}, query);
	await page.getByRole('button', { name: 'Search' }).click();
	// The playbook's search dialog or Starlight's Pagefind UI, whichever the site has: both focus
	// their field when the dialog opens.
	await page.waitForFunction(() => document.activeElement?.matches('dialog[open] input'), undefined, { polling: 'raf' });
	if (searchCase === 'warm') await page.waitForTimeout(THINK_MS);
	await page.keyboard.type(query);
	await page.waitForFunction(() => (window as unknown as { __search: { painted: number } }).__search.painted > 0, undefined, {
		timeout: 15_000,
	});
	const times = await page.evaluate(() => (window as unknown as { __search: { key: number; painted: number } }).__search);
	await context.close();
	return { query, ms: times.painted - times.key };
}

/**
 * Time from ticking a checklist step to the tick painted and stored, or why it was not measured.
 * `painted` is the browser's own figure (Event Timing, as Interaction to Next Paint uses it):
 * from the click to the next frame presented, in steps of 8 ms. Chromium reports no entry for an
 * interaction shorter than {@link EVENT_TIMING_FLOOR_MS}; `painted` is then that floor and
 * `paintedUnderFloor` is true. `handlers` is the time the page's event handlers ran for the
 * interaction (from the same entries; not a number when none was reported). `stored` is the first
 * write that keeps the tick in localStorage (the page's pending changes, written in the press
 * itself, or the state); `applied` the write of the incident state, once the store has loaded.
 */
export type TickTiming =
	{ painted: number; paintedUnderFloor: boolean; handlers: number; stored: number; applied: number; ms: number } | { notMeasured: string };

/** The key the incident model stores its state under. */
const STATE_KEY = 'playbook:state';
/**
 * Where a page stores the changes it has made and not yet applied to the state (storageRead.ts):
 * a tick written there is stored (a later page of any tab applies it, should this one die first).
 */
const PENDING_PREFIX = 'playbook:pending:';
/** The shortest event duration Chromium's Event Timing reports. */
export const EVENT_TIMING_FLOOR_MS = 16;

/**
 * Tick the first checklist step of a page, as a responder who has read the page would: after the
 * page hydrated and its service worker finished installing (a first visit precaches the site in
 * the background; ticking during that measures the download, not the tick). Times, from the
 * click, the next frame painted (Event Timing), the tick stored in localStorage and the incident
 * state written. An earlier version timed the frame with requestAnimationFrame + setTimeout, which
 * adds up to a frame of its own and read 28–36 ms where the browser reported 16 ms or less.
 */
export async function tickLatency(browser: Browser, url: string): Promise<TickTiming> {
	const context = await browser.newContext();
	const page = await context.newPage();
	await page.addInitScript(
		([key, pending, floor]) => {
			type Entry = { name: string; duration: number; processingStart: number; processingEnd: number; interactionId?: number | undefined };
			const times: { click?: number; stored?: number; applied?: number; events: Entry[] } = { events: [] };
			(window as unknown as { __tick: typeof times }).__tick = times;
			const setItem = Storage.prototype.setItem;
			Storage.prototype.setItem = function (name: string, value: string) {
				setItem.call(this, name, value);
				if (times.click === undefined) return;
				const now = performance.now();
				if ((name === key || name.startsWith(pending)) && times.stored === undefined) times.stored = now;
				if (name === key && times.applied === undefined) times.applied = now;
			};
			document.addEventListener(
				'click',
				(event) => {
					// A tap on the row reaches the label first, which then clicks the checkbox: time the first.
					if (times.click !== undefined || !(event.target instanceof Element) || !event.target.closest('.checklist')) return;
					times.click = event.timeStamp;
				},
				true,
			);
			new PerformanceObserver((list) => {
				for (const entry of list.getEntries() as unknown as Entry[]) {
					times.events.push({
						name: entry.name,
						duration: entry.duration,
						processingStart: entry.processingStart,
						processingEnd: entry.processingEnd,
						interactionId: entry.interactionId,
					});
				}
			}).observe({ type: 'event', durationThreshold: floor, buffered: true } as PerformanceObserverInit);
		},
		[STATE_KEY, PENDING_PREFIX, EVENT_TIMING_FLOOR_MS] as const,
	);
	await page.goto(url, { waitUntil: 'networkidle' });
	// Islands hydrate on load or when idle; Astro drops the ssr attribute once one has.
	await page
		.waitForFunction(() => document.querySelectorAll('astro-island[ssr]').length === 0, undefined, { timeout: 10_000 })
		.catch(() => {});
	await page
		.evaluate(() =>
			'serviceWorker' in navigator ? Promise.race([navigator.serviceWorker.ready, new Promise((r) => setTimeout(r, 20_000))]) : undefined,
		)
		.catch(() => {});
	const box = page.locator('ul.checklist input[type="checkbox"], ol.checklist input[type="checkbox"]').first();
	if ((await box.count()) === 0) {
		await context.close();
		return { notMeasured: 'no checklist on the page' };
	}
	// Tap where the checkbox is, as a person would: the row's label covers it.
	const at = await box.boundingBox();
	if (!at) throw new Error(`The first checklist box on ${url} is not visible`);
	await page.mouse.click(at.x + at.width / 2, at.y + at.height / 2);
	const stored = await page
		.waitForFunction(() => (window as unknown as { __tick: { applied?: number } }).__tick.applied !== undefined, undefined, {
			timeout: 3_000,
		})
		.then(() => true)
		.catch(() => false);
	// Event Timing entries arrive after the frame; give them a moment.
	await page.waitForTimeout(500);
	const times = await page.evaluate(
		() =>
			(
				window as unknown as {
					__tick: {
						click: number;
						stored: number;
						applied: number;
						events: Array<{ name: string; duration: number; processingStart: number; processingEnd: number; interactionId?: number }>;
					};
				}
			).__tick,
	);
	await context.close();
	if (!stored) return { notMeasured: 'no interactive checklist on the page (a tick does not reach localStorage)' };
	const interaction = times.events.filter(
		(e) => ['pointerdown', 'pointerup', 'click', 'mousedown', 'mouseup'].includes(e.name) && (e.interactionId ?? 1) > 0,
	);
	const longest = Math.max(0, ...interaction.map((e) => e.duration));
	const paintedUnderFloor = longest < EVENT_TIMING_FLOOR_MS;
	// Time spent in the page's event handlers, known only when the browser reported the entries.
	const handlers = paintedUnderFloor ? Number.NaN : interaction.reduce((sum, e) => sum + (e.processingEnd - e.processingStart), 0);
	const painted = paintedUnderFloor ? EVENT_TIMING_FLOOR_MS : longest;
	const storedMs = times.stored - times.click;
	return { painted, paintedUnderFloor, handlers, stored: storedMs, applied: times.applied - times.click, ms: Math.max(painted, storedMs) };
}
