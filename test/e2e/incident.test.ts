import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { fillDeclareDialog } from '../support/declare.ts';
import { useChromium } from '../support/useChromium.ts';

const baseURL = inject('baseURL');
const T = new Date('2026-11-26T03:14:00Z');
const chromium = useChromium({ baseURL }, (context) => context.clock.install({ time: T }));

/** Classify as P0 from a pasted link, then declare from the result. */
async function declareP0(page: Page, title = 'API returns 503') {
	await page.goto('/classify/?seen=P0:service-completely-down');
	await expect.poll(() => page.locator('#classification-result').innerText()).toContain('Service completely down');
	await page.getByRole('link', { name: 'Declare a P0 incident' }).click();
	await page.getByLabel('Title').fill(title);
	await page.getByLabel('Impact').fill('Nobody can log in');
	await page.getByRole('button', { name: 'Declare and copy the message' }).click();
	// Declared in place, over the classifier: then on to the workspace.
	await page.locator('.declare-dialog .declared').waitFor();
	await page.goto('/incident/');
	await page.locator('#incident-title').waitFor();
}
const deadline = (page: Page, id: string) => page.locator(`.deadline[data-deadline="${id}"]`);

describe('classify, declare and follow an incident', () => {
	it('announces the classification from a pasted link, with why and what follows', async () => {
		const page = await chromium.context.newPage();
		await page.goto('/classify/?seen=P2:minor-feature-broken&performance-degradation=60');
		const status = page.locator('#classification-result');
		await expect.poll(() => status.innerText()).toMatch(/P1\s+High/);
		const text = await status.innerText();
		expect(text).toContain('Performance degradation (>50%) (60%) (P1)');
		expect(text).toContain('Minor feature broken (P2)');
		expect(text).toContain('if not resolved in 1 hour');
		await page.getByLabel('Performance degradation (%)').fill('50');
		await expect.poll(() => status.innerText()).toMatch(/P2\s+Medium/);
		await expect.poll(() => page.url()).toContain('performance-degradation=50');
	});

	it('keeps the declared incident across a reload, with the elapsed time and deadlines right', async () => {
		const page = await chromium.context.newPage();
		await declareP0(page);
		await chromium.context.clock.fastForward('10:00');
		await page.reload();
		await expect.poll(() => page.locator('.elapsed-clock').innerText()).toMatch(/^10 min [0-5]\d s$/);
		// Declaring at once is the response: met, however long since.
		expect(await deadline(page, 'response').innerText()).toMatch(/done/i);
		// The level's escalation, with the rung it brings in then.
		expect(await deadline(page, 'rung:engineering-lead').innerText()).toMatch(/upcoming/i);
		await chromium.context.clock.fastForward('05:00');
		await expect.poll(() => deadline(page, 'rung:engineering-lead').innerText()).toMatch(/due now/i);
		expect(await page.locator('.incident-summary').innerText()).toMatch(/#incident-20261126-03\d\d/);
	});

	it('shows the incident bar on every other page, and in a second tab as soon as it is declared', async () => {
		const other = await chromium.context.newPage();
		await other.goto('/escalation/');
		expect(await other.locator('#incident-bar').isHidden()).toBe(true);
		const page = await chromium.context.newPage();
		await declareP0(page, 'Checkout down');
		const bar = other.locator('#incident-bar');
		await bar.waitFor({ state: 'visible', timeout: 2000 });
		expect(await bar.innerText()).toMatch(
			/P0[\s\S]*Checkout down[\s\S]*since detection[\s\S]*Escalate: Engineering Lead\s+in \d+ min \d\d s/,
		);
		await page.goto('/tools/');
		await page
			.locator('#incident-bar')
			.getByRole('link', { name: /^Workspace:/ })
			.waitFor();
	});

	it('walks the escalation path: due, overdue, brought in, logged', async () => {
		const page = await chromium.context.newPage();
		await declareP0(page);
		// The first rung above the responder falls due when the level says to escalate: one line, told by the level's rule.
		const escalateAfter = await page.evaluate(() =>
			Number(document.querySelector('.deadline[data-deadline="rung:engineering-lead"]')?.textContent?.match(/in (\d+) minutes/)?.[1]),
		);
		expect(escalateAfter).toBeGreaterThan(0);
		await chromium.context.clock.fastForward(`${escalateAfter + 1}:00`);
		const lead = deadline(page, 'rung:engineering-lead');
		await expect.poll(() => lead.innerText()).toMatch(/due now/i);
		await chromium.context.clock.fastForward('05:00');
		await expect.poll(() => lead.innerText()).toMatch(/overdue/i);
		// By keyboard: the button goes once pressed, and the focus stays on its row, not <body>.
		await page.getByRole('button', { name: 'Mark Engineering Lead as brought in' }).focus();
		await page.keyboard.press('Enter');
		await expect.poll(() => lead.innerText()).toMatch(/done/i);
		await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-deadline'))).toBe('rung:engineering-lead');
		expect(await page.locator('.events').innerText()).toContain('Escalated to Engineering Lead');
		expect(await deadline(page, 'rung:ceo').innerText()).toMatch(/only if/i);
		// A note added by keyboard leaves the focus in the box, ready for the next one.
		await page.getByLabel('Add a note').fill('Rolled back the cache change');
		await page.keyboard.press('Tab');
		await page.keyboard.press('Enter');
		await expect.poll(() => page.locator('.events').innerText()).toContain('Rolled back the cache change');
		await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('timeline-note');
	});

	it('notifies when an escalation falls due, where the user allowed it', async () => {
		await chromium.context.grantPermissions(['notifications'], { origin: baseURL });
		await chromium.context.addInitScript(() => {
			const shown: string[] = [];
			(window as unknown as { shown: string[] }).shown = shown;
			window.Notification = class {
				static permission = 'granted';
				constructor(title: string) {
					shown.push(title);
				}
			} as unknown as typeof Notification;
		});
		const page = await chromium.context.newPage();
		await declareP0(page);
		await page.goto('/scenarios/service-down/');
		await chromium.context.clock.fastForward('15:01');
		// The level's escalation and the rung it brings in then: one notification, one line on the timeline.
		const shown = () => page.evaluate(() => (window as unknown as { shown: string[] }).shown);
		await expect.poll(shown).toContain('Escalate: Engineering Lead due');
		expect((await shown()).filter((title) => title.includes('Escalate') || title.includes('Engineering Lead'))).toHaveLength(1);
		await page.goto('/incident/');
		await expect
			.poll(() => page.locator('.events').innerText())
			.toContain('Due: Escalate: Engineering Lead (P0: escalate if not resolved in 15 minutes)');
		expect(await page.locator('.events').innerText()).not.toMatch(/Due: Escalate \(|Due: Engineering Lead/);
	});

	it('records severity and status changes, and keeps several incidents apart', async () => {
		const page = await chromium.context.newPage();
		await declareP0(page, 'First');
		await page.getByLabel('Severity').selectOption('P1');
		await page.getByRole('button', { name: 'Identified' }).click();
		await expect.poll(() => page.locator('.events').innerText()).toMatch(/Status: Identified[\s\S]*Severity P0 → P1/);
		await page.getByRole('button', { name: 'Start another incident' }).click();
		await fillDeclareDialog(page, { title: 'Second', severity: 'P3' });
		await expect.poll(() => page.locator('#incident-title').innerText()).toContain('Second');
		await page.locator('.incident-list li', { hasText: 'First' }).getByRole('button', { name: 'Open' }).click();
		await expect.poll(() => page.locator('#incident-title').innerText()).toContain('First');
		await page.getByRole('button', { name: 'Resolved' }).click();
		await page.getByRole('button', { name: 'Mark resolved' }).click();
		await page.reload();
		await expect.poll(() => page.locator('.incident-list').innerText()).toMatch(/Open\s+P3\s+Second[\s\S]*Resolved\s+P1\s+First/);
	});

	it('offers the first status update one tap away, before it is due, and copies and logs it', async () => {
		await chromium.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
		const page = await chromium.context.newPage();
		await page.setViewportSize({ width: 360, height: 740 });
		await declareP0(page);
		expect(await deadline(page, 'update').innerText()).toMatch(/upcoming/i);
		const next = page.getByRole('region', { name: /^Next message: / });
		const edit = next.getByRole('link', { name: 'Edit it first' });
		expect(new URL((await edit.getAttribute('href'))!, baseURL).pathname).toBe('/communication/');
		// By keyboard from the incident's title: a few Tabs past the status buttons, not 60 key presses.
		await page.locator('#incident-title').focus();
		let presses = 0;
		const copy = next.getByRole('button', { name: /^Copy the / });
		while (!(await copy.evaluate((el) => el === document.activeElement)) && presses < 30) {
			await page.keyboard.press('Tab');
			presses++;
		}
		expect(presses).toBeLessThan(20);
		const top = await copy.evaluate((el) => el.getBoundingClientRect().top + window.scrollY);
		console.log(`next message: ${presses} Tabs from the title, ${Math.round(top)} px from the top at 360 px`);
		await page.keyboard.press('Enter');
		await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toMatch(/Nobody can log in/);
		await expect.poll(() => page.locator('.events').innerText()).toMatch(/Copied .+ \(Slack\)[\s\S]*Copied/);
		expect(await next.getByRole('status').innerText()).toMatch(/copied at \d\d:\d\d UTC and logged/);
	});

	it('asks for a new status update once the status changes after one was copied', async () => {
		await chromium.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
		const page = await chromium.context.newPage();
		await declareP0(page);
		const next = page.getByRole('region', { name: /^Next message: / });
		await next.getByRole('button', { name: /^Copy the / }).click();
		await expect.poll(() => next.getByRole('status').innerText()).toMatch(/copied at \d\d:\d\d UTC and logged/);
		expect(await deadline(page, 'update').innerText()).toMatch(/upcoming/i);
		await page.getByRole('button', { name: 'Identified' }).click();
		await expect.poll(() => deadline(page, 'update').innerText()).toMatch(/due now/i);
		expect(await next.innerText()).toMatch(/Send it now: due \d\d:\d\d UTC, .+ ago/);
		expect(await next.getByRole('status').innerText()).toBe('');
	});

	it('says the update was not copied when a value it needs is missing, on the workspace, and leaves the clipboard alone', async () => {
		await chromium.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
		const page = await chromium.context.newPage();
		await page.setViewportSize({ width: 360, height: 740 });
		await page.goto('/classify/?seen=P0:service-completely-down');
		await page.getByRole('link', { name: 'Declare a P0 incident' }).click();
		await page.getByLabel('Title').fill('No impact written');
		await page.getByLabel('Impact').fill('');
		await page.getByRole('button', { name: 'Declare and copy the message' }).click();
		await page.locator('.declare-dialog .declared').waitFor();
		const declaration = await page.evaluate(() => navigator.clipboard.readText());
		await page.goto('/incident/');
		const next = page.getByRole('region', { name: /^Next message: / });
		await next.getByRole('button', { name: /^Copy the / }).click();
		await expect.poll(() => next.getByRole('status').innerText()).toMatch(/^Not copied: Impact still to write\.$/);
		const write = next.getByRole('link', { name: /^Write Impact in the / });
		await expect.poll(() => write.evaluate((el) => el === document.activeElement)).toBe(true);
		expect(new URL(page.url()).pathname).toBe('/incident/');
		expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(declaration);
		await write.click();
		await expect.poll(() => new URL(page.url()).pathname).toBe('/communication/');
	});

	it('asks before resolving, then offers the resolution message and the post-mortem', async () => {
		const page = await chromium.context.newPage();
		await declareP0(page);
		await page.getByRole('button', { name: 'Resolved' }).click();
		await page.getByRole('button', { name: 'Not yet' }).click();
		expect(await page.locator('.incident-summary').innerText()).not.toContain('Lasted');
		await page.getByRole('button', { name: 'Resolved' }).click();
		// The focus is on "Not yet": Enter twice at once would change nothing; the way to resolve is one key before it.
		await page.keyboard.press('Shift+Tab');
		await page.keyboard.press('Enter');
		const next = page.getByRole('region', { name: 'Next: say it is resolved' });
		await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('next-message-title');
		await next.getByRole('link', { name: 'Write the post-mortem' }).waitFor();
		await next.getByRole('link', { name: /^Write the .+ message$/ }).click();
		await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/^#template-/);
		const id = await page.evaluate(() => location.hash.slice(1));
		expect(await page.locator(`#${id}`).isVisible()).toBe(true);
		// The first value still to write has the focus, and stays in view as the generators above it fill in.
		await expect.poll(() => page.evaluate(() => document.activeElement?.id ?? '')).toMatch(/-ask-rootCause$/);
		await page.waitForFunction(() => document.querySelectorAll('astro-island[ssr]').length === 0);
		await page.evaluate(() => new Promise((done) => setTimeout(done, 1000)));
		const inView = () =>
			page.evaluate(() => {
				const box = document.activeElement!.getBoundingClientRect();
				return box.top >= 0 && box.bottom <= innerHeight;
			});
		expect(await page.evaluate(() => document.activeElement?.id)).toMatch(/-ask-rootCause$/);
		expect(await inView()).toBe(true);
	});
});
