import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { fieldRows, valueTypes } from '../../src/lib/fieldReference.ts';
import { inputJsonSchema } from '../../src/lib/inputJsonSchema.ts';
import { KINDS, scaffold } from '../../src/lib/scaffold.ts';
import { slugify } from '../../src/lib/slug.ts';
import { CONTENT_TYPES } from '../../src/schemas/contentTypes.ts';
import { useChromium } from '../support/useChromium.ts';

const baseURL = inject('baseURL');
const chromium = useChromium();
let page: Page;
beforeAll(async () => {
	page = await chromium.browser.newPage();
	await page.goto(`${baseURL}/authoring/`);
});

const listed = (of: string) =>
	page.locator(`table[data-fields-of="${of}"] tbody tr`).evaluateAll((rows) => rows.map((r) => r.getAttribute('data-field')));

describe('the authoring guide', () => {
	it.each(Object.entries(CONTENT_TYPES))('lists every field of the %s schema, in order', async (key, type) => {
		expect(await listed(key)).toEqual(fieldRows(inputJsonSchema(type.schema)).map((row) => row.path));
	});

	it('describes every shared value type once, with its fields', async () => {
		const types = valueTypes(Object.values(CONTENT_TYPES).map((type) => inputJsonSchema(type.schema)));
		expect(types.map((t) => t.name)).toEqual(expect.arrayContaining(['Duration', 'Step', 'Criterion']));
		for (const type of types) {
			expect(await page.locator(`h4#type-${slugify(type.name)}`).count(), type.name).toBe(1);
			if (type.rows.length > 0) expect(await listed(type.name)).toEqual(type.rows.map((row) => row.path));
		}
	});

	it('has every section its links, and the scaffolder’s comments, point to', async () => {
		const hashes = await page.locator('main a[href^="#"]').evaluateAll((links) => links.map((a) => a.getAttribute('href')!.slice(1)));
		const today = new Date().toISOString().slice(0, 10);
		for (const kind of KINDS) {
			const entry = scaffold(kind, 'Example', today, {
				severities: [{ id: 'P0', rank: 0 }],
				scenarioOrders: [],
				phaseOrders: [],
				messageOrders: [],
			});
			hashes.push(entry.guide.split('#')[1]!, ...[...entry.text.matchAll(/\/authoring\/#([\w-]+)/g)].map((m) => m[1]!));
		}
		const missing = [];
		for (const hash of new Set(hashes)) if ((await page.locator(`[id="${hash}"]`).count()) !== 1) missing.push(hash);
		expect(missing).toEqual([]);
	});

	it('shows what npm run new writes for a scenario, from the playbook as it is', async () => {
		const example = (
			await page.locator('figure.code-block', { has: page.locator('figcaption', { hasText: 'cache-stampede.mdx' }) }).innerText()
		).replace(/\s+/g, ' ');
		expect(example).toContain('title: "Cache stampede"');
		expect(example).toContain(`lastReviewed: ${new Date().toISOString().slice(0, 10)}`);
		expect(example).toMatch(/severities: \[P\d\]/);
	});

	it('gives the code fences written in the page a copy button and keyboard focus', async () => {
		const fence = page.locator('figure.code-block', { hasText: 'Created content/docs/scenarios/cache-stampede.mdx' });
		expect(await fence.evaluate((figure) => figure.classList.contains('wrap'))).toBe(true);
		expect(await fence.locator('pre').getAttribute('tabindex')).toBe('0');
		await fence.getByRole('button', { name: 'Copy to clipboard' }).waitFor();
	});

	it('copies a code block with its button, and selects it to copy by hand where the clipboard is refused', async () => {
		const fence = page.locator('figure.code-block', { hasText: 'Created content/docs/scenarios/cache-stampede.mdx' });
		const text = await fence.locator('pre').textContent();
		const allowed = await chromium.browser.newContext();
		await allowed.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
		const copying = await allowed.newPage();
		await copying.goto(`${baseURL}/authoring/`);
		const copied = copying.locator('figure.code-block', { hasText: 'Created content/docs/scenarios/cache-stampede.mdx' });
		await copied.getByRole('button', { name: 'Copy to clipboard' }).click();
		await expect.poll(() => copied.getByRole('button', { name: 'Copy to clipboard' }).textContent()).toBe('Copied');
		expect(await copied.getByRole('status').textContent()).toBe('Copied to clipboard');
		expect(await copying.evaluate(() => navigator.clipboard.readText())).toBe(text);
		await allowed.close();
		// No permission granted, and writing refused: the block is selected and the button says what to press.
		await page.evaluate(() =>
			Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new Error('no')) } }),
		);
		await fence.getByRole('button', { name: 'Copy to clipboard' }).click();
		// Said so a phone, with no Ctrl key, is not told to press one.
		await expect.poll(() => fence.getByRole('button', { name: 'Copy to clipboard' }).textContent()).toBe('Selected');
		expect(await fence.getByRole('status').textContent()).toBe('Text selected: copy it');
		expect(await page.evaluate(() => getSelection()?.toString().trimEnd())).toBe(text?.trimEnd());
		await expect.poll(() => fence.getByRole('button', { name: 'Copy to clipboard' }).textContent(), { timeout: 5000 }).toBe('Copy');
	});

	it('reads at 360 px without scrolling sideways', async () => {
		const narrow = await chromium.browser.newPage({ viewport: { width: 360, height: 740 } });
		await narrow.goto(`${baseURL}/authoring/`);
		expect(await narrow.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
		const tables = await narrow
			.locator('table.field-rows')
			.evaluateAll((all) => all.filter((t) => t.scrollWidth > t.clientWidth + 1).length);
		expect(tables).toBe(0);
		await narrow.close();
	});
});
