import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { htmlFiles } from '../../src/integrations/pagePasses.ts';
import { useChromium } from '../support/useChromium.ts';
import { recordViolations, violations } from '../support/cspViolations.ts';
import { PUBLIC_URLS } from '../support/pages.ts';
import { searchHere } from '../support/siteSearch.ts';
import { staticHost, type StaticHost } from '../support/staticHost.ts';

const dist = inject('dist');
const chromium = useChromium();
let host: StaticHost;
beforeAll(async () => {
	// Served with the _headers file, so every page is under both the header and the <meta> policy.
	host = await staticHost(dist);
});
afterAll(() => host?.close());

/** A page in a fresh context that records policy violations, and the console's CSP complaints. */
async function watchedPage(): Promise<{ context: BrowserContext; page: Page; refused: string[] }> {
	const context = await chromium.browser.newContext({ serviceWorkers: 'block' });
	await recordViolations(context);
	const page = await context.newPage();
	const refused: string[] = [];
	page.on('console', (message) => {
		if (/Content Security Policy/i.test(message.text())) refused.push(message.text());
	});
	return { context, page, refused };
}

describe('the Content Security Policy', () => {
	it('is in every built page as a <meta>, and _headers adds frame-ancestors', async () => {
		for (const file of await htmlFiles(dist)) {
			const html = readFileSync(file, 'utf8');
			expect(html, file).toMatch(/<meta http-equiv="content-security-policy" content="[^"]*default-src '(self|none)'/);
			expect(html, file).not.toMatch(/content-security-policy" content="[^"]*'unsafe-inline'/);
			expect(html, file).not.toMatch(/content-security-policy" content="[^"]*'unsafe-eval'/);
		}
		const headers = readFileSync(`${dist}/_headers`, 'utf8');
		expect(headers).toMatch(/^\/\*\n {2}Content-Security-Policy: .*object-src 'none'.*base-uri 'self'.*frame-ancestors 'none'$/m);
	});

	/*
	 * Every page loads under the policy; search runs on one page of each kind. The search dialog
	 * and Pagefind are the same scripts on every page, so searching from all of them would repeat
	 * one check, while each page's own inline code (hashed per page) is covered by the load.
	 */
	const SEARCHED = new Set(['/', '/scenarios/service-down/', '/incident/', '/communication/']);
	it('searches from pages that exist', () => expect([...SEARCHED].filter((url) => !PUBLIC_URLS.includes(url))).toEqual([]));
	describe('on every page, loaded one after another in one tab', () => {
		// One tab: a new tab's renderer costs about 1.5 s of CPU; each load is a new document under the policy all the same.
		let watched: Awaited<ReturnType<typeof watchedPage>>;
		const requests: string[] = [];
		beforeAll(async () => {
			watched = await watchedPage();
			watched.context.on('request', (request) => requests.push(request.url()));
		});
		afterAll(() => watched?.context.close());
		it.each(PUBLIC_URLS)('%s: nothing is refused and nothing leaves the origin', async (url) => {
			const { page, refused } = watched;
			requests.length = 0;
			refused.length = 0;
			const response = await page.goto(host.url + url);
			expect(response?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
			if (SEARCHED.has(url)) {
				const results = await searchHere(page, 'rollback');
				expect(results.length).toBeGreaterThan(0);
				expect(requests.some((r) => r.includes('/pagefind/'))).toBe(true);
			}
			await page.waitForLoadState('networkidle');
			expect(await violations(page)).toEqual([]);
			expect(refused).toEqual([]);
			const foreign = requests.filter((r) => new URL(r).origin !== host.url && !r.startsWith('data:'));
			expect(foreign).toEqual([]);
		});
	});

	it('blocks a script, an event handler and code in a string injected into a page', async () => {
		const { context, page } = await watchedPage();
		await page.goto(`${host.url}/scenarios/service-down/`);
		const ran = await page.evaluate(async () => {
			const script = document.createElement('script');
			script.textContent = 'window.injected = "script"';
			document.body.append(script);
			document.body.insertAdjacentHTML('beforeend', '<button id="x" onclick="window.injected = \'handler\'">x</button>');
			document.getElementById('x')?.click();
			// A string run as code later (eval's sibling): page.evaluate itself may eval, a timer may not.
			setTimeout('window.injected = "timer"', 0);
			await new Promise((resolve) => setTimeout(resolve, 100));
			return (window as { injected?: string }).injected ?? null;
		});
		expect(ran).toBeNull();
		const directives = (await violations(page)).map((v) => v.directive);
		expect(directives).toEqual(expect.arrayContaining(['script-src-elem', 'script-src-attr', 'script-src']));
		await context.close();
	});

	it('refuses to let another page frame the site (frame-ancestors, from _headers)', async () => {
		const { context, page } = await watchedPage();
		const frameInto = async (origin: string) => {
			await page.goto(`${origin}/404.html`);
			await page.evaluate((src) => {
				const frame = document.createElement('iframe');
				frame.src = src;
				document.body.prepend(frame);
				return new Promise((resolve) => frame.addEventListener('load', resolve));
			}, `${origin}/severity/`);
			// A refused frame shows the browser's error page instead of the site.
			return page
				.frames()
				.find((f) => f !== page.mainFrame())
				?.url();
		};
		expect(await frameInto(host.url)).toMatch(/^chrome-error:/);
		// The same page from a host that ignores _headers frames fine: the header is what refuses it.
		expect(await frameInto(inject('baseURL'))).toBe(`${inject('baseURL')}/severity/`);
		await context.close();
	});
});
