import type { Locator, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { declareIncident, setStatus } from '../../src/lib/incidents.ts';
import { emptyState, type State } from '../../src/lib/state.ts';
import { STATE_KEY, STATE_VERSION } from '../../src/lib/storage.ts';
import { useChromium } from '../support/useChromium.ts';
import { declaration, min } from '../support/incidents.ts';

/**
 * The 3 a.m. path, counted as a responder lives it: from the home page to the declaration in the
 * clipboard. The counts are the README's ("During an incident"); the limits are the promise.
 */
const baseURL = inject('baseURL');
const TITLE = 'Checkout returns 503';
const chromium = useChromium();

const stored = (page: Page) =>
	page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? 'null') as { state: State } | null, STATE_KEY);
/** What a declaration must hold: the title, and no template placeholder ("[…]", "@engineer"). */
async function expectDeclaration(page: Page): Promise<string> {
	const text = await page.evaluate(() => navigator.clipboard.readText());
	expect(text).toContain('🚨');
	expect(text).toContain(TITLE);
	expect(text).not.toMatch(/\[[A-Z][^\]]*\]|@engineer|\{\{/);
	return text;
}
/**
 * The focused element is the summary of what comes next, and says what was copied. It offers the incident's runbooks, but not
 * the one it was declared on (`onItsRunbook`), which is open already.
 */
async function expectSummaryFocused(page: Page, { onItsRunbook = false } = {}): Promise<void> {
	await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('declared') ?? false)).toBe(true);
	expect(await page.locator('.declared').getAttribute('aria-describedby')).toBe('declared-copy');
	expect(await page.locator('#declared-copy').innerText()).toMatch(/copied/);
	// Named by what is broken, not only its id; its runbooks are targets a thumb can hit.
	expect(await page.locator('#declared-title').innerText()).toContain(TITLE);
	const runbooks = page.locator('.declared-runbooks a');
	if (onItsRunbook) expect(await runbooks.count()).toBe(0);
	else expect(await runbooks.count()).toBeGreaterThan(0);
	for (const height of await runbooks.evaluateAll((links) => links.map((a) => a.getBoundingClientRect().height)))
		expect(height).toBeGreaterThanOrEqual(44);
}

