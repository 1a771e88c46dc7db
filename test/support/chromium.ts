import type { Browser, LaunchOptions } from 'playwright-core';
import { launchChromium as launch } from '../../scripts/lib/launchChromium.ts';

/**
 * The system Chromium for browser tests (shared launcher with the benchmark, scripts/bench.ts).
 * Contexts and pages block the service worker unless a test asks for it (`serviceWorkers:
 * 'allow'`, as the offline tests do): otherwise every fresh context would precache the whole site
 * in the background while the test runs, which only slows the test down and tests nothing.
 */
export async function launchChromium(options: LaunchOptions = {}): Promise<Browser> {
	const browser = await launch(options);
	const newContext = browser.newContext.bind(browser);
	const newPage = browser.newPage.bind(browser);
	browser.newContext = (contextOptions = {}) => newContext({ serviceWorkers: 'block', ...contextOptions });
	browser.newPage = (pageOptions = {}) => newPage({ serviceWorkers: 'block', ...pageOptions });
	return browser;
}
