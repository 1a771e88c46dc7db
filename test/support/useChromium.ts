import type { Browser, BrowserContext, BrowserContextOptions } from 'playwright-core';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { launchChromium } from './chromium.ts';

/** A test file's Chromium: the browser and, when asked for, a fresh context for every test. */
export interface ChromiumSession {
	/** The browser, launched before the file's tests and closed after them. */
	readonly browser: Browser;
	/** The current context: a fresh one for each test when `useChromium` got context options. */
	readonly context: BrowserContext;
	/** Close the current context and open one with these options in its place (another viewport, time zone, base URL). */
	newContext(options?: BrowserContextOptions): Promise<BrowserContext>;
}

/**
 * Register the hooks of a browser test file: launch Chromium before its tests and close it after.
 * With `contextOptions`, every test starts in a new context made with them (the previous one
 * closed), after `prepare` has run on it (install a clock, seed storage). Call it at the top of
 * the file, before hooks that use the browser.
 */
export function useChromium(contextOptions?: BrowserContextOptions, prepare?: (context: BrowserContext) => Promise<void>): ChromiumSession {
	let browser: Browser | undefined;
	let context: BrowserContext | undefined;
	const session: ChromiumSession = {
		get browser() {
			if (!browser) throw new Error('Chromium is not running: use the browser inside a hook or a test.');
			return browser;
		},
		get context() {
			if (!context) throw new Error('No browser context: pass context options to useChromium or call newContext first.');
			return context;
		},
		async newContext(options = {}) {
			await context?.close();
			context = await session.browser.newContext(options);
			return context;
		},
	};
	beforeAll(async () => {
		browser = await launchChromium();
	});
	afterAll(async () => {
		await context?.close();
		await browser?.close();
	});
	if (contextOptions) {
		beforeEach(async () => {
			const context = await session.newContext(contextOptions);
			if (prepare) await prepare(context);
		});
	}
	return session;
}