describe('the 3 a.m. path: home → classify → declare → declaration in the clipboard', () => {
	it('takes at most 4 taps plus the title on a 360×740 phone, with no scrolling', { timeout: 120_000 }, async () => {
		const context = await chromium.browser.newContext({ baseURL, viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });
		await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
		const page = await context.newPage();
		let taps = 0;
		let scrolls = 0;
		/** Tap what a person sees; a target out of view would need a scroll first, and is counted as one. */
		const tap = async (target: Locator) => {
			await target.waitFor();
			const inView = await target.evaluate((el) => {
				const r = el.getBoundingClientRect();
				return r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth;
			});
			if (!inView) scrolls++;
			await target.tap();
			taps++;
		};
		await page.goto('/');
		// The home page's main action: its button to the classifier.
		await tap(page.locator('main a.action-button[href$="/classify/"]'));
		await page.waitForURL(/\/classify\/$/);
		await page.locator('.result-bar').waitFor();
		// The bar holds its place from the first paint: ticking moves nothing.
		const before = await page.locator('.result-bar').boundingBox();
		await tap(page.getByRole('checkbox', { name: 'Service completely down' }));
		await expect.poll(() => page.locator('#classification-summary').innerText()).toMatch(/P0[\s\S]*Service completely down/);
		expect(await page.locator('.result-bar').boundingBox()).toEqual(before);
		await tap(page.locator('.result-bar').getByRole('link', { name: /^Declare/ }));
		const title = page.locator('.declare-dialog').getByLabel('Title');
		await expect.poll(() => title.evaluate((el) => el === document.activeElement)).toBe(true);
		await page.keyboard.type(TITLE);
		await tap(page.locator('.declare-dialog').getByRole('button', { name: 'Declare and copy the message' }));
		await expectSummaryFocused(page);
		const text = await expectDeclaration(page);
		expect(text).toContain('Service completely down');
		console.log(`phone path: ${taps} taps, ${scrolls} scrolls, plus typing the title`);
		expect(scrolls).toBe(0);
		expect(taps).toBeLessThanOrEqual(4);
		// Logged on the timeline, as a copy from the generators is.
		const events = (await stored(page))?.state.incidents[0]?.events ?? [];
		expect(events.filter((e) => e.kind === 'message').map((e) => e.text)).toEqual(['Copied Incident Declaration (Slack)']);
		await context.close();
	});

	it('from the home page, its Declare opens the form at once: one tap to the title', async () => {
		const context = await chromium.browser.newContext({ baseURL, viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });
		const page = await context.newPage();
		await page.goto('/');
		// The home page's button that says it declares (its link to the workspace): not to the workspace's own Declare button.
		await page.locator('main a.action-button[href*="/incident/"]').tap();
		const title = page.locator('.declare-dialog').getByLabel('Title');
		await expect.poll(() => title.evaluate((el) => el === document.activeElement)).toBe(true);
		await context.close();
	});

	it('takes at most 12 key presses plus the title with the keyboard alone at 1280×800', { timeout: 120_000 }, async () => {
		const context = await chromium.browser.newContext({ baseURL, viewport: { width: 1280, height: 800 } });
		await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
		const page = await context.newPage();
		let presses = 0;
		const press = async (key: string) => {
			await page.keyboard.press(key);
			presses++;
		};
		const focused = (test: string) => page.evaluate(`(${test})(document.activeElement)`);
		/** Tab (or Shift+Tab) until the focused element passes the test. */
		const tabTo = async (test: string, key = 'Tab') => {
			for (let i = 0; i < 20; i++) {
				await press(key);
				if (await focused(test)) return;
			}
			throw new Error(`never reached by ${key}: ${test}`);
		};
		await page.goto('/');
		// The skip link first, then the page's main action.
		await tabTo(`(el) => el?.classList.contains('sl-skip-link') || /skip/i.test(el?.textContent ?? '')`);
		await press('Enter');
		await tabTo(`(el) => el?.matches?.('a.action-button[href$="/classify/"]')`);
		await press('Enter');
		await page.waitForURL(/\/classify\/$/);
		await page.locator('.result-bar').waitFor();
		await tabTo(`(el) => el?.classList.contains('sl-skip-link') || /skip/i.test(el?.textContent ?? '')`);
		await press('Enter');
		await tabTo(`(el) => el?.type === 'checkbox'`);
		await press('Space');
		await expect.poll(() => page.locator('#classification-summary').innerText()).toMatch(/P0/);
		// Declare sits just before the criteria in the tab order.
		await tabTo(`(el) => /^Declare P0$/.test(el?.textContent?.trim() ?? '')`, 'Shift+Tab');
		await press('Enter');
		await expect.poll(() => focused(`(el) => el?.id === 'declare-title-input'`)).toBe(true);
		await page.keyboard.type(TITLE);
		await press('Enter');
		await expectSummaryFocused(page);
		await expectDeclaration(page);
		console.log(`keyboard path: ${presses} key presses plus the title`);
		expect(presses).toBeLessThanOrEqual(12);
		await context.close();
	});

	it('offers the text selected, with a copy that is logged, where the clipboard is refused', { timeout: 60_000 }, async () => {
		const context = await chromium.browser.newContext({ baseURL });
		await context.addInitScript(() => {
			navigator.clipboard.writeText = () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError'));
		});
		const page = await context.newPage();
		await page.goto('/classify/?seen=P0:service-completely-down');
		await page.locator('.result-bar').getByRole('link', { name: 'Declare P0' }).click();
		await page.locator('.declare-dialog').getByLabel('Title').fill(TITLE);
		await page.keyboard.press('Enter');
		const box = page.locator('.declare-dialog .copy-fallback textarea');
		await expect.poll(() => box.inputValue()).toContain(TITLE);
		expect(await box.evaluate((el: HTMLTextAreaElement) => document.activeElement === el && el.selectionEnd === el.value.length)).toBe(
			true,
		);
		await page.keyboard.press('Control+C');
		await expect.poll(async () => (await stored(page))?.state.incidents[0]?.events.filter((e) => e.kind === 'message').length).toBe(1);
		await context.close();
	});

	it('remembers who is on it from the last incident, and the format chosen once', { timeout: 60_000 }, async () => {
		const context = await chromium.browser.newContext({ baseURL });
		await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
		const page = await context.newPage();
		const at = Date.now() - min(60);
		const last = declareIncident(
			{ ...emptyState(), responder: 'dana' },
			declaration({ detectedAt: at, services: ['checkout', 'payments'], onCall: '@erin', commander: '@frank' }),
			'incident-',
			at,
		);
		await page.goto('/classify/');
		await page.evaluate(([key, value]) => localStorage.setItem(key, value), [
			STATE_KEY,
			// Resolved: what it hit is remembered too (an incident still open would be another one's).
			JSON.stringify({
				version: STATE_VERSION,
				state: {
					...setStatus(last.state, last.id, { id: 'resolved', label: 'Resolved', closes: true }, at + min(30)),
					messageFormat: 'markdown',
				},
			}),
		] as const);
		await page.goto('/classify/?seen=P1:major-feature-broken');
		await page
			.locator('.result-bar')
			.getByRole('link', { name: /^Declare/ })
			.click();
		const dialog = page.locator('.declare-dialog');
		await dialog.getByLabel('Title').fill(TITLE);
		expect(await dialog.getByLabel('Affected services (comma-separated)').inputValue()).toBe('checkout, payments');
		expect(await dialog.getByLabel('On-call').inputValue()).toBe('@erin');
		expect(await dialog.getByLabel('Commanding').inputValue()).toBe('@frank');
		expect(await dialog.getByLabel(/Your name/).inputValue()).toBe('dana');
		expect(await dialog.getByLabel('Impact').inputValue()).toBe('Major feature broken');
		await dialog.getByLabel('On-call').fill('@gus');
		await dialog.getByRole('button', { name: 'Declare and copy the message' }).click();
		await expectSummaryFocused(page);
		const text = await expectDeclaration(page);
		expect(text).toMatch(/^\*\*🚨 INCIDENT DECLARED\*\*/);
		expect(text).toContain('On-Call: @gus');
		await context.close();
	});
});

