import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium as persistentChromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../../scripts/lib/chromium.ts';
import { describe, expect, inject, it } from 'vitest';
import { ROUTES } from '../../src/lib/urls.ts';
import { useChromium } from '../support/useChromium.ts';
import { builtPages } from '../support/pages.ts';

const baseURL = inject('baseURL');
const dist = inject('dist');
const chromium = useChromium();

interface Manifest {
	name: string;
	short_name: string;
	start_url: string;
	scope: string;
	display: string;
	theme_color: string;
	icons: { src: string; sizes: string; type: string; purpose?: string }[];
}

describe('the playbook on a home screen', () => {
	it('names the manifest on every page', async () => {
		const page = await chromium.browser.newPage();
		const missing: string[] = [];
		for (const path of builtPages(dist)) {
			await page.goto(`${baseURL}${path}`, { waitUntil: 'domcontentloaded' });
			const href = await page
				.locator('link[rel=manifest]')
				.getAttribute('href')
				.catch(() => null);
			if (href !== ROUTES.manifest) missing.push(`${path}: ${href}`);
		}
		await page.goto(`${baseURL}/404.html`);
		if ((await page.locator('link[rel=manifest]').getAttribute('href')) !== ROUTES.manifest) missing.push('404');
		await page.close();
		expect(missing).toEqual([]);
	});

	it('has a manifest Chromium reads without errors and can install, opening on the workspace in its own window', async () => {
		// Installability is not judged in a private window: this needs a profile of its own.
		const profile = await mkdtemp(join(tmpdir(), 'playbook-install-'));
		const executablePath = findChromium();
		if (!executablePath) throw new Error('No Chromium found (see README).');
		const context = await persistentChromium.launchPersistentContext(profile, { executablePath, args: CHROMIUM_ARGS, headless: true });
		const page = context.pages()[0] ?? (await context.newPage());
		await page.goto(`${baseURL}/`);
		await page.evaluate(() => navigator.serviceWorker.ready);
		const cdp = await context.newCDPSession(page);
		const { url, errors } = await cdp.send('Page.getAppManifest');
		expect(url).toBe(`${baseURL}${ROUTES.manifest}`);
		expect(errors).toEqual([]);
		const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
		expect(installabilityErrors).toEqual([]);
		const manifest = (await (await page.request.get(url)).json()) as Manifest;
		expect(manifest).toMatchObject({ start_url: ROUTES.incident, scope: ROUTES.home, display: 'standalone' });
		expect(manifest.name.length).toBeGreaterThan(0);
		expect(manifest.short_name.length).toBeLessThanOrEqual(12);
		expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/i);
		await context.close();
		await rm(profile, { recursive: true, force: true });
	});

	it('has icons that load at the sizes it declares: 192 and 512 px, a maskable one and an SVG', async () => {
		const page = await chromium.browser.newPage();
		await page.goto(`${baseURL}/`);
		const manifest = (await (await page.request.get(`${baseURL}${ROUTES.manifest}`)).json()) as Manifest;
		const sizes = await page.evaluate(
			(icons) =>
				Promise.all(
					icons.map(
						(icon) =>
							new Promise<string>((resolve) => {
								const img = new Image();
								img.onload = () =>
									resolve(
										`${icon.purpose ?? 'any'} ${icon.type} ${icon.sizes === 'any' ? 'any' : `${img.naturalWidth}x${img.naturalHeight}`}`,
									);
								img.onerror = () => resolve(`${icon.src} failed`);
								img.src = icon.src;
							}),
					),
				),
			manifest.icons,
		);
		await page.close();
		expect(sizes).toEqual(
			expect.arrayContaining(['any image/png 192x192', 'any image/png 512x512', 'maskable image/png 512x512', 'any image/svg+xml any']),
		);
		expect(manifest.icons.map((i) => i.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
	});
});
