import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { openWithState, storedState } from '../support/storedState.ts';
import { useChromium } from '../support/useChromium.ts';

const baseURL = inject('baseURL');
const chromium = useChromium();

/** Press Tab until the focused element matches, failing after `limit` presses; checks focus is visible on the way. */
async function tabTo(page: Page, matches: (el: Element) => boolean, limit = 80): Promise<void> {
	for (let i = 0; i < limit; i++) {
		await page.keyboard.press('Tab');
		const found = await page.evaluate(`(${matches.toString()})(document.activeElement)`);
		if (found) {
			const outline = await page.evaluate(() => {
				const style = getComputedStyle(document.activeElement!);
				return style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
			});
			expect(outline, 'focus must be visible').toBe(true);
			return;
		}
	}
	throw new Error('never reached the element by Tab');
}

describe('keyboard only', () => {
	it('classify → declare → tick a step → copy a message, with visible focus all the way', { timeout: 120_000 }, async () => {
		const context = await chromium.browser.newContext({ baseURL });
		await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
		const page = await context.newPage();
		await page.goto('/classify/');
		await page.locator('#classification-result').waitFor();
		await tabTo(page, (el) => el instanceof HTMLInputElement && el.value === 'P0:service-completely-down');
		await page.keyboard.press('Space');
		await expect.poll(() => page.locator('#classification-result').innerText()).toContain('Service completely down');
		await tabTo(page, (el) => el.textContent?.trim() === 'Declare a P0 incident');
		await page.keyboard.press('Enter');
		// The form opens in place, the title focused.
		await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('declare-title-input');
		await page.keyboard.type('Checkout down');
		await tabTo(page, (el) => el.textContent?.trim() === 'Declare and copy the message');
		await page.keyboard.press('Enter');
		await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('declared'))).toBe(true);
		await tabTo(page, (el) => el.textContent?.trim() === 'Open the incident workspace');
		await page.keyboard.press('Enter');
		await page.locator('#incident-title').waitFor();
		expect(await page.locator('#incident-title').innerText()).toContain('Checkout down');

		await page.goto('/scenarios/service-down/');
		await page.locator('.checklist-progress').first().waitFor();
		await tabTo(page, (el) => el.getAttribute('aria-labelledby')?.endsWith('check-redis-connectivity') === true, 150);
		await page.keyboard.press('Space');
		await expect.poll(() => page.getByRole('checkbox', { name: 'Check Redis connectivity', exact: true }).isChecked()).toBe(true);

		await page.goto('/communication/');
		const declaration = page.locator('[data-generator="declaration"]');
		await declaration.locator('pre[data-preview]').waitFor();
		await tabTo(
			page,
			(el) => el.closest('[data-generator="declaration"]') !== null && el.tagName === 'BUTTON' && /^Copy/.test(el.textContent ?? ''),
			200,
		);
		await page.keyboard.press('Enter');
		await expect.poll(() => declaration.locator('[role="status"]').innerText()).toMatch(/Copied/);
		expect(await page.evaluate(() => navigator.clipboard.readText())).toContain('INCIDENT DECLARED');
		await context.close();
	});

	it(
		'declares from a runbook at 360×740: Escape gives the focus back, Enter declares from the severity list',
		{ timeout: 120_000 },
		async () => {
			const context = await chromium.browser.newContext({ baseURL, viewport: { width: 360, height: 740 } });
			await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
			const page = await context.newPage();
			const focused = () =>
				page.evaluate(
					() => `${document.activeElement?.tagName} ${(document.activeElement as HTMLElement | null)?.innerText?.trim().slice(0, 40)}`,
				);
			await page.goto('/scenarios/high-error-rate/');
			await page.locator('.checklist-progress').first().waitFor();
			// As shown (the button's other words, for a runbook opened from an alert, are hidden).
			await tabTo(page, (el) => (el as HTMLElement).innerText?.trim() === 'Declare an incident');
			await page.keyboard.press('Enter');
			await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('declare-title-input');
			// Escape closes the form and gives the focus back to what opened it.
			await page.keyboard.press('Escape');
			await expect.poll(focused).toBe('A Declare an incident');
			await page.keyboard.press('Enter');
			await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('declare-title-input');
			await page.keyboard.type('Checkout errors');
			await page.keyboard.press('Tab');
			expect(await page.evaluate(() => document.activeElement?.id)).toBe('declare-severity');
			// From the severity to the declare button: one stop per field, none inside the detection time.
			let stops = 0;
			const hidden: string[] = [];
			while (!(await page.evaluate(() => document.activeElement?.getAttribute('type') === 'submit'))) {
				await page.keyboard.press('Tab');
				if (++stops > 30) throw new Error('never reached the declare button');
				// Each field is in view above the buttons that stay at the bottom of the form, not behind them.
				const covered = await page.evaluate(() => {
					const field = document.activeElement!;
					const bar = document.querySelector('.declare-dialog .declare-form > .declare-submit');
					if (!bar || bar.contains(field)) return '';
					const box = field.getBoundingClientRect();
					return box.bottom > bar.getBoundingClientRect().top + 1 ? `${field.id || field.getAttribute('name') || field.tagName}` : '';
				});
				if (covered) hidden.push(covered);
			}
			expect(hidden).toEqual([]);
			console.log(`Tab stops from Severity to Declare: ${stops}`);
			expect(stops).toBeLessThanOrEqual(12);
			await tabTo(page, (el) => el.id === 'declare-severity');
			await page.keyboard.press('ArrowDown');
			expect(await page.locator('#declare-severity').inputValue()).toBe('P1');
			await page.keyboard.press('Enter');
			await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('declared'))).toBe(true);
			// Escape on what comes next: the focus lands on the runbook (its first step), not on <body>.
			await page.keyboard.press('Escape');
			await expect.poll(() => page.locator('.declare-dialog').count()).toBe(0);
			await expect
				.poll(() => page.evaluate(() => document.activeElement !== document.body && document.activeElement?.closest('main') !== null))
				.toBe(true);
			expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).type)).toBe('checkbox');
			await context.close();
		},
	);

	it('looks through the severity levels with the arrow keys without changing the incident, and changes it on Enter', async () => {
		const context = await chromium.browser.newContext({ baseURL });
		const page = await openWithState(context, '/incident/');
		const severity = page.getByLabel('Severity', { exact: true });
		const stored = async () => (await storedState(page))?.state.incidents[0]?.severity;
		const before = await stored();
		await severity.focus();
		await page.keyboard.press('ArrowDown');
		await page.keyboard.press('ArrowDown');
		const looked = await severity.inputValue();
		expect(looked).not.toBe(before);
		await expect.poll(() => page.locator('#severity-confirm').innerText()).toMatch(/^Enter changes the severity/);
		// Time for a change to be kept, had one been made.
		await page.waitForTimeout(500);
		expect(await stored()).toBe(before);
		await page.keyboard.press('Escape');
		expect(await severity.inputValue()).toBe(before);
		await page.keyboard.press('ArrowDown');
		await page.keyboard.press('Enter');
		await expect.poll(stored).not.toBe(before);
		expect((await storedState(page))?.state.incidents[0]?.events.filter((e) => e.kind === 'severity')).toHaveLength(1);
		await context.close();
	});

	it('on a phone, keeps every control Tab reaches on the classifier above its result bar', async () => {
		const context = await chromium.browser.newContext({ baseURL, viewport: { width: 360, height: 740 } });
		const page = await context.newPage();
		await page.goto('/classify/');
		await page.locator('#classification-result').waitFor();
		await tabTo(page, (el) => el instanceof HTMLInputElement && el.type === 'checkbox');
		await page.keyboard.press('Space');
		await expect.poll(() => page.locator('.result-bar a').count()).toBe(1);
		// Through the criteria, the results and on to the page's end: each control in view and clear of the bar.
		const covered: string[] = [];
		let reached = 0;
		for (let i = 0; i < 60; i++) {
			await page.keyboard.press('Tab');
			const focus = await page.evaluate(() => {
				const el = document.activeElement;
				const bar = document.querySelector('.result-bar')!;
				if (!el || el === document.body || bar.contains(el)) return null;
				const box = el.getBoundingClientRect();
				if (box.height === 0 || box.top < 0) return null;
				return {
					name: (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40),
					bottom: box.bottom,
					barTop: bar.getBoundingClientRect().top,
				};
			});
			if (!focus) continue;
			reached++;
			if (focus.bottom > focus.barTop) covered.push(focus.name);
		}
		expect(reached).toBeGreaterThan(10);
		expect(covered).toEqual([]);
		await context.close();
	});
});