describe('the result bar', () => {
	it('counts a box ticked before the page came alive, as on a slow phone', { timeout: 60_000 }, async () => {
		const context = await chromium.browser.newContext({ baseURL });
		// Hold the page's scripts back until the responder has ticked.
		let release = () => {};
		const held = new Promise<void>((resolve) => (release = resolve));
		await context.route('**/_astro/*.js', async (route) => {
			await held;
			await route.continue();
		});
		const page = await context.newPage();
		await page.goto('/classify/', { waitUntil: 'commit' });
		const first = page.locator('input[name="seen"]').first();
		const key = await first.getAttribute('value');
		await first.check();
		release();
		await page.locator('astro-island:not([ssr])').first().waitFor({ state: 'attached' });
		await expect.poll(() => page.locator('#classification-summary').innerText()).toContain(key!.split(':')[0]!);
		expect(await first.isChecked()).toBe(true);
		await expect.poll(() => new URL(page.url()).searchParams.get('seen')).toBe(key);
		await context.close();
	});

	it('leaves the end of the page readable above it, on a phone', { timeout: 60_000 }, async () => {
		const context = await chromium.browser.newContext({ baseURL, viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });
		const page = await context.newPage();
		await page.goto('/classify/?seen=P1:major-feature-broken');
		await page.locator('.result-bar a').waitFor();
		await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
		const [contentEnd, barTop] = await page.evaluate(() => {
			const last = [...document.querySelectorAll('main *')]
				.filter((el) => !el.closest('.result-bar') && el.getBoundingClientRect().height > 0)
				.at(-1)!;
			return [last.getBoundingClientRect().bottom, document.querySelector('.result-bar')!.getBoundingClientRect().top];
		});
		expect(contentEnd).toBeLessThanOrEqual(barTop);
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(360);
		await context.close();
	});
});

