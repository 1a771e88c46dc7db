import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { MAX_STEP_NOTE_LENGTH } from '../../src/lib/stepNoteLimit.ts';
import { phasePath, scenarioPath } from '../../src/lib/urls.ts';
import { fillDeclareDialog } from '../support/declare.ts';
import { useChromium } from '../support/useChromium.ts';

const baseURL = inject('baseURL');
const chromium = useChromium({ baseURL, acceptDownloads: true });

const box = (page: Page, name: string) => page.getByRole('checkbox', { name, exact: true });
const row = (page: Page, step: string) => page.locator(`li[data-step="${step}"]`);
/** A step of a list, as the page names it. */
interface Step {
	id: string;
	text: string;
}
const stored = (page: Page) => page.evaluate(() => JSON.parse(localStorage.getItem('playbook:state') ?? 'null'));

async function declare(page: Page, title: string) {
	// A link that asks for a declaration opens the form at once.
	await page.goto('/incident/?scenario=service-down');
	await fillDeclareDialog(page, { title, severity: 'P1', responder: 'alice' });
	await page.locator('#incident-title').waitFor();
}

describe('checklists', () => {
	it('keep a tick across a reload, with its time, and mark the next step', async () => {
		const page = await chromium.context.newPage();
		await page.goto(scenarioPath('service-down'));
		await row(page, 'check-service-status-render-fly-io-kubernetes').click();
		await expect.poll(() => box(page, 'Check service status (Render/Fly.io/Kubernetes)').isChecked()).toBe(true);
		await page.reload();
		await expect.poll(() => box(page, 'Check service status (Render/Fly.io/Kubernetes)').isChecked()).toBe(true);
		expect(await row(page, 'check-service-status-render-fly-io-kubernetes').innerText()).toMatch(/\d\d:\d\d UTC/);
		expect(await row(page, 'check-database-connectivity').getAttribute('aria-current')).toBe('step');
		expect(await page.locator('.checklist-island[data-list="scenario/service-down/response"] .checklist-progress').innerText()).toContain(
			'1 of 6 done',
		);
		expect(await page.locator('.checklist-target').first().innerText()).toContain('no incident open');
	});

	it('refuse a step note longer than a note holds, saying why and keeping every character pasted', async () => {
		const page = await chromium.context.newPage();
		await page.goto(scenarioPath('service-down'));
		await page.waitForFunction(() => document.querySelectorAll('astro-island[ssr]').length === 0);
		const step = row(page, 'check-database-connectivity');
		await step.getByRole('button', { name: /^Add note/ }).click();
		const field = step.getByRole('textbox');
		const long = `${'db-primary-7 refused connections; '.repeat(20)}end`;
		expect(long.length).toBeGreaterThan(MAX_STEP_NOTE_LENGTH);
		await field.fill(long);
		await step.getByRole('button', { name: 'Save' }).click();
		// Not cut: the box still holds all of it, says how much a note holds, and nothing is kept.
		expect(await field.inputValue()).toBe(long);
		// The browser says so at the box (its own words, then the box's title, which names the limit).
		expect(await field.evaluate((el: HTMLInputElement) => [el.validity.valid, el.validationMessage !== '', el.title])).toEqual([
			false,
			true,
			expect.stringContaining(String(MAX_STEP_NOTE_LENGTH)),
		]);
		expect(JSON.stringify(await stored(page))).not.toContain('db-primary-7');
		// At the limit exactly, it is kept whole.
		const fits = long.slice(0, MAX_STEP_NOTE_LENGTH);
		await field.fill(fits);
		await field.press('Enter');
		await expect.poll(async () => JSON.stringify(await stored(page))).toContain(JSON.stringify(fits));
		expect(await step.locator('.step-note').innerText()).toContain(fits.trim());
	});

	it('carry a step’s note to the incident’s timeline, one written before declaring too', async () => {
		const context = await chromium.browser.newContext({ baseURL });
		const page = await context.newPage();
		const note = async (id: string, text: string) => {
			await page.goto(scenarioPath('service-down'));
			await page.waitForFunction(() => document.querySelectorAll('astro-island[ssr]').length === 0);
			await row(page, id)
				.getByRole('button', { name: /^Add note/ })
				.click();
			await row(page, id).getByRole('textbox').fill(text);
			await row(page, id).getByRole('textbox').press('Enter');
			await expect.poll(async () => JSON.stringify(await stored(page))).toContain(text);
		};
		await note('check-database-connectivity', 'replica lag 40 s on db-2');
		await declare(page, 'Checkout down');
		await expect.poll(() => page.locator('.timeline').innerText()).toContain('replica lag 40 s on db-2');
		await note('check-service-status-render-fly-io-kubernetes', 'pods restarting');
		await page.goto('/incident/');
		await expect.poll(() => page.locator('.timeline').innerText()).toContain('pods restarting');
		await context.close();
	});

	it('put the focus in a step’s note box when it opens, also on a page opened at a heading (an address with a #)', async () => {
		const page = await chromium.context.newPage();
		// The browser applies no autofocus on a page whose address has a fragment: the box must be focused by the page.
		await page.goto(`${scenarioPath('service-down')}#response`);
		await page.waitForFunction(() => document.querySelectorAll('astro-island[ssr]').length === 0);
		const step = row(page, 'check-database-connectivity');
		await step.getByRole('button', { name: /^Add note/ }).click();
		await expect.poll(() => step.getByRole('textbox').evaluate((box) => box === document.activeElement)).toBe(true);
		await page.keyboard.type('db-primary-7');
		expect(await step.getByRole('textbox').inputValue()).toBe('db-primary-7');
	});

	it('tick on a tap on the step’s words on a phone, not only on the box', async () => {
		const context = await chromium.browser.newContext({ baseURL, viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
		const page = await context.newPage();
		await page.goto(scenarioPath('service-down'));
		const step = row(page, 'check-database-connectivity');
		const words = step.locator('.step-text');
		await words.scrollIntoViewIfNeeded();
		await page.waitForFunction(() => document.querySelectorAll('astro-island[ssr]').length === 0);
		const text = await words.boundingBox();
		const tick = await step.locator('input[type=checkbox]').boundingBox();
		expect(text!.x).toBeGreaterThan(tick!.x + tick!.width);
		await page.touchscreen.tap(text!.x + text!.width / 2, text!.y + text!.height / 2);
		await expect.poll(() => box(page, 'Check database connectivity').isChecked()).toBe(true);
		// The row is the target: at least 44 px tall.
		expect((await step.boundingBox())!.height).toBeGreaterThanOrEqual(44);
		await context.close();
	});

	it('move no step when one is ticked, so a second quick tap lands on the step aimed at', async () => {
		const context = await chromium.browser.newContext({ baseURL, viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
		const page = await context.newPage();
		await page.goto(scenarioPath('service-down'));
		await page.waitForFunction(() => document.querySelectorAll('astro-island[ssr]').length === 0);
		// Every step whose words take more than one line on a phone (a one-line step has room for the tick's line anyway).
		const long = await page
			.locator('ol.checklist > li')
			.evaluateAll((rows) =>
				rows
					.filter((r) => r.nextElementSibling && r.querySelector('.step-text')!.getBoundingClientRect().height > 40)
					.map((r) => r.getAttribute('data-step')!),
			);
		expect(long.length).toBeGreaterThan(0);
		for (const id of long) {
			const step = row(page, id);
			const below = step.locator('xpath=following-sibling::li[1]');
			await step.scrollIntoViewIfNeeded();
			const before = (await below.boundingBox())!.y;
			const words = (await step.locator('.step-text').boundingBox())!;
			await page.touchscreen.tap(words.x + words.width / 2, words.y + words.height / 2);
			await expect.poll(() => step.locator('input[type=checkbox]').isChecked()).toBe(true);
			await step.locator('.tick-meta').waitFor();
			expect(Math.abs((await below.boundingBox())!.y - before), id).toBeLessThanOrEqual(1);
		}
		await context.close();
	});

	it('keep a tick made before the store has loaded, even when the page is left at once', async () => {
		const page = await chromium.context.newPage();
		// The store and zod arrive late: the page shows its ticks without them, and loads them on the first tick.
		const store: string[] = [];
		await page.route(/\/_astro\/(store|vendor-zod|state)[.-]/, async (route) => {
			store.push(route.request().url());
			await new Promise((resolve) => setTimeout(resolve, 1500));
			await route.continue();
		});
		await page.goto(scenarioPath('service-down'));
		await expect.poll(() => page.locator('.checklist-target').first().innerText()).toContain('no incident open');
		expect(store).toEqual([]);
		await row(page, 'check-database-connectivity').click();
		expect(await box(page, 'Check database connectivity').isChecked()).toBe(true);
		await page.reload();
		await expect.poll(() => box(page, 'Check database connectivity').isChecked()).toBe(true);
		expect((await stored(page)).state.scratch['scenario/service-down/response/check-database-connectivity'].done).toBe(true);
	});

	it('keep a tick made before the store has loaded when the tab dies at once, for the next page of any tab', async () => {
		const context = await chromium.browser.newContext({ baseURL });
		const page = await context.newPage();
		// The store never arrives on this page: it dies first.
		await page.route(/\/_astro\/(store|vendor-zod|state)[.-]/, () => new Promise(() => {}));
		await page.goto(scenarioPath('service-down'));
		await expect.poll(() => page.locator('.checklist-target').first().innerText()).toContain('no incident open');
		await row(page, 'check-database-connectivity').click();
		expect(await box(page, 'Check database connectivity').isChecked()).toBe(true);
		// A crash runs no pagehide or unload handler: what is kept was stored in the press itself.
		const cdp = await context.newCDPSession(page);
		const crashed = page.waitForEvent('crash');
		void cdp.send('Page.crash').catch(() => {});
		await crashed;
		const other = await context.newPage();
		await other.goto(scenarioPath('service-down'));
		await expect.poll(() => box(other, 'Check database connectivity').isChecked()).toBe(true);
		const state = await stored(other);
		expect(state.state.scratch['scenario/service-down/response/check-database-connectivity'].done).toBe(true);
		expect(await other.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('playbook:pending:')))).toEqual([]);
		await other.close();
		await context.close().catch(() => {});
	});

	it('tick into the open incident, by name, onto its timeline; earlier ticks can be attached', async () => {
		const page = await chromium.context.newPage();
		await page.goto(phasePath('detection-triage'));
		await box(page, 'Monitoring alerts').check();
		// Taken by the page (its time shows): a box ticked before the page's script runs, on a page left before it runs, is lost.
		await row(page, 'monitoring-alerts').locator('.tick-meta').waitFor();
		await declare(page, 'Login errors');
		await page.goto(phasePath('detection-triage'));
		await box(page, 'Page on-call engineer').check();
		await expect.poll(() => row(page, 'page-on-call-engineer').innerText()).toContain('alice');
		const state = await stored(page);
		const incident = state.state.incidents[0];
		expect(Object.keys(incident.ticks).sort()).toEqual([
			'phase/detection-triage/activate-response-team/page-on-call-engineer',
			'phase/detection-triage/detect-incident/monitoring-alerts',
		]);
		expect(state.state.scratch).toEqual({});
		await page.goto('/incident/');
		await expect
			.poll(() => page.locator('.events').innerText())
			.toContain('Done: Page on-call engineer (Phase 1: Detection & Triage — Activate Response Team) — alice');
		await expect.poll(() => page.locator('.page-progress').innerText()).toMatch(/Phase 1: Detection & Triage\s+2\/10/);
		// Every page's bar in one column, whatever the length of its name, on a phone and on a desktop.
		for (const width of [360, 1280]) {
			await page.setViewportSize({ width, height: 800 });
			const bars = await page.locator('.page-progress progress').evaluateAll((els) =>
				els.map((el) => {
					const r = el.getBoundingClientRect();
					return [Math.round(r.left), Math.round(r.width)];
				}),
			);
			expect(bars.length, `${width} px`).toBeGreaterThan(2);
			expect(new Set(bars.map((b) => b.join())).size, `${width} px: ${JSON.stringify(bars)}`).toBe(1);
		}
	});

	it('attach a tick the last page left to an incident declared before this page has applied it', async () => {
		const context = await chromium.browser.newContext({ baseURL });
		const before = await context.newPage();
		// The tick's code never arrives on the runbook: the tick is held for the next page.
		await before.route(/\/_astro\/(store|vendor-zod|state)[.-]/, () => new Promise(() => {}));
		await before.goto(phasePath('detection-triage'));
		await expect.poll(() => before.locator('.checklist-target').first().innerText()).toContain('no incident open');
		await box(before, 'Monitoring alerts').check();
		await before.close();
		const page = await context.newPage();
		// The code that applies what the last page left is slow here: the form is filled and sent before it runs.
		await page.route(/\/_astro\/checklistChanges\.onDemand\./, async (route) => {
			await new Promise((resolve) => setTimeout(resolve, 2500));
			await route.continue();
		});
		await page.goto('/incident/?scenario=service-down');
		await fillDeclareDialog(page, { title: 'Login errors', severity: 'P1', responder: 'alice' });
		await page.locator('#incident-title').waitFor();
		await expect
			.poll(async () => Object.keys((await stored(page)).state.incidents[0]?.ticks ?? {}))
			.toEqual(['phase/detection-triage/detect-incident/monitoring-alerts']);
		expect((await stored(page)).state.scratch).toEqual({});
		await context.close();
	});

	it('merge ticks made in two tabs, each showing the other within two seconds', async () => {
		const a = await chromium.context.newPage();
		const b = await chromium.context.newPage();
		await a.goto(scenarioPath('database-issues'));
		await b.goto(scenarioPath('database-issues'));
		await box(a, 'Check database status').check();
		await box(b, 'Check connection pool').check();
		await expect.poll(() => box(a, 'Check connection pool').isChecked(), { timeout: 2000 }).toBe(true);
		await expect.poll(() => box(b, 'Check database status').isChecked(), { timeout: 2000 }).toBe(true);
		const ticks = (await stored(a)).state.scratch;
		expect(
			Object.keys(ticks)
				.filter((k) => ticks[k].done)
				.sort(),
		).toEqual(['scenario/database-issues/response/check-connection-pool', 'scenario/database-issues/response/check-database-status']);
	});

	it('export as Markdown by clipboard and by download', async () => {
		await chromium.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
		const page = await chromium.context.newPage();
		await page.goto(scenarioPath('security-incident'));
		await box(page, 'IMMEDIATE: Isolate affected systems').check();
		const list = page.locator('.checklist-island[data-list="scenario/security-incident/response"]');
		await list.getByRole('button', { name: 'Copy as Markdown' }).click();
		await expect.poll(() => list.locator('[role="status"]').innerText()).toContain('Copied');
		const copied = await page.evaluate(() => navigator.clipboard.readText());
		expect(copied).toMatch(
			/^### Security Incident: Response\n\n- \[x\] \*\*IMMEDIATE:\*\* Isolate affected systems — \d\d:\d\d UTC\n- \[ \] Preserve logs\/evidence\n/,
		);
		const [download] = await Promise.all([page.waitForEvent('download'), list.getByRole('button', { name: 'Download .md' }).click()]);
		expect(download.suggestedFilename()).toBe('scenario-security-incident-response.md');
		const file = join(tmpdir(), `checklist-${Date.now()}.md`);
		await download.saveAs(file);
		expect(readFileSync(file, 'utf8')).toBe(copied);
	});

	it('reset a list, and undo the reset', async () => {
		const page = await chromium.context.newPage();
		await page.goto(scenarioPath('high-error-rate'));
		await box(page, 'Identify error patterns').check();
		await box(page, 'Review error logs').check();
		const list = page.locator('.checklist-island[data-list="scenario/high-error-rate/response"]');
		await list.getByRole('button', { name: 'Reset list' }).click();
		await expect.poll(() => list.locator('[role="status"]').innerText()).toContain('Cleared 2 ticks');
		expect(await box(page, 'Review error logs').isChecked()).toBe(false);
		await list.getByRole('button', { name: 'Undo' }).click();
		await expect.poll(() => box(page, 'Review error logs').isChecked()).toBe(true);
		expect(await box(page, 'Identify error patterns').isChecked()).toBe(true);
	});

	it('print with their ticks and times', async () => {
		const page = await chromium.context.newPage();
		await page.goto(scenarioPath('service-down'));
		await box(page, 'Check Redis connectivity').check();
		await page.emulateMedia({ media: 'print' });
		await expect.poll(() => box(page, 'Check Redis connectivity').isChecked()).toBe(true);
		await expect.poll(() => row(page, 'check-redis-connectivity').locator('.tick-meta').isVisible()).toBe(true);
		expect(await page.locator('.checklist-tools').first().isVisible()).toBe(false);
	});
});

describe('ticks made before the page came alive, as on a slow phone', () => {
	it('are kept and logged once, over the stored ticks, without the boxes flickering', async () => {
		const context = chromium.context;
		const page = await context.newPage();
		await declare(page, 'Slow phone');
		await page.goto(scenarioPath('service-down'));
		// The longest list of the page, its steps as the page names them.
		const list = await page.evaluate(() => {
			const lists = [...document.querySelectorAll<HTMLElement>('.checklist-island')];
			const longest = lists.sort((a, b) => b.querySelectorAll('li[data-step]').length - a.querySelectorAll('li[data-step]').length)[0]!;
			const steps = [...longest.querySelectorAll<HTMLElement>('li[data-step]')].map((li) => {
				const label = li.querySelector('.step-text')!;
				const text = [...label.childNodes]
					.filter((n) => n.nodeName !== 'STRONG')
					.map((n) => n.textContent)
					.join('');
				return { id: li.dataset['step']!, text: text.trim() };
			});
			return { key: longest.dataset['list']!, steps };
		});
		expect(list.steps.length).toBeGreaterThanOrEqual(5);
		const [a, b, c, d, e] = list.steps as [Step, Step, Step, Step, Step];
		const input = (step: { id: string }) => row(page, step.id).locator('input[type="checkbox"]');
		// Ticked earlier (or in another tab): c is left alone on the slow page, d is ticked there again.
		await input(c).check();
		await input(d).check();
		await expect.poll(async () => Object.keys((await stored(page)).state.incidents[0].ticks).length).toBe(2);

		// The page's scripts are held back until the responder has ticked.
		let release = () => {};
		const held = new Promise<void>((resolve) => (release = resolve));
		await context.route('**/_astro/*.js', async (route) => {
			await held;
			await route.continue();
		});
		await page.goto(scenarioPath('service-down'), { waitUntil: 'commit' });
		await input(a).check();
		await input(b).check();
		await input(d).check();
		// Ticked and unticked again: as the server rendered it, so nothing to keep.
		await input(e).check();
		await input(e).uncheck();
		// Every frame from here on: a and b must never show unticked.
		await page.evaluate(
			(ids) => {
				const frames: boolean[][] = [];
				(window as unknown as { frames_: boolean[][] }).frames_ = frames;
				const look = () => {
					frames.push(
						ids.map((id) => document.querySelector<HTMLInputElement>(`li[data-step="${id}"] input[type="checkbox"]`)?.checked ?? false),
					);
					requestAnimationFrame(look);
				};
				look();
			},
			[a.id, b.id],
		);
		const released = Date.now();
		release();
		await page.locator(`astro-island:not([ssr]) .checklist-island[data-list="${list.key}"]`).waitFor({ state: 'attached' });
		const hydrated = await page.evaluate(() => Date.now());
		await expect.poll(() => page.locator(`.checklist-island[data-list="${list.key}"] .checklist-target`).count()).toBe(1);
		await page.waitForTimeout(300);

		const shown = async () => Promise.all([a, b, c, d, e].map((step) => input(step).isChecked()));
		await expect.poll(shown).toEqual([true, true, true, true, false]);
		const frames = await page.evaluate(() => (window as unknown as { frames_: boolean[][] }).frames_);
		expect(frames.length).toBeGreaterThan(1);
		expect(frames.filter((f) => !f.every(Boolean))).toEqual([]);

		const incident = async () => (await stored(page)).state.incidents[0];
		const keyOf = (step: { id: string }) => `${list.key}/${step.id}`;
		await expect.poll(async () => Object.keys((await incident()).ticks).sort()).toEqual([a, b, c, d].map(keyOf).sort());
		const { ticks, events } = await incident();
		for (const step of [a, b]) {
			expect(ticks[keyOf(step)].done).toBe(true);
			expect(ticks[keyOf(step)].at).toBeLessThanOrEqual(hydrated);
			expect(ticks[keyOf(step)].at).toBeGreaterThanOrEqual(released - 1000);
		}
		const logged = (step: { text: string }) =>
			(events as { kind: string; text: string; at: number }[]).filter((event) => event.text.startsWith(`Done: ${step.text} (`));
		for (const step of [a, b, c, d]) expect(logged(step)).toHaveLength(1);
		for (const step of [a, b]) expect(logged(step)[0]!.at).toBeLessThanOrEqual(hydrated);
		expect((events as { kind: string }[]).filter((event) => event.kind === 'untick')).toEqual([]);

		await context.unroute('**/_astro/*.js');
		await page.reload();
		await page.locator(`astro-island:not([ssr]) .checklist-island[data-list="${list.key}"]`).waitFor({ state: 'attached' });
		await expect.poll(shown).toEqual([true, true, true, true, false]);
	});

	it('are not taken from boxes the browser restores on going back, over a change made in another tab', async () => {
		const page = await chromium.context.newPage();
		await page.goto(scenarioPath('service-down'));
		const first = page.locator('.checklist-island li[data-step]').first();
		const step = await first.getAttribute('data-step');
		const input = (p: Page) => p.locator(`li[data-step="${step}"] input[type="checkbox"]`).first();
		await input(page).check();
		await expect
			.poll(async () => Object.values((await stored(page)).state.scratch).filter((t) => (t as { done: boolean }).done).length)
			.toBe(1);
		await page.goto(phasePath('detection-triage'));
		// Meanwhile another tab unticks it.
		const other = await chromium.context.newPage();
		await other.goto(scenarioPath('service-down'));
		await input(other).uncheck();
		await expect
			.poll(async () => Object.values((await stored(other)).state.scratch).filter((t) => (t as { done: boolean }).done).length)
			.toBe(0);
		await other.close();
		await page.goBack();
		await page.locator('astro-island:not([ssr]) .checklist-island').first().waitFor({ state: 'attached' });
		await expect.poll(() => page.locator('.checklist-target').count()).toBeGreaterThan(0);
		await page.waitForTimeout(500);
		expect(await input(page).isChecked()).toBe(false);
		expect(Object.values((await stored(page)).state.scratch).filter((t) => (t as { done: boolean }).done)).toEqual([]);
	});
});

describe('incident JSON export and import', () => {
	it('round-trips through a file into another browser, refusing bad files without changing anything', async () => {
		const page = await chromium.context.newPage();
		await declare(page, 'Exported incident');
		await page.goto(scenarioPath('service-down'));
		await box(page, 'Check Redis connectivity').check();
		await page.goto('/incident/');
		const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download .json' }).click()]);
		const file = join(tmpdir(), download.suggestedFilename());
		await download.saveAs(file);

		const other = await chromium.browser.newContext({ baseURL });
		const page2 = await other.newPage();
		await page2.goto('/incident/');
		const bad = join(tmpdir(), 'not-ours.json');
		writeFileSync(bad, '{"name": "package"}');
		await page2.locator('input[type="file"]').setInputFiles(bad);
		await expect
			.poll(() => page2.getByRole('alert').innerText())
			.toContain('not-ours.json was not imported: The file is JSON, but not an incident exported from this playbook. Nothing was changed.');
		expect(await page2.evaluate(() => localStorage.getItem('playbook:state'))).toBeNull();

		await page2.locator('input[type="file"]').setInputFiles(file);
		await expect.poll(() => page2.locator('#incident-title').innerText()).toContain('Exported incident');
		await page2.goto(scenarioPath('service-down'));
		await expect.poll(() => box(page2, 'Check Redis connectivity').isChecked()).toBe(true);

		await page2.goto('/incident/');
		await page2.locator('input[type="file"]').setInputFiles(file);
		await page2.getByRole('button', { name: 'Keep both' }).click();
		await expect.poll(() => page2.locator('.incident-list').innerText()).toMatch(/copy/);
		expect((await stored(page2)).state.incidents).toHaveLength(2);
		await other.close();
	});
});
