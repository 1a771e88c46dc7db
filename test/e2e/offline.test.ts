import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import AxeBuilder from '@axe-core/playwright';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadSite } from '../../src/data/loadSite.ts';
import { ROUTES, scenarioPath } from '../../src/lib/urls.ts';
import { SECTIONS } from '../../src/lib/playbookDocument.ts';
import { readFrontmatter } from '../support/frontmatter.ts';
import { useChromium } from '../support/useChromium.ts';
import { PUBLIC_URLS } from '../support/pages.ts';
import { searchHere } from '../support/siteSearch.ts';
import { staticHost, type StaticHost } from '../support/staticHost.ts';

const dist = inject('dist');
const chromium = useChromium();

/** Open one page of the site, then wait until its worker controls it and has precached everything. */
async function visitOnce(context: BrowserContext, url: string): Promise<Page> {
	const page = await context.newPage();
	await page.goto(url);
	// The worker activates only once its install step has stored every precached file.
	await page.evaluate(() => navigator.serviceWorker.ready);
	await page.waitForFunction(() => navigator.serviceWorker.controller?.state === 'activated');
	return page;
}

describe('offline after one visit', () => {
	let host: StaticHost;
	let context: BrowserContext;
	let page: Page;
	const failed: string[] = [];
	beforeAll(async () => {
		host = await staticHost(dist);
		context = await chromium.browser.newContext({ serviceWorkers: 'allow' });
		page = await visitOnce(context, `${host.url}/`);
		// Loads cut short by the next navigation are not failures of the offline copy.
		page.on('requestfailed', (request) => {
			if (request.failure()?.errorText !== 'net::ERR_ABORTED') failed.push(`${request.url()}: ${request.failure()?.errorText}`);
		});
		// The network is gone: the host no longer answers and the browser is offline.
		await host.close();
		await context.setOffline(true);
	});
	afterAll(() => context?.close());

	it('opens every page, none of them visited before, from the worker with its styles', async () => {
		for (const url of PUBLIC_URLS.filter((u) => u !== '/')) {
			const response = await page.goto(host.url + url);
			expect(response?.status(), url).toBe(200);
			expect(response?.fromServiceWorker(), url).toBe(true);
			const title = readFileSync(join(dist, url, 'index.html'), 'utf8')
				.match(/<h1[^>]*>([^<]+)</)?.[1]
				?.replaceAll('&amp;', '&');
			expect(await page.locator('h1').first().textContent(), url).toBe(title);
			// Starlight's stylesheet came too: its custom properties are defined.
			expect(await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--sl-color-accent')), url).not.toBe('');
		}
		expect(failed).toEqual([]);
	});

	it('searches the whole site and opens a result', async () => {
		await page.goto(`${host.url}/`);
		const results = await searchHere(page, '503');
		expect(results).toContain(scenarioPath('service-down'));
		await page
			.locator(`.search-result-link[href="${scenarioPath('service-down')}"]`)
			.first()
			.click();
		await page.waitForURL(`**${scenarioPath('service-down')}`);
		expect(await page.locator('h1').first().textContent()).toBe('Service Down');
		expect(failed).toEqual([]);
	});

	it('opens the home page', async () => {
		const response = await page.goto(`${host.url}/`);
		expect(response?.fromServiceWorker()).toBe(true);
		expect(await page.locator('h1').first().textContent()).toBe(
			readFileSync(join(dist, 'index.html'), 'utf8').match(/<h1[^>]*>([^<]+)</)?.[1],
		);
	});

	it('opens the single-file copy', async () => {
		const response = await page.goto(host.url + ROUTES.playbookFile);
		expect(response?.fromServiceWorker()).toBe(true);
		expect(await page.locator('h1').textContent()).toBe(loadSite(join(inject('content'), 'site.yaml')).title);
		expect(await page.locator('h2').count()).toBe(SECTIONS.length);
	});

	it("opens a page whatever its query string or trailing slash: alert links, the classifier's and the incident bar's", async () => {
		const heading = (path: string) =>
			readFileSync(join(dist, path.endsWith('.html') ? path : join(path, 'index.html')), 'utf8')
				.match(/<h1[^>]*>([^<]+)</)?.[1]
				?.replaceAll('&amp;', '&');
		// Links with a query that the built pages themselves hold (runbooks' "declare" buttons and the like).
		const linked = new Set<string>();
		for (const url of PUBLIC_URLS) {
			for (const [, href] of readFileSync(join(dist, url, 'index.html'), 'utf8').matchAll(/href="(\/[^"#]*\?[^"#]*)"/g))
				linked.add(href!.replaceAll('&amp;', '&'));
		}
		const addresses = [
			...linked,
			'/incident',
			'/incident?scenario=some-scenario',
			'/incident/?scenario=some-scenario',
			'/incident/?alert=HighErrorRate',
			'/incident/?alert=KubeDeploymentReplicasMismatch&severity=P1&service=api&summary=Replicas%20missing',
			'/classify/?seen=A:some-criterion&seen=B:other',
			// The worker's reading of an address does not depend on the page (every page is opened plainly above): each
			// spelling is tried on a page of each kind, the workspace, a tool and a runbook.
			...[ROUTES.incident, ROUTES.classify, scenarioPath('service-down')].flatMap((u) => [
				u.slice(0, -1),
				`${u}?alert=HighErrorRate&severity=P1&service=api`,
				`${u.slice(0, -1)}?x=1#top`,
			]),
			'/?utm_source=chat',
			'/incident/?',
			'/incident/index.html?alert=X',
			'/incident?severity=P0&seen=A:b#declare',
		];
		for (const address of addresses) {
			const response = await page.goto(host.url + address);
			expect(response?.status(), address).toBe(200);
			expect(response?.fromServiceWorker(), address).toBe(true);
			// /alerts/ with an alert in its query acts as that alert's URL: it opens the runbook listing it.
			const url = new URL(address, host.url);
			const shown =
				url.pathname.replace(/\/?$/, '/') === '/alerts/' && url.searchParams.get('alert') === 'HighErrorRate'
					? scenarioPath('high-error-rate')
					: url.pathname;
			await expect.poll(() => page.locator('h1').first().textContent(), { message: address }).toBe(heading(shown));
		}
		expect(linked.size).toBeGreaterThan(0);
		expect(failed).toEqual([]);
	});

	it("opens an alert's runbook from the alert's URL in any spelling, with the pages built for alerts left out of the precache", async () => {
		const scenario = readdirSync(join(inject('content'), 'docs/scenarios'))
			.map((file) => ({
				id: file.replace(/\.mdx?$/, ''),
				alerts: readFrontmatter(join(inject('content'), 'docs/scenarios', file))['alerts'],
			}))
			.find((s): s is { id: string; alerts: string[] } => Array.isArray(s.alerts) && s.alerts.length > 0)!;
		const [alert] = scenario.alerts;
		const worker = readFileSync(join(dist, ROUTES.serviceWorker), 'utf8');
		expect(worker).toContain(`"${ROUTES.alerts.slice(1)}index.html"`);
		expect(worker).not.toContain(`"${ROUTES.alerts.slice(1)}${alert!.toLowerCase()}/index.html"`);
		expect(existsSync(join(dist, ROUTES.alerts, alert!.toLowerCase(), 'index.html'))).toBe(true);
		for (const address of [`${ROUTES.alerts}${alert!.toLowerCase()}/`, `${ROUTES.alerts}${alert}/?severity=P1`]) {
			await page.goto(host.url + address);
			await page.waitForURL((url) => url.pathname === scenarioPath(scenario.id));
			expect(new URL(page.url()).searchParams.get('alert'), address).toBe(alert);
			const title = readFileSync(join(dist, 'scenarios', scenario.id, 'index.html'), 'utf8').match(/<h1[^>]*>([^<]+)</)?.[1];
			await expect.poll(() => page.locator('h1').first().textContent(), { message: address }).toBe(title);
		}
		expect(failed).toEqual([]);
	});

	it('shows the site\'s own "not found" page for an unknown address', async () => {
		await page.goto(`${host.url}/no-such-page/`);
		expect(await page.locator('h1').first().textContent()).toBe('404');
	});
});

describe('a new deploy', () => {
	const changed = 'Health check returns 503 or 502';
	const page = 'scenarios/service-down/index.html';
	let next: string;
	beforeAll(() => {
		// The worker the build wrote gives each precached file a revision, the MD5 of its bytes,
		// so a deploy that changes a page changes sw.js, which is what makes browsers update.
		const md5 = (file: string) => createHash('md5').update(readFileSync(file)).digest('hex');
		const worker = readFileSync(join(dist, 'sw.js'), 'utf8');
		// Entries as the bundler wrote them: {url:"…",revision:"…"}, keys quoted or not.
		const revisions = [...worker.matchAll(/\{"?url"?:"([^"]+)","?revision"?:"([0-9a-f]{32})"\}/g)];
		expect(revisions.length).toBeGreaterThan(10);
		for (const [, url, revision] of revisions) expect(revision, url).toBe(md5(join(dist, url!)));
		// The next deploy, without a second build: the same site with one sentence of a page
		// changed, and that page's revision in the worker with it.
		next = mkdtempSync(join(tmpdir(), 'next-deploy-'));
		cpSync(dist, next, { recursive: true });
		const html = readFileSync(join(next, page), 'utf8');
		// The sentence as the page shows it and as its island's props carry it.
		const sentence = /Health check returns 503(?=<|&quot;)/g;
		expect(html.match(sentence)?.length).toBeGreaterThan(1);
		writeFileSync(join(next, page), html.replace(sentence, changed));
		const before = revisions.find(([, url]) => url === page)?.[0];
		expect(before, page).toContain(md5(join(dist, page)));
		writeFileSync(join(next, 'sw.js'), worker.replace(before!, before!.replace(md5(join(dist, page)), md5(join(next, page)))));
	});
	afterAll(() => next && rmSync(next, { recursive: true, force: true }));

	it('is picked up on the next online visit, with a notice and a reload button', async () => {
		const host = await staticHost(dist);
		const context = await chromium.browser.newContext({ serviceWorkers: 'allow' });
		const page = await visitOnce(context, `${host.url}${scenarioPath('service-down')}`);
		expect(await page.locator('.update-notice').textContent()).toBe('');
		host.deploy(next);
		await page.goto(`${host.url}${scenarioPath('service-down')}`);
		// The open page still shows the old version (from the cache) until the reader chooses.
		expect(await page.locator('main').textContent()).not.toContain(changed);
		const notice = page.getByRole('status').filter({ hasText: 'The playbook was updated' });
		await notice.waitFor();
		// Readable and clear of the edges on a phone, and accessible in both themes.
		await page.setViewportSize({ width: 360, height: 740 });
		const box = await notice.boundingBox();
		expect(box && box.x >= 0 && box.x + box.width <= 360 && box.y + box.height <= 740).toBe(true);
		for (const theme of ['light', 'dark']) {
			await page.evaluate((t) => (document.documentElement.dataset['theme'] = t), theme);
			const axe = await new AxeBuilder({ page }).include('.update-notice').analyze();
			expect(axe.violations.map((v) => `${theme}: ${v.id}`)).toEqual([]);
		}
		await notice.getByRole('button', { name: 'Reload' }).click();
		await page.waitForLoadState('load');
		expect(await page.locator('main').textContent()).toContain(changed);
		expect(await page.locator('.update-notice').textContent()).toBe('');
		await context.close();
		await host.close();
	});
});
