import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { useChromium } from '../support/useChromium.ts';
import { PUBLIC_URLS } from '../support/pages.ts';

const baseURL = inject('baseURL');
const chromium = useChromium();

async function axe(page: Page): Promise<string[]> {
	const results = await new AxeBuilder({ page }).analyze();
	return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

// 360 px, the common phone; 320 px, the narrowest still sold (an iPhone SE of the first generation, a small Android);
// 180 px, a 360 px phone with its browser's zoom at 200 %.
describe.each([
	{ width: 360, height: 740 },
	{ width: 320, height: 568 },
	{ width: 180, height: 370 },
])('on a $width px wide phone', (viewport) => {
	it('no page, nor the declare form or search, scrolls sideways', async () => {
		const context = await chromium.browser.newContext({ baseURL, viewport, isMobile: true, hasTouch: true });
		const page = await context.newPage();
		const wide: string[] = [];
		for (const url of PUBLIC_URLS) {
			await page.goto(url);
			const width = await page.evaluate(() => document.documentElement.scrollWidth);
			if (width > viewport.width) wide.push(`${url}: ${width}px`);
		}
		await page.goto('/incident/?declare=1');
		await page.getByLabel('Title').waitFor();
		// As it opens, and with the detection time's field shown (a date and time field is wide by itself).
		for (const view of ['as it opens', 'with its detection time field']) {
			if (view !== 'as it opens') await page.locator('dialog[open] .detected-at-shown button').first().click();
			const form = await page.locator('dialog[open]').evaluate((d) => ({ content: d.scrollWidth, box: d.clientWidth }));
			if (form.content > form.box) wide.push(`the declare form ${view}: ${form.content}px in ${form.box}px`);
		}
		await page.goto('/');
		await page.locator('site-search [data-open-search]:not([disabled])').click();
		// The field takes the dialog's width, not what the icon and Close leave of it.
		const field = await page.getByRole('searchbox').evaluate((input) => input.getBoundingClientRect().width);
		if (field < viewport.width / 2) wide.push(`the search field: ${field}px`);
		expect(wide).toEqual([]);
		await context.close();
	});
});

describe('with an incident under way, in light and dark themes', () => {
	it.each(['light', 'dark'] as const)('the interactive pages have no axe violations (%s)', { timeout: 180_000 }, async (theme) => {
		const context = await chromium.browser.newContext({ baseURL, colorScheme: theme });
		const page = await context.newPage();
		await page.goto('/');
		await page.evaluate((t) => localStorage.setItem('starlight-theme', t), theme);
		await page.goto('/classify/?seen=P0:service-completely-down&performance-degradation=20');
		await page.locator('#classification-result h2 .sev').waitFor();
		expect(await axe(page), 'classify').toEqual([]);
		await page.getByRole('link', { name: 'Declare a P0 incident' }).click();
		await page.getByLabel('Title').waitFor();
		expect(await axe(page), 'declare form').toEqual([]);
		await page.getByLabel('Title').fill('API returns 503');
		await page.getByRole('button', { name: 'Declare and copy the message' }).click();
		await page.locator('.declare-dialog .declared').waitFor();
		expect(await axe(page), 'declared, what comes next').toEqual([]);
		await page.goto('/incident/');
		await page.locator('#incident-title').waitFor();
		await page.getByRole('button', { name: 'Edit details' }).click();
		expect(await axe(page), 'workspace').toEqual([]);
		await page.goto('/scenarios/service-down/');
		await page.getByRole('checkbox', { name: 'Check Redis connectivity', exact: true }).check();
		await page
			.locator('.checklist-island')
			.first()
			.getByRole('button', { name: /^Add note/ })
			.first()
			.click();
		await page.locator('#incident-bar').waitFor();
		expect(await axe(page), 'runbook with ticks, a note box and the bar').toEqual([]);
		await page.goto('/scenarios/high-error-rate/?alert=HighErrorRate&severity=P1&service=api');
		// An incident is open: the alert's note names it and offers to add the alert to it first.
		await page.getByRole('button', { name: /^Add the alert to/ }).waitFor();
		expect(await axe(page), 'an alert while an incident is open').toEqual([]);
		await page.getByRole('button', { name: 'Declare a new incident' }).click();
		await page.getByRole('button', { name: 'Declare and copy the message' }).waitFor();
		expect(await axe(page), 'declare from an alert').toEqual([]);
		// A refused declaration: the errors on their fields.
		await page.locator('.declare-dialog').getByLabel('Title').fill('');
		await page.getByRole('button', { name: 'Declare and copy the message' }).click();
		await page.locator('.declare-dialog [aria-invalid="true"]').first().waitFor();
		expect(await axe(page), 'declare form with errors').toEqual([]);
		await context.close();
	});
});

/** Relative luminance of an sRGB colour (WCAG). */
function luminance([r, g, b]: number[]): number {
	const lin = (c: number) => (c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
	return 0.2126 * lin(r!) + 0.7152 * lin(g!) + 0.0722 * lin(b!);
}
const contrast = (a: number[], b: number[]) => {
	const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
	return (hi! + 0.05) / (lo! + 0.05);
};

describe('progress bars', () => {
	it.each(['light', 'dark'] as const)('read as empty when nothing is done, and the part done stands out (%s)', async (theme) => {
		const context = await chromium.browser.newContext({ baseURL, colorScheme: theme });
		const page = await context.newPage();
		await page.goto('/');
		await page.evaluate((t) => localStorage.setItem('starlight-theme', t), theme);
		await page.goto('/scenarios/service-down/');
		const bar = page.locator('.page-progress-line progress');
		await page
			.locator('.page-progress-line [data-page-progress]')
			.filter({ hasText: /of \d+ steps done/ })
			.waitFor();
		// The pixels as drawn, read back in a blank page (the site's policy allows no data: images).
		const blank = await context.newPage();
		const sample = async (at: number) => {
			const png = (await bar.screenshot()).toString('base64');
			return blank.evaluate(
				async ([data, x]) => {
					const img = new Image();
					img.src = `data:image/png;base64,${data}`;
					await img.decode();
					const canvas = document.createElement('canvas');
					[canvas.width, canvas.height] = [img.width, img.height];
					const ctx = canvas.getContext('2d')!;
					ctx.drawImage(img, 0, 0);
					return [...ctx.getImageData(Math.floor(img.width * x), Math.floor(img.height / 2), 1, 1).data.slice(0, 3)];
				},
				[png, at] as const,
			);
		};
		const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor.match(/\d+/g)!.slice(0, 3).map(Number));
		const empty = await sample(0.5);
		// An empty track is close to the page, not a bright bar that reads as full.
		expect(contrast(empty, background), `empty track ${empty} on ${background}`).toBeLessThan(1.5);
		for (const box of await page.locator('.checklist-island').getByRole('checkbox').all()) await box.check();
		await page.locator('.page-progress-line [data-page-progress]').filter({ hasText: '✓' }).waitFor();
		const done = await sample(0.5);
		expect(contrast(done, empty), `done ${done} on track ${empty}`).toBeGreaterThanOrEqual(3);
		await context.close();
	});
});

describe('motion', () => {
	it('stops transitions and animations when the user asks for reduced motion', async () => {
		const context = await chromium.browser.newContext({ baseURL, reducedMotion: 'reduce' });
		const page = await context.newPage();
		await page.goto('/scenarios/service-down/');
		const longest = await page.evaluate(() =>
			Math.max(
				...[...document.querySelectorAll('*')].flatMap((el) => {
					const style = getComputedStyle(el);
					return [...style.transitionDuration.split(','), ...style.animationDuration.split(',')].map(
						(d) => parseFloat(d) * (d.trim().endsWith('ms') ? 1 : 1000),
					);
				}),
			),
		);
		expect(longest).toBeLessThanOrEqual(0.01);
		await context.close();
	});
});
