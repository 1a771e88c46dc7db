import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { astroBuild, makeProject } from '../support/buildSite.ts';
import { searchHere } from '../support/siteSearch.ts';
import { staticHost, type StaticHost } from '../support/staticHost.ts';
import { DOUBLE_TAP_MS } from '../../src/islands/doubleTap.ts';
import { alertIndex } from '../../src/lib/alertLinks.ts';
import { FORWARD_TEMPLATE, forwardPageFolder } from '../../src/build/alertForwardPages.ts';
import { useChromium } from '../support/useChromium.ts';
import { playbookFromFiles, SEV_FIXTURE as FIXTURE } from '../support/playbookFromFiles.ts';

/**
 * Another organisation's playbook, as a fork would publish it: five levels with dashed ids
 * (SEV-1…SEV-5), its own scenarios, templates and escalation, and `base: /playbook/` in its
 * site.yaml, served under that path by a static host that knows nothing of the site (no rewrites,
 * its 404.html for missing files). One build serves every flow below.
 */
const settings = parse(readFileSync(join(FIXTURE, 'site.yaml'), 'utf8')) as { base: string; url: string };
const base = settings.base;

let host: StaticHost;
let dist: string;
beforeAll(async () => {
	const root = makeProject('sev-playbook', { dir: FIXTURE });
	const build = await astroBuild(root);
	if (!build.ok) throw new Error(build.output);
	dist = build.dist;
	host = await staticHost(dist, { base, notFound: true });
});
afterAll(() => host?.close());

// Launched after the build above, in a context of its own for each page a test opens.
const chromium = useChromium();
const newPage = async (options: BrowserContextOptions = {}): Promise<Page> =>
	(await chromium.newContext({ baseURL: `${host.url}${base}`, ...options })).newPage();

