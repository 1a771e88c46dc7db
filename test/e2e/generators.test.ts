import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { declareIncident, setSeverity, setStatus, tickItem } from '../../src/lib/incidents.ts';
import { emptyState, type State } from '../../src/lib/state.ts';
import { STATE_KEY } from '../../src/lib/storage.ts';
import { openWithState, storedState } from '../support/storedState.ts';
import { useChromium } from '../support/useChromium.ts';
import { declaration, min } from '../support/incidents.ts';
import { contentChecklists } from '../support/playbookContent.ts';
import { CONTENT } from '../support/playbookFromFiles.ts';

const baseURL = inject('baseURL');
const chromium = useChromium();

/** An incident declared a few minutes ago (the clocks run on the real time), as the workspace would store it. */
function declared(over: Parameters<typeof declaration>[0] = {}, ago = min(10), now = Date.now()): { state: State; id: string } {
	const at = now - ago;
	return declareIncident({ ...emptyState(), responder: 'alice' }, declaration({ detectedAt: at - min(2), ...over }), 'incident-', at);
}

/** Open a page with this state in the browser's storage, as if a responder had recorded it. */
async function openWith(context: BrowserContext, state: State, path: string): Promise<Page> {
	const page = await openWithState(context, `${baseURL}${path}`, state);
	await page.locator('[data-preview]').first().waitFor();
	return page;
}

const stored = async (page: Page) => (await storedState(page))!;
const generator = (page: Page, id: string) => page.locator(`[data-generator="${id}"]`);