describe('declaring elsewhere', () => {
	it('on the workspace, lands on what comes next with the focus, not on the timeline', { timeout: 60_000 }, async () => {
		const context = await chromium.browser.newContext({ baseURL });
		await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
		const page = await context.newPage();
		await page.goto('/incident/');
		await page.getByRole('button', { name: 'Declare an incident' }).click();
		await page.getByLabel('Title').fill(TITLE);
		await page.getByLabel('Severity', { exact: true }).selectOption('P1');
		await page.getByRole('button', { name: 'Declare and copy the message' }).click();
		await expectSummaryFocused(page);
		await expectDeclaration(page);
		expect(
			await page.locator('.declared').evaluate((el) => el.getBoundingClientRect().top >= 0 && el.getBoundingClientRect().top < innerHeight),
		).toBe(true);
		// Closed, the workspace shows the incident, with the focus on it: never on <body>.
		await page.locator('.declare-dialog').getByRole('button', { name: 'Close' }).click();
		await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('incident-title');
		expect(await page.locator('#incident-title').innerText()).toContain(TITLE);
		await context.close();
	});

	it("from a runbook, opens the form in place with the runbook's scenario, the title focused", { timeout: 60_000 }, async () => {
		const context = await chromium.browser.newContext({ baseURL });
		await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
		const page = await context.newPage();
		await page.goto('/scenarios/service-down/');
		await page.locator('astro-island:not([ssr])').first().waitFor({ state: 'attached' });
		await page.getByRole('link', { name: 'Declare an incident' }).click();
		const dialog = page.locator('.declare-dialog');
		await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('declare-title-input');
		expect(new URL(page.url()).pathname).toBe('/scenarios/service-down/');
		expect(await dialog.getByRole('checkbox', { name: 'Service Down', exact: true }).isChecked()).toBe(true);
		await page.keyboard.type(TITLE);
		await dialog.getByLabel('Severity', { exact: true }).selectOption('P0');
		await dialog.getByRole('button', { name: 'Declare and copy the message' }).click();
		await expectSummaryFocused(page, { onItsRunbook: true });
		await expectDeclaration(page);
		// The runbook it was declared on is open already: what comes next does not offer it again.
		expect(await dialog.locator('.declared-runbooks a[href$="/scenarios/service-down/"]').count()).toBe(0);
		await context.close();
	});
});

