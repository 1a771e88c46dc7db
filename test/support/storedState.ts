import type { BrowserContext, Page } from 'playwright-core';
import { declareIncident } from '../../src/lib/incidents.ts';
import { emptyState, type State } from '../../src/lib/state.ts';
import { STATE_KEY, STATE_VERSION } from '../../src/lib/storage.ts';
import { declaration } from './incidents.ts';

/** A state with one incident open, declared a minute ago, as a responder would have recorded it. */
export function openIncidentState(): State {
	const at = Date.now() - 60_000;
	return declareIncident({ ...emptyState(), responder: 'alice' }, declaration({ detectedAt: at }), 'incident-', at).state;
}

/** Open `url` with `state` in the browser's storage (written on the site's origin, then the page reloaded). */
export async function openWithState(context: BrowserContext, url: string, state: State = openIncidentState()): Promise<Page> {
	const page = await context.newPage();
	await page.goto(url);
	await page.evaluate(([key, value]) => localStorage.setItem(key, value), [
		STATE_KEY,
		JSON.stringify({ version: STATE_VERSION, state }),
	] as const);
	await page.reload();
	return page;
}

/** The state the page's storage holds now. */
export const storedState = (page: Page) =>
	page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? 'null') as { state: State } | null, STATE_KEY);