describe('a playbook with other levels, published under a base path', () => {
	it('lists its own levels on the severity page', async () => {
		const page = await newPage();
		await page.goto('severity/');
		const rows = await page.locator('.severity-table tbody th').allInnerTexts();
		expect(rows.map((r) => r.replace(/\s+/g, ' ').trim())).toEqual([
			'SEV-1 Emergency',
			'SEV-2 Severe',
			'SEV-3 Major',
			'SEV-4 Minor',
			'SEV-5 Trivial',
		]);
		// The page's summary names the levels from the data, in its meta tags too.
		expect(await page.locator('meta[name="description"]').getAttribute('content')).toMatch(/^SEV-1 to SEV-5: /);
	});

	it('keeps every link in the site, content links included, under the base path', async () => {
		const page = await newPage();
		await page.goto('');
		const hrefs = await page.locator('a[href^="/"]').evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
		expect(hrefs.length).toBeGreaterThan(5);
		expect(hrefs.filter((h) => !h.startsWith(base))).toEqual([]);
		await page.getByRole('link', { name: 'Classify it' }).click();
		await page.waitForURL(`**${base}classify/`);
		expect(await page.locator('link[rel="canonical"]').getAttribute('href')).toBe(`${settings.url}${base}classify/`);
		expect(readFileSync(join(dist, 'sitemap-0.xml'), 'utf8')).toContain(`${settings.url}${base}classify/`);
	});

	it('classifies with its criteria and bounds, and declares with its times and channel prefix', async () => {
		const page = await newPage();
		await page.goto('classify/');
		await page.getByLabel('A region is degraded').check();
		await expect.poll(() => page.locator('#classification-title').innerText()).toContain('SEV-3');
		await page.getByLabel('Checkout latency').fill('7');
		await expect.poll(() => page.locator('#classification-title').innerText()).toContain('SEV-2');
		expect(await page.locator('.classification').innerText()).toContain('Head of Shop');
		await page.getByLabel('Checkout latency').fill('10.5');
		await expect.poll(() => page.locator('#classification-title').innerText()).toContain('SEV-1');
		// Declare in place from the result, then follow the dialog to the workspace.
		await page.locator('.result-bar').getByRole('link', { name: 'Declare SEV-1' }).click();
		const dialog = page.locator('.declare-dialog');
		await dialog.getByLabel('Title').fill('Checkout slow');
		await dialog.getByRole('button', { name: 'Declare and copy the message' }).click();
		// As a person taps on after reading what was copied: a tap at once is the second of a double tap, ignored.
		await page.waitForTimeout(DOUBLE_TAP_MS);
		await dialog.locator('.declared a.button.primary').click();
		await page.waitForURL(`**${base}incident/**`);
		await expect.poll(() => page.locator('.deadline[data-deadline="rung:head-of-shop"]').innerText()).toContain('Head of Shop');
		expect(await page.locator('.incident-summary').innerText()).toMatch(/#shop-inc-\d{8}-\d{4}/);
		expect(await page.locator('.deadline[data-deadline="response"]').innerText()).toContain('2 minutes');
	});

	it('keeps a tick across a reload', async () => {
		const playbook = playbookFromFiles(FIXTURE);
		const scenario = playbook.scenarios.find((s) => s.response.length > 1)!;
		const step = scenario.response[0]!.text;
		const page = await newPage();
		await page.goto(`scenarios/${scenario.id}/`);
		const box = page.getByRole('checkbox', { name: step, exact: true });
		await box.check();
		await page.reload();
		await expect.poll(() => box.isChecked()).toBe(true);
	});

	it('finds a scenario by its symptom, and opens it under the base path', async () => {
		const playbook = playbookFromFiles(FIXTURE);
		const scenario = playbook.scenarios.find((s) => s.id === 'search-slow')!;
		const page = await newPage();
		await page.goto('');
		const results = await searchHere(page, 'heap');
		expect(results).toContain(`${base}scenarios/${scenario.id}/`);
	});

	it('opens the runbook that lists an alert from /alerts/<name>/ in any case, with the query passed on', async () => {
		const page = await newPage();
		await page.goto('alerts/searchlatencyhigh/?severity=SEV-4&service=search');
		await page.waitForURL(`**${base}scenarios/search-slow/**`);
		expect(await page.locator('.alert-note').innerText()).toContain('SearchLatencyHigh');
		await page.locator('.alert-declare').getByRole('button', { name: 'Declare from this alert' }).click();
		expect(await page.locator('.declare-dialog').getByLabel('Severity', { exact: true }).inputValue()).toBe('SEV-4');
		// Another spelling has no page of its own: the host's 404 page sends it on.
		await page.goto('alerts/SearchLatencyHigh/?service=search');
		await page.waitForURL(`**${base}scenarios/search-slow/**`);
		expect(new URL(page.url()).searchParams.get('alert')).toBe('SearchLatencyHigh');
		expect(new URL(page.url()).searchParams.get('service')).toBe('search');
	});

	it('writes a page for every alert its runbooks list, each sending on to its runbook, and none in the sitemap', async () => {
		const index = alertIndex(playbookFromFiles(FIXTURE).scenarios);
		let written = 0;
		for (const [key, route] of Object.entries(index)) {
			const folder = forwardPageFolder(key);
			if (folder === undefined) continue;
			const html = readFileSync(join(dist, 'alerts', folder, 'index.html'), 'utf8');
			const refresh = /<meta http-equiv="refresh" content="0; url=([^"]*)"/.exec(html)![1]!.replaceAll('&amp;', '&');
			const url = new URL(refresh, host.url);
			expect([url.pathname, [...url.searchParams]], key).toEqual([`${base}scenarios/${route.scenario}/`, [['alert', route.alert]]]);
			written++;
		}
		// Every name but the one with a slash, which the 404 page sends on.
		expect(written).toBe(Object.keys(index).length - 1);
		expect(existsSync(join(dist, 'alerts', FORWARD_TEMPLATE.key))).toBe(false);
		const sitemap = readFileSync(join(dist, 'sitemap-0.xml'), 'utf8');
		expect(sitemap).toContain(`${settings.url}${base}alerts/</loc>`);
		expect(sitemap).not.toMatch(/\/alerts\/[^<]+<\/loc>/);
		// In a browser, from the address a pager would send, with its own query.
		const page = await newPage();
		for (const name of ['Quota "soft" <80> & $& more', 'eu/west']) {
			await page.goto(`alerts/${encodeURIComponent(name)}/?service=search`);
			await page.waitForURL(`**${base}scenarios/search-slow/**`);
			const query = new URL(page.url()).searchParams;
			expect([query.get('alert'), query.get('service')]).toEqual([name, 'search']);
		}
	});

	it('offers the classifier and a search for an alert no runbook lists', async () => {
		const page = await newPage();
		await page.goto('alerts/DiskAlmostFull/?severity=SEV-3');
		const landing = page.locator('.alert-landing');
		await expect.poll(() => landing.isVisible()).toBe(true);
		expect(await landing.innerText()).toContain('DiskAlmostFull');
		// The host's 404 page answered: the alert's landing is the page, not "404, Page not found" above it.
		expect(await page.locator('h1').innerText()).toContain('DiskAlmostFull');
		expect(await page.locator('main').innerText()).not.toMatch(/404|not found/i);
		expect(await page.title()).toContain('DiskAlmostFull');
		const classify = new URL(
			await landing.getByRole('link', { name: 'Classify the incident' }).evaluate((a) => (a as HTMLAnchorElement).href),
		);
		expect([classify.pathname, classify.searchParams.get('alert'), classify.searchParams.get('severity')]).toEqual([
			`${base}classify/`,
			'DiskAlmostFull',
			'SEV-3',
		]);
		await landing.getByRole('button', { name: /Search the playbook for/ }).click();
		expect(await page.locator('dialog[open] input[type="search"]').inputValue()).toBe('DiskAlmostFull');
	});

	it('works offline after one visit: pages, the classifier and alert links', async () => {
		const page = await newPage({ serviceWorkers: 'allow' });
		await page.goto('');
		await page.evaluate(() => navigator.serviceWorker.ready);
		await page.waitForFunction(() => navigator.serviceWorker.controller?.state === 'activated');
		expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toBe(`${host.url}${base}sw.js`);
		await chromium.context.setOffline(true);
		const response = await page.goto('classify/');
		expect(response?.fromServiceWorker()).toBe(true);
		await page.getByLabel('A region is degraded').check();
		await expect.poll(() => page.locator('#classification-title').innerText()).toContain('SEV-3');
		// A page the worker does not hold: its copy of the 404 page answers, and offers the classifier.
		await page.goto('alerts/DiskAlmostFull/');
		await expect.poll(() => page.locator('.alert-landing').isVisible()).toBe(true);
		expect(await page.locator('.alert-landing').innerText()).toContain('DiskAlmostFull');
	});

	it('sends _headers for its base path: the worker revalidated, hashed files kept', async () => {
		const headers = readFileSync(join(dist, '_headers'), 'utf8');
		expect(headers).toContain(`${base}sw.js\n  Cache-Control: no-cache`);
		expect(headers).toContain(`${base}_astro/*\n  Cache-Control: public, max-age=31536000, immutable`);
		const sw = await fetch(`${host.url}${base}sw.js`);
		expect(sw.headers.get('cache-control')).toBe('no-cache');
	});
});