describe('from a runbook on a phone', () => {
	/** A 360×740 touch phone that may use the clipboard. */
	const phone = async () => {
		const context = await chromium.browser.newContext({ baseURL, viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });
		await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
		return { context, page: await context.newPage() };
	};
	const inView = (target: Locator) =>
		target.evaluate((el) => {
			const r = el.getBoundingClientRect();
			return r.top >= 0 && r.bottom <= innerHeight && r.left >= 0 && r.right <= innerWidth;
		});

	it('focuses the severity left unchosen, in view, marked invalid and tied to its error', { timeout: 60_000 }, async () => {
		const { context, page } = await phone();
		await page.goto('/scenarios/high-error-rate/');
		await page.locator('astro-island:not([ssr])').first().waitFor({ state: 'attached' });
		await page.getByRole('link', { name: 'Declare an incident' }).tap();
		const dialog = page.locator('.declare-dialog');
		const title = dialog.getByLabel('Title');
		await expect.poll(() => title.evaluate((el) => el === document.activeElement)).toBe(true);
		await page.keyboard.type(TITLE);
		const severity = dialog.getByLabel('Severity', { exact: true });
		for (const submit of [
			() => page.keyboard.press('Enter'),
			() => dialog.getByRole('button', { name: 'Declare and copy the message' }).tap(),
		]) {
			await submit();
			await expect.poll(() => severity.evaluate((el) => el === document.activeElement)).toBe(true);
			expect(await inView(severity)).toBe(true);
			expect(await severity.getAttribute('aria-invalid')).toBe('true');
			const describedBy = (await severity.getAttribute('aria-describedby')) ?? '';
			const error = page.locator(`[id="${describedBy.split(' ').at(-1)}"]`);
			expect(await error.innerText()).toBe('Choose a severity.');
			expect(await inView(error)).toBe(true);
		}
		// The runbook's usual levels come first; none is chosen for the responder.
		expect(await severity.locator('optgroup').first().getAttribute('label')).toBe('Usual for High Error Rate');
		expect(await severity.locator('optgroup').first().locator('option').allTextContents()).toEqual([
			expect.stringMatching(/^P1 /),
			expect.stringMatching(/^P2 /),
		]);
		await severity.selectOption('P1');
		expect(await severity.getAttribute('aria-invalid')).toBeNull();
		await dialog.getByRole('button', { name: 'Declare and copy the message' }).tap();
		await expectSummaryFocused(page, { onItsRunbook: true });
		expect((await stored(page))?.state.incidents.map((i) => [i.severity, i.scenarios])).toEqual([['P1', ['high-error-rate']]]);
		await context.close();
	});

	it('with an incident open at a milder level, raises it from the classifier, in view, in one tap', { timeout: 60_000 }, async () => {
		const { context, page } = await phone();
		const at = Date.now() - min(20);
		const { state, id } = declareIncident(
			{ ...emptyState(), responder: 'dana' },
			declaration({ title: 'Checkout errors', severity: 'P2', detectedAt: at }),
			'incident-',
			at,
		);
		await page.goto('/classify/');
		await page.evaluate(([key, value]) => localStorage.setItem(key, value), [
			STATE_KEY,
			JSON.stringify({ version: STATE_VERSION, state }),
		] as const);
		await page.goto('/classify/?seen=P0:service-completely-down');
		// The result bar says what its link offers first with a milder incident open.
		await page.locator('.result-bar').getByRole('link', { name: 'Raise P2 to P0' }).tap();
		const dialog = page.locator('.declare-dialog');
		const raise = dialog.getByRole('note').getByRole('button', { name: `Raise ${id} to P0` });
		await raise.waitFor();
		expect(await inView(raise)).toBe(true);
		// The note has the focus, not the title (no phone keyboard over the offer): read first, and one Tab from Raise.
		await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('already-open') ?? false)).toBe(true);
		await page.keyboard.press('Tab');
		expect(await raise.evaluate((el) => el === document.activeElement)).toBe(true);
		await raise.tap();
		// Said with the focus, with no second incident declared; the workspace shows the new level.
		await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('declared') ?? false)).toBe(true);
		expect((await page.locator('#declared-title').innerText()).replace(/\s+/g, ' ').trim()).toBe(`${id} raised to P0`);
		const incidents = (await stored(page))?.state.incidents ?? [];
		expect(incidents.map((i) => [i.id, i.severity])).toEqual([[id, 'P0']]);
		expect(incidents[0]?.events.map((e) => e.text)).toContain('Severity P2 → P0');
		// The update that says so, one more tap away: copied at the new level, with nothing left to fill in.
		await dialog.getByRole('button', { name: 'Copy the status update' }).tap();
		await expect.poll(() => dialog.locator('.declared [role="status"]').innerText()).toMatch(/copied/);
		const update = await page.evaluate(() => navigator.clipboard.readText());
		expect(update).toContain('P0');
		expect(update).not.toMatch(/\[[A-Z][^\]]*\]|@engineer|\{\{/);
		await page.goto('/incident/');
		await expect.poll(() => page.locator('#incident-title').innerText()).toMatch(/^P0\b/);
		// The classifier's Declare opened in a new tab carries its answers: the level is a classification's there too.
		await page.goto('/classify/?seen=P1:major-feature-broken');
		const declareLink = page.locator('.result-bar').getByRole('link', { name: /^Declare/ });
		await page.goto((await declareLink.getAttribute('href'))!);
		const lower = dialog.getByRole('note').getByRole('button', { name: `Lower ${id} to P1` });
		await lower.tap();
		// Done with, the address asks for nothing more: a reload opens no form offering it again.
		await dialog.locator('.declared').waitFor();
		expect(new URL(page.url()).search).toBe('');
		// An alert's own level is not one: nothing offers to change the open incident to it.
		await page.goto('/incident/?alert=ErrorsUp&severity=P1');
		await dialog
			.getByRole('note')
			.getByRole('button', { name: `Add the alert to ${id}` })
			.waitFor();
		expect(
			await dialog
				.getByRole('note')
				.getByRole('button', { name: /^(Raise|Lower)/ })
				.count(),
		).toBe(0);
		await context.close();
	});

	it("classifies with the runbook's scenario kept, and declares with it", { timeout: 60_000 }, async () => {
		const { context, page } = await phone();
		await page.goto('/scenarios/high-error-rate/');
		await page.getByRole('link', { name: 'Classify severity' }).tap();
		await page.waitForURL(/\/classify\/\?scenario=high-error-rate$/);
		await page.locator('.result-bar').waitFor();
		await page.locator('input[value^="P1:"]').first().tap();
		await expect.poll(() => page.locator('#classification-summary').innerText()).toMatch(/P1/);
		expect(new URL(page.url()).searchParams.get('scenario')).toBe('high-error-rate');
		// The runbooks the summary offers are targets a thumb can hit.
		const links = page.locator('.classification .fitting a');
		await links.first().waitFor();
		for (const box of await Promise.all((await links.all()).map((l) => l.boundingBox()))) expect(box!.height).toBeGreaterThanOrEqual(44);
		await page
			.locator('.result-bar')
			.getByRole('link', { name: /^Declare/ })
			.tap();
		const dialog = page.locator('.declare-dialog');
		expect(await dialog.getByRole('checkbox', { name: 'High Error Rate', exact: true }).isChecked()).toBe(true);
		await dialog.getByLabel('Title').fill(TITLE);
		await dialog.getByRole('button', { name: 'Declare and copy the message' }).tap();
		await expectSummaryFocused(page);
		expect((await stored(page))?.state.incidents.map((i) => [i.severity, i.scenarios])).toEqual([['P1', ['high-error-rate']]]);
		await context.close();
	});
});

