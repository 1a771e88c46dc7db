import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { ROUTES, scenarioPath } from '../../src/lib/urls.ts';
import { DOUBLE_TAP_MS } from '../../src/islands/doubleTap.ts';
import { searchHere } from '../support/siteSearch.ts';
import { useChromium } from '../support/useChromium.ts';

/**
 * Dialogs and the browser's Back: a phone's back gesture, at 3 a.m., mid-declaration or in the
 * search, must not leave the runbook (for the chat the alert came from) nor throw away what was typed.
 */
const baseURL = inject('baseURL');
const chromium = useChromium({ baseURL });
const path = () => new URL(chromium.context.pages().at(-1)!.url()).pathname;

async function runbookFromHome(page: Page, query = ''): Promise<void> {
	await page.goto(ROUTES.home);
	await page.goto(`${scenarioPath('high-error-rate')}${query}`);
	await page.locator('astro-island:not([ssr])').first().waitFor({ state: 'attached' });
}
const dialog = (page: Page) => page.locator('.declare-dialog');
/** From the home page to an alert's runbook link, declared from the alert; the confirmation showing. */
async function declaredFromAlert(page: Page): Promise<void> {
	await runbookFromHome(page, '?alert=HighErrorRate&severity=P1&service=api');
	await page.getByRole('button', { name: 'Declare from this alert' }).click();
	await dialog(page).getByRole('button', { name: 'Declare and copy the message' }).click();
	await dialog(page).locator('.declared').waitFor();
}
/** On the runbook without the alert in the address; reloaded, the alert is not offered again. */
async function expectAlertDone(page: Page): Promise<void> {
	expect(path()).toBe(scenarioPath('high-error-rate'));
	expect(new URL(page.url()).search).toBe('');
	await page.reload();
	await page.locator('.incident-bar-title').waitFor();
	expect(await page.locator('.alert-declare').count()).toBe(0);
}
/** The dialog's history entry stepped back from (an asynchronous traversal): a reload before then is cut short by it. */
const entryGone = (page: Page) =>
	expect.poll(() => page.evaluate(() => (history.state as { dialog?: boolean } | null)?.dialog === true)).toBe(false);
/**
 * The dialog's history entry in place: its module comes in as the dialog opens, so a Back pressed in the same instant (no
 * person types a title that fast; a loaded machine's test can) leaves the page, as the dialog's code says it does without it.
 */
const entryIn = (page: Page) =>
	expect.poll(() => page.evaluate(() => (history.state as { dialog?: boolean } | null)?.dialog === true)).toBe(true);
const isOpen = (page: Page) => page.evaluate(() => document.querySelector<HTMLDialogElement>('.declare-dialog')?.open ?? false);