describe('status messages from the open incident', () => {
	it('declare → generate → copy: the Slack message is on the clipboard and on the timeline', async () => {
		const context = await chromium.browser.newContext();
		await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
		const { state, id } = declared();
		const page = await openWith(context, state, '/communication/');
		const declaration = generator(page, 'declaration');
		const preview = declaration.locator('[data-preview]');
		await expect
			.poll(() => preview.textContent())
			.toBe(
				[
					'*🚨 INCIDENT DECLARED*',
					'',
					'Incident: API returns 503',
					'Severity: P0 Critical',
					'Status: Investigating',
					'Impact: All users cannot log in',
					'Affected Services: api',
					`Incident Channel: #incident-${id}`,
					'On-Call: @alice',
				].join('\n'),
			);

		await declaration.getByRole('button', { name: /^Copy for Slack/ }).click();
		await expect.poll(() => declaration.getByRole('status').textContent()).toContain(`Copied the Incident Declaration (Slack) message at`);
		expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await preview.textContent());
		// Logged once the store is here (it loads on the first press in the generator).
		const messages = async () =>
			((await stored(page)).state.incidents[0]?.events ?? []).filter((e) => e.kind === 'message').map((e) => e.text);
		await expect.poll(messages).toEqual(['Copied Incident Declaration (Slack)']);

		await page.goto(`${baseURL}/incident/`);
		// The workspace hydrates after load: wait for the timeline rather than count once.
		await expect.poll(() => page.locator('.events').getByText('Copied Incident Declaration (Slack)').count()).toBe(1);
		await context.close();
	});

	it('logs a copy made before the store has loaded, even when the page is left at once', async () => {
		const context = await chromium.browser.newContext();
		await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
		const { state } = declared();
		const page = await openWith(context, state, '/communication/');
		// The store and zod arrive late: the copy is made, and the page left, before they are here.
		await page.route(/\/_astro\/(store|vendor-zod|state)[.-]/, async (route) => {
			await new Promise((resolve) => setTimeout(resolve, 1500));
			await route.continue();
		});
		const update = generator(page, 'update');
		await update.getByRole('button', { name: /^Copy for Slack/ }).click();
		await expect.poll(() => update.locator('.copy-status').textContent()).toContain('Copied the Status Update (Slack) message at');
		expect((await stored(page)).state.incidents[0]?.events.filter((e) => e.kind === 'message')).toEqual([]);
		await page.goto(`${baseURL}/incident/`);
		// The next page logs it, once, at the moment it was copied.
		const messages = async () =>
			((await stored(page)).state.incidents[0]?.events ?? []).filter((e) => e.kind === 'message').map((e) => e.text);
		await expect.poll(messages).toEqual(['Copied Status Update (Slack)']);
		await expect.poll(() => page.locator('.events').getByText('Copied Status Update (Slack)').count()).toBe(1);
		await context.close();
	});

	it('edits field by field, previews each format as text, and warns before sending without impact or next update', async () => {
		const context = await chromium.browser.newContext();
		await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
		const page = await openWith(context, declared().state, '/communication/');
		const update = generator(page, 'update');
		const preview = update.locator('[data-preview]');
		await expect.poll(() => update.locator('.send-check').count()).toBe(0);
		expect(await preview.textContent()).toMatch(/Next Update: \d\d:\d\d UTC$/);

		await update
			.locator('#gen-update-impact')
			.fill('Logins *fail* for `eu_west` <script>window.pwned = 1</script> & <b>more</b>\n# not a heading');
		await update.locator('#gen-update-nextUpdate').fill('');
		await update.getByRole('button', { name: 'Copy for Slack without Next Update' }).waitFor();
		await update.locator('#gen-update-impact').fill('  ');
		// The button says what is missing, and the values are asked for right above it; the message still copies, without the placeholder.
		await update.getByRole('button', { name: 'Copy for Slack without Impact, Next Update' }).waitFor();
		expect(await update.locator('.send-check').count()).toBe(0);
		expect(await preview.textContent()).not.toContain('[Description]');
		expect(await update.locator('.send-ask textarea, .send-ask input').count()).toBe(2);

		await update.locator('#gen-update-impact').fill('Logins *fail* <script>window.pwned = 1</script>\n# not a heading');
		await update.getByLabel('Markdown').check();
		expect(await preview.textContent()).toContain(
			'**📊 INCIDENT UPDATE**\n\nStatus: Investigating\\\nImpact: Logins \\*fail\\* \\<script\\>window.pwned = 1\\</script\\>\\\n\\# not a heading',
		);
		await update.getByLabel('Plain text').check();
		expect(await preview.textContent()).toContain(
			'📊 INCIDENT UPDATE\n\nStatus: Investigating\nImpact: Logins *fail* <script>window.pwned = 1</script>\n# not a heading',
		);
		// Shown as text, never run or parsed as HTML.
		expect(await page.evaluate(() => (window as { pwned?: number }).pwned)).toBeUndefined();
		await expect.poll(() => update.locator('script, b').count()).toBe(0);

		await update.getByRole('button', { name: 'Copy as plain text' }).click();
		expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await preview.textContent());
		await expect.poll(async () => (await stored(page)).state.incidents[0]?.events.at(-1)?.text).toBe('Copied Status Update (Plain text)');
		await context.close();
	});

	it('keeps each value asked for before sending while it is typed, on a phone, with several missing', async () => {
		const context = await chromium.browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
		const { state } = declared();
		const page = await openWith(context, state, '/communication/');
		const asked = generator(page, 'resolution').locator('[id^="gen-resolution-ask-"]');
		await expect.poll(() => asked.count()).toBeGreaterThan(1);
		for (const id of await asked.evaluateAll((boxes) => boxes.map((box) => box.id))) {
			const box = page.locator(`#${id}`);
			await box.tap();
			await page.keyboard.type('Bad deploy');
			expect(await box.inputValue()).toBe('Bad deploy');
			expect(await page.evaluate(() => document.activeElement?.id)).toBe(id);
		}
		expect(await generator(page, 'resolution').locator('[data-preview]').innerText()).toContain('Bad deploy');
		// Copied: the word that says so is on the screen, not under it, where the buttons left it on a phone.
		await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
		const copy = generator(page, 'resolution').getByRole('button', { name: /^Copy for Slack/ });
		// The button at the bottom of the screen, as the responder scrolled to it.
		await copy.evaluate((el) => window.scrollBy(0, el.getBoundingClientRect().bottom - innerHeight + 2));
		await copy.tap();
		const status = generator(page, 'resolution').locator('.copy-status');
		await expect.poll(() => status.textContent()).toContain('Copied the Resolution');
		await expect.poll(async () => (await status.boundingBox())!.y + (await status.boundingBox())!.height).toBeLessThanOrEqual(741);
		await context.close();
	});

	it('selects the text for a manual copy when the clipboard is refused, and logs that copy', async () => {
		const context = await chromium.browser.newContext();
		await context.addInitScript(() => {
			navigator.clipboard.writeText = () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError'));
		});
		const page = await openWith(context, declared().state, '/communication/');
		const resolution = generator(page, 'resolution');
		await resolution.getByRole('button', { name: /^Copy for Slack/ }).click();
		const box = resolution.getByRole('group', { name: 'Resolution (Slack)' }).locator('textarea');
		await expect.poll(() => box.inputValue()).toBe(await resolution.locator('[data-preview]').textContent());
		const selected = await box.evaluate((el: HTMLTextAreaElement) => [
			document.activeElement === el,
			el.selectionStart,
			el.selectionEnd,
			el.value.length,
		]);
		expect(selected).toEqual([true, 0, selected[3], selected[3]]);
		await page.keyboard.press('Control+C');
		await expect.poll(() => resolution.getByRole('status').textContent()).toContain('Copied the Resolution (Slack) message');
		const messages = async () =>
			((await stored(page)).state.incidents[0]?.events ?? []).filter((e) => e.kind === 'message').map((e) => e.text);
		await expect.poll(messages).toEqual(['Copied Resolution (Slack)']);
		await context.close();
	});

	it('works with no incident open: only typed values in the preview, no placeholder, nothing logged', async () => {
		const context = await chromium.browser.newContext();
		await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
		const page = await context.newPage();
		await page.goto(`${baseURL}/communication/`);
		const declaration = generator(page, 'declaration');
		await expect.poll(() => declaration.locator('[data-preview]').textContent()).toBe('*🚨 INCIDENT DECLARED*');
		await declaration.locator('#gen-declaration-impact').fill('Checkout is down');
		await declaration.getByRole('button', { name: /^Copy for Slack/ }).click();
		const copied = await page.evaluate(() => navigator.clipboard.readText());
		expect(copied).toContain('Impact: Checkout is down');
		expect(copied).not.toMatch(/\[List\]|@engineer|Affected Services/);
		await expect.poll(() => declaration.getByRole('status').textContent()).toBe('Copied the Incident Declaration (Slack) message.');
		expect(await page.evaluate((key) => localStorage.getItem(key), STATE_KEY)).toBeNull();
		await context.close();
	});

	it('marks every message of a drill on its first line', async () => {
		const context = await chromium.browser.newContext();
		const page = await openWith(context, declared({ drill: true }).state, '/communication/');
		for (const id of ['declaration', 'update', 'resolution']) {
			await expect
				.poll(() => generator(page, id).locator('[data-preview]').textContent())
				.toMatch(/^\*\[DRILL\]\* This is a drill, not a real incident\.\n\n/);
		}
		await context.close();
	});

	it('still shows the templates with JavaScript off', async () => {
		const context = await chromium.browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto(`${baseURL}/communication/`);
		const text = await page.locator('main').innerText();
		expect(text).toContain('Impact: [Description]');
		expect(text).toContain('Next Update: [Time]');
		await context.close();
	});
});

