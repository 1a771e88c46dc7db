import AxeBuilder from '@axe-core/playwright';
import { describe, expect, inject, it } from 'vitest';
import { useChromium } from '../support/useChromium.ts';
import { searchHere } from '../support/siteSearch.ts';

const baseURL = inject('baseURL');
const chromium = useChromium();

const isSearchCode = (url: string) => /\/pagefind\/|searchDialog|pagefind-ui|default-ui/i.test(new URL(url).pathname);

describe('search costs nothing until it is used, then answers quickly', () => {
	it('loads none of its code with the page, and its engine as soon as the responder reaches for it', async () => {
		const page = await chromium.browser.newPage();
		const fetched: string[] = [];
		page.on('request', (request) => fetched.push(request.url()));
		await page.goto(`${baseURL}/scenarios/service-down/`, { waitUntil: 'networkidle' });
		// Idle time is when Starlight used to fetch its search UI.
		await page.evaluate(() => new Promise((done) => requestIdleCallback(done)));
		await page.waitForLoadState('networkidle');
		expect(fetched.filter(isSearchCode)).toEqual([]);
		// A mouse resting on the button starts loading the engine, before any click.
		const engine = page.waitForRequest((request) => new URL(request.url()).pathname === '/pagefind/pagefind.js', { timeout: 5_000 });
		await page.getByRole('button', { name: 'Search' }).hover();
		await expect(engine).resolves.toBeTruthy();
		expect(await page.locator('dialog[open]').count()).toBe(0);
		await page.getByRole('button', { name: 'Search' }).click();
		await page.getByRole('searchbox', { name: 'Search the playbook' }).waitFor();
		await page.close();
	});

	it('searches on the keystroke, with no wait of 100 ms or more, and shows the time it took', async () => {
		const page = await chromium.browser.newPage();
		// Record the delays of the timers the page sets once the responder starts typing.
		await page.addInitScript(() => {
			const delays: number[] = ((window as unknown as { __delays: number[] }).__delays = []);
			let typing = false;
			document.addEventListener('keydown', () => (typing = true), true);
			const setTimer = window.setTimeout;
			window.setTimeout = ((handler: TimerHandler, delay?: number, ...args: unknown[]) => {
				if (typing) delays.push(delay ?? 0);
				return setTimer(handler, delay, ...args);
			}) as typeof window.setTimeout;
		});
		await page.goto(`${baseURL}/`, { waitUntil: 'networkidle' });
		// Timed in the page: from the input event to the first result in the list.
		await page.evaluate(() => {
			const w = window as unknown as { __typed: number; __shown: number[] };
			w.__shown = [];
			document.addEventListener('input', () => (w.__typed = performance.now()), true);
			new MutationObserver(() => {
				if (document.querySelector('.search-result-link') && w.__typed) {
					w.__shown.push(performance.now() - w.__typed);
					w.__typed = 0;
				}
			}).observe(document.body, { childList: true, subtree: true });
		});
		for (const query of ['503', 'WAF', 'rollback', 'timeout', 'replica']) {
			await page.getByRole('button', { name: 'Search' }).click();
			const input = page.getByRole('searchbox', { name: 'Search the playbook' });
			// Let the engine and index arrive first: this times the search, not the download.
			// (A string, so the test runner leaves the page's dynamic import alone.)
			await page.evaluate("import('/pagefind/pagefind.js').then((pagefind) => pagefind.init())");
			await input.fill('');
			await input.fill(query);
			await page.waitForFunction(
				(q) => document.querySelector('.search-status')?.textContent?.includes(`“${q}”`) && document.querySelector('.search-result-link'),
				query,
			);
			await page.keyboard.press('Escape');
		}
		const times = (await page.evaluate(() => (window as unknown as { __shown: number[] }).__shown)).map(Math.round);
		expect(times).toHaveLength(5);
		const delays = await page.evaluate(() => (window as unknown as { __delays: number[] }).__delays);
		expect(delays.filter((ms) => ms >= 100)).toEqual([]);
		times.sort((a, b) => a - b);
		console.info(`search: keystroke to results in the page, median of 5 with the index loaded: ${times[2]} ms (${times.join(', ')})`);
		await page.close();
	});
});