describe('written once, used everywhere', () => {
	it('a root cause typed into the resolution message fills the post-mortem and later messages', { timeout: 60_000 }, async () => {
		const context = await chromium.browser.newContext({ baseURL });
		const page = await context.newPage();
		const at = Date.now() - min(30);
		const { state } = declareIncident({ ...emptyState(), responder: 'alice' }, declaration({ detectedAt: at }), 'incident-', at);
		await page.goto('/communication/');
		await page.evaluate(([key, value]) => localStorage.setItem(key, value), [
			STATE_KEY,
			JSON.stringify({ version: STATE_VERSION, state }),
		] as const);
		await page.reload();
		const resolution = page.locator('[data-generator="resolution"]');
		await resolution.locator('#gen-resolution-rootCause').fill('Expired TLS certificate');
		await expect.poll(async () => (await stored(page))?.state.incidents[0]?.postMortem.rootCause).toBe('Expired TLS certificate');
		await page.goto('/post-mortem/');
		await expect.poll(() => page.locator('[data-preview]').textContent()).toContain('## Root Cause\nExpired TLS certificate');
		expect(await page.locator('[data-preview]').textContent()).not.toContain('[Detailed analysis]');
		await page.goto('/communication/');
		await expect
			.poll(() => page.locator('[data-generator="resolution"] [data-preview]').textContent())
			.toContain('Root Cause: Expired TLS certificate');
		await context.close();
	});
});
