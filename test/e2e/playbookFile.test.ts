import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import AxeBuilder from '@axe-core/playwright';
import { describe, expect, inject, it } from 'vitest';
import { ROUTES } from '../../src/lib/urls.ts';
import { SECTIONS } from '../../src/lib/playbookDocument.ts';
import { useChromium } from '../support/useChromium.ts';
import { recordViolations, violations } from '../support/cspViolations.ts';
import { playbookFromFiles } from '../support/playbookFromFiles.ts';

const dist = inject('dist');
const file = join(dist, ROUTES.playbookFile);
// The content the site under test was built from (the P0–P3 fixture), not content/.
const playbook = playbookFromFiles(inject('content'));
const chromium = useChromium();

describe('the single-file copy', () => {
	it('opens from file:// with the network off and JavaScript disabled, whole, loading nothing else', async () => {
		const context = await chromium.browser.newContext({ javaScriptEnabled: false, offline: true });
		const requests: string[] = [];
		context.on('request', (request) => requests.push(request.url()));
		const page = await context.newPage();
		const url = pathToFileURL(file).href;
		await page.goto(url);
		expect(requests).toEqual([url]);
		expect(await page.locator('h1').textContent()).toBe(playbook.site.title);
		for (const id of SECTIONS) await expect(page.locator(`h2#${id}`).count(), id).resolves.toBe(1);
		const text = await page.locator('body').innerText();
		for (const s of playbook.severities) expect(text).toContain(`${s.id} ${s.name}`);
		for (const p of playbook.phases) expect(text).toContain(p.title);
		for (const s of playbook.scenarios) expect(text).toContain(s.title);
		for (const t of playbook.templates) expect(text).toContain(t.title);
		for (const r of playbook.escalation) expect(text).toContain(r.role);
		for (const code of [
			...playbook.phases.flatMap((p) => p.groups.flatMap((g) => g.commands ?? [])),
			...playbook.scenarios.flatMap((s) => (s.rollback ?? []).flatMap((r) => r.commands ?? [])),
		]) {
			expect(text).toContain(code.code.trimEnd());
		}
		// Links inside the copy go to its own sections.
		await page.locator('nav a[href="#scenarios"]').click();
		expect(page.url()).toBe(`${url}#scenarios`);
		await context.close();
	});

	it('stays near the size of the plain playbook: under 5 KB gzipped', () => {
		const gzipped = gzipSync(readFileSync(file), { level: 9 }).length;
		console.info(`${ROUTES.playbookFile}: ${readFileSync(file).length} bytes, ${gzipped} gzipped`);
		expect(gzipped).toBeLessThan(5 * 1024);
	});

	it.each(['light', 'dark'] as const)(
		'has no axe violations in the %s scheme, fits a 360 px screen, keeps to its policy',
		async (colorScheme) => {
			const context = await chromium.browser.newContext({ colorScheme, viewport: { width: 360, height: 740 } });
			await recordViolations(context);
			const page = await context.newPage();
			await page.goto(pathToFileURL(file).href);
			expect(await violations(page)).toEqual([]);
			expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
			const results = await new AxeBuilder({ page }).analyze();
			expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
			await context.close();
		},
	);

	it('is linked for download from the home page, and served as HTML', async () => {
		const page = await chromium.browser.newPage();
		await page.goto(`${inject('baseURL')}/`);
		const link = page.locator(`a[href="${ROUTES.playbookFile}"][download]`);
		await expect(link.count()).resolves.toBe(1);
		const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
		expect(download.suggestedFilename()).toBe(ROUTES.playbookFile.slice(1));
		expect(readFileSync((await download.path()) ?? '', 'utf8')).toBe(readFileSync(file, 'utf8'));
		await page.close();
	});
});
