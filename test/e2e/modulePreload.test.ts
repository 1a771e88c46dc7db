import { describe, expect, inject, it } from 'vitest';
import { ROUTES, scenarioPath } from '../../src/lib/urls.ts';
import { useChromium } from '../support/useChromium.ts';

const baseURL = inject('baseURL');
const chromium = useChromium({ baseURL });

describe('the modules a page needs to come alive', () => {
	// A page of each kind of island: a runbook's checklists, the workspace, the post-mortem's generator, the classifier.
	it.each([scenarioPath('service-down'), ROUTES.incident, ROUTES.postMortem, ROUTES.classify])(
		'%s announces every script it loads in its HTML, for the browser to fetch at once',
		async (path) => {
			const page = await chromium.context.newPage();
			const loaded = new Set<string>();
			page.on('request', (request) => {
				const url = new URL(request.url());
				if (request.resourceType() === 'script' && url.pathname.endsWith('.js')) loaded.add(url.pathname);
			});
			await page.goto(path);
			await page.waitForFunction(() => document.querySelector('astro-island') && !document.querySelector('astro-island[ssr]'));
			await page.waitForLoadState('networkidle');
			const announced = new Set(
				await page.evaluate(() =>
					[...document.querySelectorAll<HTMLLinkElement | HTMLScriptElement>('link[rel="modulepreload"], script[type="module"][src]')].map(
						(el) => new URL(el instanceof HTMLLinkElement ? el.href : el.src).pathname,
					),
				),
			);
			// What loads only on a press, or for search, is not the page's to announce.
			const needed = [...loaded].filter((p) => !/\.onDemand\.|pagefind/.test(p));
			expect(needed.length).toBeGreaterThan(2);
			expect(needed.filter((p) => !announced.has(p))).toEqual([]);
			await page.close();
		},
	);
});