/** A short incident: declared P1 an hour ago, P0 for a quarter of an hour, two steps ticked, resolved 20 minutes ago. */
function simulated(): { state: State; id: string } {
	const now = Date.now();
	// One clock for every step, so the spans come out whole minutes.
	let { state, id } = declared({ severity: 'P1' }, min(60), now);
	const [assess, serviceDown] = ['phase/detection-triage/assess-severity', 'scenario/service-down/response'].map((key) =>
		contentChecklists(CONTENT).find((c) => c.key === key)!,
	);
	state = setSeverity(state, id, 'P0', now - min(55));
	for (const [spec, step] of [
		[assess!, assess!.steps[0]!],
		[serviceDown!, serviceDown!.steps[1]!],
	] as const) {
		state = tickItem(state, id, `${spec.key}/${step.id}`, { text: step.text, list: spec.label }, true, now - min(50));
	}
	state = setSeverity(state, id, 'P1', now - min(40));
	state = setStatus(state, id, { id: 'resolved', label: 'Resolved', closes: true }, now - min(20));
	return { state, id };
}

describe('the post-mortem', () => {
	it('is written from a short simulated incident, saved as it is typed, copied and downloaded as Markdown', async () => {
		const context = await chromium.browser.newContext({ acceptDownloads: true });
		await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
		const { state, id } = simulated();
		const page = await openWith(context, state, '/post-mortem/');
		const pm = generator(page, 'post-mortem');
		const preview = pm.locator('[data-preview]');
		const markdown = (await preview.textContent()) ?? '';
		expect(markdown).toMatch(/^# Post-Mortem: API returns 503\n/);
		// The worst level reached, named as such: it ended at P1.
		expect(markdown).toContain('- **Severity:** P0 Critical (the highest reached; P1 High at the end)\n');
		expect(markdown).toMatch(/- \*\*Duration:\*\* .+ UTC to .+ UTC \(42 min\)/);
		// Time at each severity: P1 until raised, P0 for 15 minutes, P1 again until resolved.
		expect(markdown.match(/^\| P[01] \w+ \| .+ \| .+ \| \d+ min \|$/gm)?.map((row) => [row.split(' | ')[0], row.split(' | ')[3]])).toEqual([
			['| P1 High', '7 min |'],
			['| P0 Critical', '15 min |'],
			['| P1 High', '20 min |'],
		]);
		// A row's time (its date too when the incident ran over midnight UTC, as when this test runs just after it).
		const at = String.raw`\| (?:\d{4}-\d\d-\d\d )?\d\d:\d\d UTC \| `;
		expect(markdown).toMatch(new RegExp(`${at}Severity P1 → P0 \\|`));
		// Ticks summed up per list, not one row each.
		expect(markdown).toMatch(new RegExp(String.raw`${at}Service Down: Response: \d+ steps? done`));
		expect(markdown).not.toMatch(/\| Done: /);
		expect(markdown).toMatch(new RegExp(`${at}Resolved \\|`));
		expect(markdown).toContain('- Service Down: Response: Check Redis connectivity\n');
		expect(markdown).not.toContain('- Service Down: Response: Check database connectivity\n');
		expect(markdown).not.toContain('Determine P0/P1/P2/P3\n');
		expect(markdown).toContain('Identify affected users/services\n');
		// What declaring did is not a step skipped: it named on-call and opened the channel.
		expect(markdown).not.toContain('Page on-call engineer\n');
		expect(markdown).not.toContain('Create incident channel\n');
		// The Impact section says the impact stated; no action item yet is said, not a placeholder row.
		expect(markdown).toContain('## Impact\nAll users cannot log in\n');
		expect(markdown).toContain('## Action Items\nNo action items recorded yet.\n');
		expect(markdown).not.toMatch(/\[(Action item|Name|Date)\]/);

		await pm.getByLabel('Root Cause').fill('Redis *ran out* of memory');
		await pm.getByRole('button', { name: 'Add an action item' }).click();
		await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Action item 1');
		await page.keyboard.type('Alert at 80% memory');
		await expect.poll(() => pm.locator('.send-check li').allInnerTexts()).toEqual(['Action item 1 is missing an owner and a due date.']);
		await pm.getByLabel('Action item 1: Owner').fill('@alice');
		await pm.getByLabel('Action item 1: Due').fill('2026-12-03');
		await expect.poll(() => pm.locator('.send-check').count()).toBe(0);
		const written = (await preview.textContent()) ?? '';
		// The root cause is a section its writer writes in Markdown (a `markdown` field of the fixture): kept as written.
		expect(written).toContain('## Root Cause\nRedis *ran out* of memory\n');
		expect(written).toContain('- [ ] Alert at 80% memory - Owner: @alice - Due: 2026-12-03\n');

		const [download] = await Promise.all([
			page.waitForEvent('download'),
			pm.getByRole('button', { name: `Download post-mortem-${id}.md` }).click(),
		]);
		expect(download.suggestedFilename()).toBe(`post-mortem-${id}.md`);
		expect(readFileSync(await download.path(), 'utf8')).toBe(`${written}\n`);
		await pm.getByRole('button', { name: 'Copy as Markdown' }).click();
		expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${written}\n`);

		// What was written is kept with the incident.
		await page.reload();
		await expect.poll(() => generator(page, 'post-mortem').getByLabel('Root Cause').inputValue()).toBe('Redis *ran out* of memory');
		expect((await stored(page)).state.incidents[0]?.postMortem.actionItems.map((a) => [a.item, a.owner, a.due])).toEqual([
			['Alert at 80% memory', '@alice', '2026-12-03'],
		]);
		await context.close();
	});

	it('says so when no incident is open, and shows the template', async () => {
		const page = await chromium.browser.newPage();
		await page.goto(`${baseURL}/post-mortem/`);
		await page.getByText('No incident is open, so there is nothing to fill the post-mortem from.').waitFor();
		await expect.poll(() => page.locator('main').innerText()).toContain('[Detailed analysis]');
		await page.close();
	});

	it('marks a drill on its first line', async () => {
		const context = await chromium.browser.newContext();
		const page = await openWith(context, declared({ drill: true }).state, '/post-mortem/');
		await expect
			.poll(() => generator(page, 'post-mortem').locator('[data-preview]').textContent())
			.toMatch(/^\*\*\\\[DRILL\\\]\*\* This is a drill, not a real incident\.\n\n# Post-Mortem/);
		await context.close();
	});
});

describe('the generators with an incident open', () => {
	it.each(
		['/communication/', '/post-mortem/'].flatMap(
			(url) =>
				[
					[url, 'light'],
					[url, 'dark'],
				] as const,
		),
	)('%s in %s theme has no axe violations', async (url, scheme) => {
		const context = await chromium.browser.newContext({ colorScheme: scheme });
		const page = await openWith(context, simulated().state, url);
		await page.evaluate((theme) => localStorage.setItem('starlight-theme', theme), scheme);
		await page.reload();
		await page.locator('[data-preview]').first().waitFor();
		const results = await new AxeBuilder({ page }).include('main').analyze();
		expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
		await context.close();
	});

	it.each(['/communication/', '/post-mortem/'])('%s fits a 360 px wide screen', async (url) => {
		const context = await chromium.browser.newContext({ viewport: { width: 360, height: 740 } });
		const page = await openWith(context, simulated().state, url);
		const widest = await page.evaluate(() =>
			Math.max(...[...document.querySelectorAll('[data-generator] *')].map((el) => el.getBoundingClientRect().right)),
		);
		expect(widest).toBeLessThanOrEqual(360);
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
		await context.close();
	});
});