describe('the search dialog', () => {
	it('works by keyboard alone: Ctrl+K or /, type, arrows, Enter opens the first result', async () => {
		const page = await chromium.browser.newPage();
		await page.goto(`${baseURL}/tools/`);
		await page.locator('site-search [data-open-search]:not([disabled])').waitFor();
		await page.keyboard.press('Control+k');
		const input = page.getByRole('searchbox', { name: 'Search the playbook' });
		await expect.poll(() => input.evaluate((el) => el === document.activeElement)).toBe(true);
		await page.keyboard.type('WAF');
		// The results of the whole word (a key pressed before is the case below).
		await page.waitForFunction(() => document.querySelector('.search-status')?.textContent?.includes('“WAF”'));
		await page.keyboard.press('ArrowDown');
		const first = await page.locator('.search-result-link').first().getAttribute('href');
		expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe(first);
		await page.keyboard.press('Escape');
		expect(await page.locator('dialog[open]').count()).toBe(0);
		await page.locator('main').click();
		await page.keyboard.press('/');
		await expect.poll(() => input.evaluate((el) => el === document.activeElement)).toBe(true);
		expect(await input.inputValue()).toBe('WAF');
		await page.keyboard.press('Enter');
		await page.waitForURL((url) => url.pathname === first);
		expect(new URL(page.url()).pathname).toBe('/scenarios/security-incident/');
		await page.close();
	});

	it('opens on / from a ticked step or a chosen criterion, and types / in a text field', async () => {
		const page = await chromium.browser.newPage();
		await page.goto(`${baseURL}/scenarios/service-down/`);
		await page.locator('site-search [data-open-search]:not([disabled])').waitFor();
		const input = page.getByRole('searchbox', { name: 'Search the playbook' });
		const step = page.locator('main input[type=checkbox]').first();
		await step.focus();
		await page.keyboard.press('Space');
		await expect.poll(() => step.isChecked()).toBe(true);
		await page.keyboard.press('/');
		await expect.poll(() => input.evaluate((el) => el === document.activeElement)).toBe(true);
		await page.keyboard.press('Escape');
		// A step's note is text: / is a character there.
		await page.locator('main .note-button').first().click();
		const note = page.locator('main .note-form input');
		await note.pressSequentially('a/b');
		expect(await note.inputValue()).toBe('a/b');
		expect(await page.locator('dialog[open]').count()).toBe(0);
		await page.close();
	});

	it('keeps the keyboard in the results when a later keystroke brings others', async () => {
		const page = await chromium.browser.newPage();
		// Hold back the text of pages found, on request, to land an arrow key between two lists.
		let hold: Promise<void> | undefined;
		let release = () => {};
		await page.route('**/pagefind/fragment/**', async (route) => {
			await hold;
			await route.continue();
		});
		await page.goto(`${baseURL}/`);
		await searchHere(page, 'rollback');
		const before = await page.locator('.search-result-link').first().getAttribute('href');
		hold = new Promise((done) => (release = done));
		const input = page.getByRole('searchbox', { name: 'Search the playbook' });
		await input.fill('WAF');
		// The older list is still on screen: the arrow goes into it.
		await page.keyboard.press('ArrowDown');
		expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe(before);
		release();
		await page.waitForFunction(() => document.querySelector('.search-status')?.textContent?.includes('“WAF”'));
		const first = await page.locator('.search-result-link').first().getAttribute('href');
		expect(first).not.toBe(before);
		expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe(first);
		await page.close();
	});

	it('takes what is typed on a result into the search field, as a fast typist expects', async () => {
		const page = await chromium.browser.newPage();
		await page.goto(`${baseURL}/`);
		await searchHere(page, 'rollback');
		const input = page.getByRole('searchbox', { name: 'Search the playbook' });
		await page.keyboard.press('ArrowDown');
		expect(await page.evaluate(() => document.activeElement?.classList.contains('search-result-link'))).toBe(true);
		// Typed on the first result: the letters go on the end of the words, and search again.
		await page.keyboard.type(' db');
		expect(await input.inputValue()).toBe('rollback db');
		expect(await input.evaluate((el) => el === document.activeElement)).toBe(true);
		await page.waitForFunction(() => document.querySelector('.search-status')?.textContent?.includes('“rollback db”'));
		// Backspace on a result takes the last letter off, as in the field.
		await page.keyboard.press('ArrowDown');
		await page.keyboard.press('Backspace');
		expect(await input.inputValue()).toBe('rollback d');
		// Keys that are not text leave the focus on the result: Tab moves on, Shift alone does nothing.
		await page.keyboard.press('ArrowDown');
		const on = await page.evaluate(() => document.activeElement?.getAttribute('href'));
		await page.keyboard.press('Shift');
		expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe(on);
		await page.close();
	});

	it('keeps the focus on the result it is on when the rest of the list comes in', async () => {
		const page = await chromium.browser.newPage();
		// The text of each page found is a fetch of its own; the first few are asked for together.
		const asked: string[] = [];
		let allowed: Set<string> | undefined;
		let release = () => {};
		const held = new Promise<void>((done) => (release = done));
		await page.route('**/pagefind/fragment/**', async (route) => {
			const url = route.request().url();
			asked.push(url);
			if (allowed && !allowed.has(url)) await held;
			await route.continue();
		});
		await page.goto(`${baseURL}/`);
		await searchHere(page, 'incident');
		await expect.poll(() => page.locator('.search-result-link').count()).toBeGreaterThan(3);
		// Again, with only the first few let through (the page's copy of Pagefind starts empty).
		allowed = new Set(asked.slice(0, 3));
		await page.reload();
		await searchHere(page, 'incident');
		expect(await page.locator('.search-result-link').count()).toBe(3);
		await page.keyboard.press('ArrowDown');
		await page.keyboard.press('ArrowDown');
		const second = await page.evaluate(() => document.activeElement?.getAttribute('href'));
		expect(second).toBe(await page.locator('dialog[open] ol a').nth(1).getAttribute('href'));
		// A space typed after the word searches the same words again while the first search waits for the rest.
		await page.getByRole('searchbox', { name: 'Search the playbook' }).evaluate((field: HTMLInputElement) => {
			field.value += ' ';
			field.dispatchEvent(new Event('input', { bubbles: true }));
		});
		release();
		await expect.poll(() => page.locator('.search-result-link').count()).toBeGreaterThan(3);
		await page.waitForLoadState('networkidle');
		expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe(second);
		// Each page once: the two searches do not both add the rest.
		const hrefs = await page.locator('.search-result-link').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
		expect(hrefs.length).toBe(new Set(hrefs).size);
		await page.close();
	});

	it('shows excerpts as text with the matches marked, never as markup', async () => {
		const page = await chromium.browser.newPage();
		await page.goto(`${baseURL}/`);
		await searchHere(page, 'rollback');
		const marks = await page.locator('.search-excerpt mark').allTextContents();
		expect(marks.length).toBeGreaterThan(0);
		expect(marks.every((m) => /rollback/i.test(m))).toBe(true);
		// Only text and <mark> inside excerpts, whatever the index holds.
		expect(await page.locator('.search-excerpt *:not(mark)').count()).toBe(0);
		// Sections of a page link to their headings.
		expect(await page.locator('.search-sections a[href*="#"]').count()).toBeGreaterThan(0);
		await page.close();
	});

	it.each(['light', 'dark'] as const)('has no axe violations when open with results, %s theme', async (scheme) => {
		const context = await chromium.browser.newContext({ colorScheme: scheme });
		const page = await context.newPage();
		await page.goto(`${baseURL}/`);
		await searchHere(page, 'database');
		const results = await new AxeBuilder({ page }).analyze();
		expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
		await context.close();
	});

	it('fills a 360 px phone screen, with the close button in reach', async () => {
		const page = await chromium.browser.newPage({ viewport: { width: 360, height: 740 } });
		await page.goto(`${baseURL}/scenarios/service-down/`);
		await searchHere(page, 'timeout');
		const box = await page.locator('dialog[open]').boundingBox();
		expect(box && box.width >= 355 && box.height >= 730).toBe(true);
		expect(await page.evaluate(() => document.querySelector('dialog[open]')!.scrollWidth <= 360)).toBe(true);
		await page.getByRole('button', { name: 'Close' }).click();
		expect(await page.locator('dialog[open]').count()).toBe(0);
		await page.close();
	});
});
