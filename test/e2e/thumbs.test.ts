import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { declareIncident, setItemNote, tickItem } from '../../src/lib/incidents.ts';
import { emptyState } from '../../src/lib/state.ts';
import { STATE_KEY, STATE_VERSION } from '../../src/lib/storage.ts';
import { ROUTES, scenarioPath } from '../../src/lib/urls.ts';
import { useChromium } from '../support/useChromium.ts';
import { declaration, min } from '../support/incidents.ts';
import { builtPages } from '../support/pages.ts';

const baseURL = inject('baseURL');
const dist = inject('dist');
/** The smallest target a thumb can be trusted with (WCAG 2.5.5, and the project's rule). */
const MIN_TARGET = 44;

/** A stored state with an incident open for half an hour, its title too long for one line. */
function openIncident(now: number): string {
	const { state } = declareIncident(
		{ ...emptyState(), responder: 'alice' },
		declaration({ title: 'Checkout-API-returns-503-for-every-request-from-the-eu-west-1-region', detectedAt: now - min(31) }),
		'incident-',
		now - min(30),
	);
	return JSON.stringify({ version: STATE_VERSION, state });
}

/** What a page shows a thumb that it should not: a sideways scroll, and targets under 44×44 px. */
function problems(minTarget: number): { overflow: number; small: string[] } {
	const interactive =
		'a[href], button, input:not([type=hidden]), select, textarea, summary, [role=button], [tabindex]:not([tabindex="-1"])';
	const small: string[] = [];
	const box = (el: Element): DOMRect => {
		if (el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio')) {
			// A checkbox or radio is tapped through its label, or the row its label is stretched over.
			const label = el.closest('label') ?? el.labels?.[0];
			if (!label) return el.getBoundingClientRect();
			const stretched = getComputedStyle(label, '::after').position === 'absolute' && label instanceof HTMLElement && label.offsetParent;
			return (stretched ? (label.offsetParent as Element) : label).getBoundingClientRect();
		}
		return el.getBoundingClientRect();
	};
	/** Shown only when focused (a skip link): clipped away until then. */
	const clippedAway = (el: Element): boolean => {
		const style = getComputedStyle(el);
		return style.clip === 'rect(0px, 0px, 0px, 0px)' || style.clipPath === 'inset(50%)';
	};
	/** A link inside a sentence is exempt (WCAG 2.5.8): its line holds other text. */
	const inSentence = (el: Element): boolean => {
		if (el.tagName !== 'A' || getComputedStyle(el).display !== 'inline') return false;
		let block = el.parentElement;
		while (block && getComputedStyle(block).display.startsWith('inline')) block = block.parentElement;
		return (block?.textContent ?? '').trim().length > (el.textContent ?? '').trim().length;
	};
	for (const el of document.querySelectorAll(interactive)) {
		if (!el.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
		const rect = box(el);
		// Visually hidden (screen-reader text) and off-screen skip links are not targets.
		if (rect.width <= 1 || rect.height <= 1 || rect.right <= 0 || rect.bottom <= 0) continue;
		if (inSentence(el) || clippedAway(el)) continue;
		if (Math.round(rect.width) < minTarget || Math.round(rect.height) < minTarget) {
			const name = (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
			small.push(
				`${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ')[0]}` : ''} "${name}" ${Math.round(rect.width)}×${Math.round(rect.height)}`,
			);
		}
	}
	return { overflow: document.documentElement.scrollWidth - window.innerWidth, small };
}

const chromium = useChromium();
beforeAll(async () => {
	const context = await chromium.newContext({ baseURL, viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });
	const stored = openIncident(Date.now());
	await context.addInitScript(([key, value]) => localStorage.setItem(key, value), [STATE_KEY, stored] as const);
});

/** Open a page and let its islands and the incident bar fill in. */
async function visit(page: Page, path: string): Promise<void> {
	await page.goto(path);
	await page.locator('#incident-bar .incident-bar-link').waitFor();
	await page.waitForLoadState('networkidle');
}

describe('every page at 360×740, with an incident open', () => {
	const pages = builtPages(dist);
	it('finds the pages', () => {
		expect(pages.length).toBeGreaterThan(10);
		expect(pages).toContain(ROUTES.incident);
	});

	// One tab for every page: a new tab's renderer costs about 1.5 s of CPU, and the stored incident is written again on each load.
	let page: Page;
	beforeAll(async () => {
		page = await chromium.context.newPage();
	});
	it.each(pages)('%s scrolls only up and down, and every target is at least 44×44 px', async (path) => {
		await visit(page, path);
		const found = await page.evaluate(problems, MIN_TARGET);
		expect(found.overflow, 'sideways scroll in px').toBeLessThanOrEqual(0);
		expect(found.small).toEqual([]);
	});
});

describe('the list of runbooks at 360×740', () => {
	it('opens a runbook from a tap anywhere on its entry, a row at least 44 px tall, not only on its name', async () => {
		const page = await chromium.context.newPage();
		await visit(page, '/');
		const entries = page.locator(`.scenario-index > li:has(a[href*="${ROUTES.scenarioIndex}"]:not([href$="${ROUTES.scenarioIndex}"]))`);
		expect(await entries.count()).toBeGreaterThan(1);
		for (const box of await entries.evaluateAll((rows) => rows.map((li) => li.getBoundingClientRect().height)))
			expect(box).toBeGreaterThanOrEqual(MIN_TARGET);
		// The symptoms, not the name: the entry's runbook opens.
		const entry = entries.nth(1);
		const target = await entry.locator('a').first().getAttribute('href');
		await entry.scrollIntoViewIfNeeded();
		const symptoms = (await entry.locator('.symptoms').boundingBox())!;
		await page.touchscreen.tap(symptoms.x + symptoms.width / 2, symptoms.y + symptoms.height / 2);
		await page.waitForURL((url) => url.pathname === target);
		await page.close();
	});
});

describe('what a responder typed, at 360×740', () => {
	it('wraps a long name without spaces on every tick and note of a runbook, never scrolling sideways', async () => {
		const context = await chromium.browser.newContext({ baseURL, viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });
		const page = await context.newPage();
		await page.goto(scenarioPath('service-down'));
		const keys = await page
			.locator('.checklist-island li[data-step]')
			.evaluateAll((rows) =>
				rows.map((li) => `${li.closest<HTMLElement>('[data-list]')!.dataset['list']}/${(li as HTMLElement).dataset['step']}`),
			);
		expect(keys.length).toBeGreaterThan(2);
		const name = 'W'.repeat(80);
		const now = Date.now();
		let { state, id } = declareIncident(
			{ ...emptyState(), responder: name },
			declaration({ detectedAt: now - min(5) }),
			'incident-',
			now - min(4),
		);
		for (const key of keys) state = tickItem(state, id, key, { text: key, list: 'List' }, true, now - min(1));
		state = setItemNote(state, id, keys[0]!, { text: keys[0]!, list: 'List' }, 'x'.repeat(200), now);
		await page.evaluate(([key, value]) => localStorage.setItem(key, value), [
			STATE_KEY,
			JSON.stringify({ version: STATE_VERSION, state }),
		] as const);
		await page.reload();
		await expect.poll(() => page.locator('.tick-meta').count()).toBe(keys.length);
		const found = await page.evaluate(problems, MIN_TARGET);
		expect(found.overflow, 'sideways scroll in px').toBeLessThanOrEqual(0);
		await context.close();
	});
});

describe('the menu at 360×740', () => {
	it('opens with every link and button in it at least 44×44 px, and nothing sideways', async () => {
		const page = await chromium.context.newPage();
		await visit(page, ROUTES.authoring);
		await page.locator('button[popovertarget="starlight__sidebar"]').click();
		await page.locator('#starlight__sidebar a[href]').first().waitFor();
		const found = await page.evaluate(problems, MIN_TARGET);
		expect(found.overflow, 'sideways scroll in px').toBeLessThanOrEqual(0);
		expect(found.small).toEqual([]);
	});
});

describe('long names at 360×740', () => {
	it('wrap a long alert name and service in the declare form an alert opens', async () => {
		const page = await chromium.context.newPage();
		const alert = 'KubernetesDeploymentReplicasMismatchInProductionEuWest1Cluster';
		await page.goto(`/scenarios/service-down/?alert=${alert}&service=checkout-api-gateway-eu-west-1-primary&severity=P1`);
		// An incident is open in these pages: the new one is the second choice.
		await page.locator('.alert-declare').getByRole('button', { name: 'Declare a new incident' }).click();
		await page.locator('.declare-dialog').getByLabel('Title').waitFor();
		await page.waitForLoadState('networkidle');
		const found = await page.evaluate(problems, MIN_TARGET);
		await page.close();
		expect(found.overflow, 'sideways scroll in px').toBeLessThanOrEqual(0);
		expect(found.small).toEqual([]);
	});
});