describe('Back with the declare dialog open', () => {
	it('closes the dialog, stays on the runbook, and gives back what was typed when it opens again', async () => {
		const page = await chromium.context.newPage();
		await runbookFromHome(page);
		await page.getByRole('link', { name: 'Declare an incident' }).click();
		await dialog(page).getByLabel('Title').fill('Checkout returns 503');
		await dialog(page).getByLabel('Impact').fill('Half of payments fail');
		await page.goBack();
		await expect.poll(() => isOpen(page)).toBe(false);
		expect(path()).toBe(scenarioPath('high-error-rate'));
		await page.getByRole('link', { name: 'Declare an incident' }).click();
		await expect.poll(() => isOpen(page)).toBe(true);
		expect(await dialog(page).getByLabel('Title').inputValue()).toBe('Checkout returns 503');
		expect(await dialog(page).getByLabel('Impact').inputValue()).toBe('Half of payments fail');
		// Escape (a phone's back gesture closes a dialog the same way) keeps it too.
		await page.keyboard.press('Escape');
		await expect.poll(() => isOpen(page)).toBe(false);
		await page.getByRole('link', { name: 'Declare an incident' }).click();
		expect(await dialog(page).getByLabel('Title').inputValue()).toBe('Checkout returns 503');
		// Cancel is meant: the next form starts afresh, and Back leaves no step behind (the home page is one Back away).
		await dialog(page).getByRole('button', { name: 'Cancel' }).click();
		await expect.poll(() => isOpen(page)).toBe(false);
		await page.getByRole('link', { name: 'Declare an incident' }).click();
		await expect.poll(() => isOpen(page)).toBe(true);
		expect(await dialog(page).getByLabel('Title').inputValue()).toBe('');
		await dialog(page).getByRole('button', { name: 'Cancel' }).click();
		// Once the dialog's own step back has landed (a Back pressed within the same moment is taken as that step).
		await entryGone(page);
		await page.goBack();
		await expect.poll(path).toBe(ROUTES.home);
	});

	/** The classifier's Declare, opening (or showing again) the dialog. */
	const declareFromResult = async (page: Page) => {
		await page
			.locator('.result-bar')
			.getByRole('link', { name: /^Declare/ })
			.click();
		await expect.poll(() => isOpen(page)).toBe(true);
	};

	it('on the classifier, gives back what was typed, and starts afresh for another level', async () => {
		const page = await chromium.context.newPage();
		await page.goto(ROUTES.home);
		await page.goto(ROUTES.classify);
		await page.getByRole('checkbox', { name: 'Service completely down' }).check();
		await declareFromResult(page);
		await dialog(page).getByLabel('Title').fill('Checkout returns 503');
		const classified = page.url();
		await page.goBack();
		await expect.poll(() => isOpen(page)).toBe(false);
		expect(page.url()).toBe(classified);
		await declareFromResult(page);
		await expect.poll(() => isOpen(page)).toBe(true);
		expect(await dialog(page).getByLabel('Title').inputValue()).toBe('Checkout returns 503');
		expect(await dialog(page).getByLabel('Severity', { exact: true }).inputValue()).toBe('P0');
		// Another criterion at the same level: still the form as left.
		await page.keyboard.press('Escape');
		await page.getByRole('checkbox', { name: 'Complete data loss' }).check();
		await declareFromResult(page);
		await expect.poll(() => isOpen(page)).toBe(true);
		expect(await dialog(page).getByLabel('Title').inputValue()).toBe('Checkout returns 503');
		// Put away, then the classification changes: the form opens for the new level.
		await page.keyboard.press('Escape');
		await page.getByRole('checkbox', { name: 'Complete data loss' }).uncheck();
		await page.getByRole('checkbox', { name: 'Service completely down' }).uncheck();
		await page.getByRole('checkbox', { name: 'Major feature broken' }).check();
		await expect.poll(() => page.locator('#classification-summary').innerText()).toMatch(/P1/);
		// A level again is not a request to declare: the dialog waits for Declare.
		await page.waitForTimeout(300);
		expect(await isOpen(page)).toBe(false);
		await declareFromResult(page);
		await expect.poll(() => isOpen(page)).toBe(true);
		expect(await dialog(page).getByLabel('Severity', { exact: true }).inputValue()).toBe('P1');
	});

	it('on a busy phone, opened again just after it closed, its Cancel stays on the page', async () => {
		const page = await chromium.context.newPage();
		// The browser slow to land a step back, as under load: the next Declare comes before the last step has landed.
		await page.addInitScript(() => {
			const back = history.back.bind(history);
			history.back = () => void setTimeout(back, 400);
		});
		await runbookFromHome(page);
		const declare = page.getByRole('link', { name: 'Declare an incident' });
		await declare.click();
		await expect.poll(() => isOpen(page)).toBe(true);
		await dialog(page).getByRole('button', { name: 'Cancel' }).click();
		await declare.click();
		await expect.poll(() => isOpen(page)).toBe(true);
		await dialog(page).getByRole('button', { name: 'Cancel' }).click();
		await entryGone(page);
		await page.waitForTimeout(800);
		expect(path()).toBe(scenarioPath('high-error-rate'));
		await page.goBack();
		await expect.poll(path).toBe(ROUTES.home);
	});

	it('reloaded mid-declaration, gives back what was typed when the form opens again from the alert', async () => {
		const page = await chromium.context.newPage();
		await runbookFromHome(page, '?alert=HighErrorRate&severity=P1&service=api');
		await page.getByRole('button', { name: 'Declare from this alert' }).click();
		await dialog(page).getByLabel('Title').fill('Checkout returns 503 for EU');
		await dialog(page).getByLabel('Impact').fill('Half of payments fail');
		await page.reload();
		await page.getByRole('button', { name: 'Declare from this alert' }).click();
		expect(await dialog(page).getByLabel('Title').inputValue()).toBe('Checkout returns 503 for EU');
		expect(await dialog(page).getByLabel('Impact').inputValue()).toBe('Half of payments fail');
	});

	it('leaves no Back that does nothing: Forward onto the closed dialog is stepped over', async () => {
		const page = await chromium.context.newPage();
		await runbookFromHome(page);
		await page.getByRole('link', { name: 'Declare an incident' }).click();
		await dialog(page).getByLabel('Title').fill('Checkout returns 503');
		await page.goBack();
		await expect.poll(() => isOpen(page)).toBe(false);
		await page.goForward();
		await expect.poll(() => isOpen(page)).toBe(false);
		await page.getByRole('link', { name: 'Declare an incident' }).click();
		await expect.poll(() => isOpen(page)).toBe(true);
		await page.goBack();
		await expect.poll(() => isOpen(page)).toBe(false);
		expect(path()).toBe(scenarioPath('high-error-rate'));
		await page.goBack();
		await expect.poll(path).toBe(ROUTES.home);
	});

	it('on the workspace opened to declare, gives back what was typed from its own Declare button', async () => {
		const page = await chromium.context.newPage();
		await page.goto(ROUTES.home);
		await page.goto(`${ROUTES.incident}?scenario=service-down`);
		await dialog(page).getByLabel('Title').fill('Checkout returns 503');
		await entryIn(page);
		await page.goBack();
		await expect.poll(() => isOpen(page)).toBe(false);
		expect(path()).toBe(ROUTES.incident);
		// Nothing opened it: the focus lands on the page's own way back into the form, one Enter away.
		const declare = page.getByRole('button', { name: 'Declare an incident' });
		expect(await declare.evaluate((el) => el === document.activeElement)).toBe(true);
		await page.keyboard.press('Enter');
		await expect.poll(() => isOpen(page)).toBe(true);
		expect(await dialog(page).getByLabel('Title').inputValue()).toBe('Checkout returns 503');
		expect(await dialog(page).getByRole('checkbox', { name: 'Service Down', exact: true }).isChecked()).toBe(true);
	});

	it('on the classifier opened for an alert no runbook lists, is done with the alert once declared from it', async () => {
		const page = await chromium.context.newPage();
		await page.goto(ROUTES.home);
		await page.goto(`${ROUTES.classify}?alert=DiskFull&severity=P2&service=storage`);
		await page.getByRole('checkbox', { name: 'Minor feature broken' }).check();
		await declareFromResult(page);
		expect(await dialog(page).getByLabel('Title').inputValue()).toBe('DiskFull on storage');
		// The caret after the alert's title: the first key typed adds to it.
		expect(
			await dialog(page)
				.getByLabel('Title')
				.evaluate((el: HTMLInputElement) => el === document.activeElement && el.selectionStart),
		).toBe('DiskFull on storage'.length);
		await dialog(page).getByRole('button', { name: 'Declare and copy the message' }).click();
		await dialog(page).getByRole('button', { name: 'Close' }).click();
		await expect.poll(() => isOpen(page)).toBe(false);
		// The classification stays in the address; the alert does not, so nothing offers it again.
		const query = new URL(page.url()).searchParams;
		expect([query.get('alert'), query.get('service'), query.get('seen')]).toEqual([null, null, 'P2:minor-feature-broken']);
		await declareFromResult(page);
		expect(await dialog(page).getByLabel('Title').inputValue()).toBe('');
		expect(await dialog(page).getByText('From alert').count()).toBe(0);
		await dialog(page).getByRole('button', { name: 'Cancel' }).click();
		await entryGone(page);
		await page.reload();
		await declareFromResult(page);
		expect(await dialog(page).getByText('From alert').count()).toBe(0);
	});

	it('after declaring from an alert and following the workspace link, Back returns to the runbook without the alert', async () => {
		const page = await chromium.context.newPage();
		await declaredFromAlert(page);
		// Past the moment a double tap on Declare is ignored by what replaced it.
		await page.waitForTimeout(DOUBLE_TAP_MS);
		await dialog(page)
			.getByRole('link', { name: /workspace/ })
			.click();
		await page.waitForURL((url) => url.pathname === ROUTES.incident);
		await page.goBack();
		await expect.poll(path).toBe(scenarioPath('high-error-rate'));
		expect(new URL(page.url()).search).toBe('');
		await page.goBack();
		await expect.poll(path).toBe(ROUTES.home);
		await page.goForward();
		await expect.poll(path).toBe(scenarioPath('high-error-rate'));
		await expectAlertDone(page);
	});

	it('after declaring from an alert by touch, gives the focus to the first step and leaves the page where it was', async () => {
		const context = await chromium.browser.newContext({ baseURL, viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
		const page = await context.newPage();
		await runbookFromHome(page, '?alert=HighErrorRate&severity=P1&service=api');
		const before = await page.evaluate(() => scrollY);
		await page.getByRole('button', { name: 'Declare from this alert' }).tap();
		await dialog(page).getByRole('button', { name: 'Declare and copy the message' }).tap();
		await dialog(page).locator('.declared').waitFor();
		await dialog(page).getByRole('button', { name: 'Close' }).tap();
		await entryGone(page);
		await expect.poll(() => page.evaluate(() => document.activeElement?.matches('main .checklist input'))).toBe(true);
		// Two frames: the step back in history puts the page where it was, and nothing moves it after.
		await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
		expect(await page.evaluate(() => scrollY)).toBe(before);
		const title = await page.locator('h1').first().boundingBox();
		expect(title!.y).toBeGreaterThan(0);
		expect(title!.y + title!.height).toBeLessThan(page.viewportSize()!.height);
		await context.close();
	});

	it('after declaring from an alert by keyboard, gives the focus to the first step, in view on a phone', async () => {
		const context = await chromium.browser.newContext({ baseURL, viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
		const page = await context.newPage();
		await declaredFromAlert(page);
		await dialog(page).getByRole('button', { name: 'Close' }).focus();
		await page.keyboard.press('Enter');
		await entryGone(page);
		// The dialog's history entry stepped back from puts the page where it was scrolled; the focus is brought back into view.
		await expect.poll(() => page.evaluate(() => document.activeElement?.matches('main .checklist input'))).toBe(true);
		// With its words: the step's whole row, not the box to tick at the screen's edge with its label cut.
		await expect
			.poll(() => page.evaluate(() => document.activeElement!.closest('li')!.getBoundingClientRect().bottom))
			.toBeLessThanOrEqual(page.viewportSize()!.height + 1);
		expect(await page.evaluate(() => document.activeElement!.getBoundingClientRect().top)).toBeGreaterThan(0);
		await context.close();
	});

	it('done with after a link within the page was followed, is not offered again by Back to where the address still carries it', async () => {
		const page = await chromium.context.newPage();
		await runbookFromHome(page, '?alert=HighErrorRate&severity=P1&service=api');
		// A link within the page (the table of contents, a skip link) makes an entry that carries the alert too.
		await page.evaluate(() => (location.hash = 'response'));
		await page.locator('.alert-declare').getByRole('button', { name: 'Dismiss' }).click();
		await expect.poll(() => page.locator('.alert-declare').count()).toBe(0);
		await page.goBack();
		await expect.poll(() => new URL(page.url()).searchParams.get('alert')).toBe('HighErrorRate');
		await page.reload();
		await page.locator('astro-island:not([ssr])').first().waitFor({ state: 'attached' });
		expect(await page.locator('.alert-declare').count()).toBe(0);
		expect(await page.getByRole('link', { name: 'Declare an incident' }).isVisible()).toBe(true);
	});

	it('after declaring from an alert, closes it without bringing the alert back into the address', async () => {
		const page = await chromium.context.newPage();
		await declaredFromAlert(page);
		await page.goBack();
		await expect.poll(() => isOpen(page)).toBe(false);
		await expectAlertDone(page);
		await page.goBack();
		await expect.poll(path).toBe(ROUTES.home);
	});

	it('closed by its own button, leaves one Back to the page before', async () => {
		const page = await chromium.context.newPage();
		await declaredFromAlert(page);
		await dialog(page).getByRole('button', { name: 'Close' }).click();
		await expect.poll(() => isOpen(page)).toBe(false);
		await expect.poll(() => new URL(page.url()).search).toBe('');
		// Its step off the dialog's entry landed (a Back pressed while it is under way merges with it, on a loaded machine).
		await entryGone(page);
		await page.goBack();
		await expect.poll(path).toBe(ROUTES.home);
	});
});

describe('Back with the search open', () => {
	const searchOpen = (page: Page) => page.evaluate(() => document.querySelector<HTMLDialogElement>('site-search dialog')?.open ?? false);

	it('closes the search and stays on the page; a result followed, Back returns to the page, then to the page before', async () => {
		const page = await chromium.context.newPage();
		await runbookFromHome(page);
		await searchHere(page, '503');
		await page.goBack();
		await expect.poll(() => searchOpen(page)).toBe(false);
		expect(path()).toBe(scenarioPath('high-error-rate'));
		// Opened again, Back closes it again; Escape, then Back, leaves for the page before as usual.
		const results = await searchHere(page, '503');
		await page.goBack();
		await expect.poll(() => searchOpen(page)).toBe(false);
		expect(path()).toBe(scenarioPath('high-error-rate'));
		await searchHere(page, '503');
		await page.locator(`.search-result-link[href$="${results[0]}"]`).first().click();
		await page.waitForURL((url) => url.pathname === results[0]);
		await page.goBack();
		await expect.poll(path).toBe(scenarioPath('high-error-rate'));
		await page.goBack();
		await expect.poll(path).toBe(ROUTES.home);
	});

	it('closed by Escape, leaves no entry behind: one Back reaches the page before', async () => {
		const page = await chromium.context.newPage();
		await runbookFromHome(page);
		await searchHere(page, '503');
		await page.keyboard.press('Escape');
		await expect.poll(() => searchOpen(page)).toBe(false);
		// Its entry is taken back by a step back of the page's own, which lands before the responder's next Back.
		await page.waitForFunction(() => (history.state as { dialog?: boolean } | null)?.dialog !== true);
		await page.goBack();
		await expect.poll(path).toBe(ROUTES.home);
	});

	it('opened over the declare form, leaves the form its Back: Escape closes the search, Back puts the form away', async () => {
		const page = await chromium.context.newPage();
		await runbookFromHome(page);
		await page.getByRole('link', { name: 'Declare an incident' }).click();
		await dialog(page).getByLabel('Title').fill('Checkout returns 503');
		await page.keyboard.press('Control+k');
		await expect.poll(() => searchOpen(page)).toBe(true);
		await page.keyboard.type('503');
		await page.locator('.search-result-link').first().waitFor();
		await page.keyboard.press('Escape');
		await expect.poll(() => searchOpen(page)).toBe(false);
		expect(await isOpen(page)).toBe(true);
		await page.goBack();
		await expect.poll(() => isOpen(page)).toBe(false);
		expect(path()).toBe(scenarioPath('high-error-rate'));
		await page.getByRole('link', { name: 'Declare an incident' }).click();
		expect(await dialog(page).getByLabel('Title').inputValue()).toBe('Checkout returns 503');
	});

	it('a result in a section of the page searched from scrolls to it', async () => {
		const page = await chromium.context.newPage();
		await page.goto(ROUTES.severity);
		const results = await searchHere(page, 'critical');
		const own = page.locator(`.search-result-link[href^="${ROUTES.severity}#"], .search-sections a[href^="${ROUTES.severity}#"]`).first();
		const href = (await own.getAttribute('href'))!;
		await own.click();
		await expect.poll(() => page.evaluate(() => location.hash)).toBe(href.slice(href.indexOf('#')));
		const target = page.locator(href.slice(href.indexOf('#')));
		await expect.poll(async () => Math.round((await target.boundingBox())?.y ?? -1)).toBeLessThan(400);
		expect(await page.evaluate(() => scrollY)).toBeGreaterThan(0);
		expect(results.length).toBeGreaterThan(0);
	});
});
