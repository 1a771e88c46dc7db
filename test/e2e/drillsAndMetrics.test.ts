import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { parse } from 'yaml';
import { addNote, declareIncident, logMessage, setSeverity, setStatus } from '../../src/lib/incidents.ts';
import { exportIncident } from '../../src/lib/incidentJson.ts';
import { emptyState, type State } from '../../src/lib/state.ts';
import { DrillSchema } from '../../src/schemas/drill.ts';
import { ROOT } from '../support/buildSite.ts';
import { useChromium } from '../support/useChromium.ts';
import { readFrontmatter } from '../support/frontmatter.ts';

const baseURL = inject('baseURL');
const T = new Date('2026-11-26T03:14:00Z');
const MIN = 60_000;
const chromium = useChromium({ baseURL, acceptDownloads: true }, (context) => context.clock.install({ time: T }));

async function axe(page: Page, include?: string): Promise<string[]> {
	const builder = new AxeBuilder({ page });
	const results = await (include ? builder.include(include) : builder).analyze();
	return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** A drill of the playbook with events after its alert (its script read from content/drills, not written here). */
function aDrill() {
	// The content the site under test was built from (the P0–P3 fixture), not content/.
	const dir = join(inject('content'), 'drills');
	const drills = readdirSync(dir)
		.filter((f) => /^[^_].*\.ya?ml$/.test(f))
		.sort()
		.map((f) => DrillSchema.parse(parse(readFileSync(join(dir, f), 'utf8'))));
	const drill = drills.find((d) => d.injects.length >= 2);
	if (!drill) throw new Error('no drill with two events');
	return { ...drill, injects: [...drill.injects].sort((a, b) => a.after - b.after) };
}
const drill = aDrill();

/** Start the drill, declare it at the level its alert implies `declareAfter` ms later, then let every event fall due and end it. */
async function playDrill(page: Page, declareAfter: number) {
	await page.goto('/drills/');
	// Start works once the drills island has come alive (Astro drops `ssr` from it then).
	await page.locator('astro-island:not([ssr])').first().waitFor({ state: 'attached' });
	await page.locator('.drill-card', { hasText: drill.title }).getByRole('button', { name: 'Start' }).click();
	const injects = page.locator('.drill-injects');
	await expect.poll(() => injects.innerText()).toContain(drill.alert);
	expect(await injects.innerText()).not.toContain(drill.injects[0]!.text);
	await chromium.context.clock.fastForward(declareAfter);
	await page.locator('#drill-severity').selectOption(drill.severity);
	await page.getByRole('button', { name: 'Declare the drill' }).click();
	await page.locator('.drill-score').waitFor();
	let elapsed = declareAfter;
	for (const [index, inject] of drill.injects.entries()) {
		const at = inject.after * MIN;
		if (at > elapsed) {
			await chromium.context.clock.fastForward(at - elapsed + 1000);
			elapsed = at + 1000;
		}
		await expect.poll(() => injects.innerText()).toContain(inject.text);
		const later = drill.injects.slice(index + 1).filter((i) => i.after * MIN > elapsed);
		for (const next of later) expect(await injects.innerText()).not.toContain(next.text);
	}
	expect(await injects.innerText()).toContain('Every event of the script has happened.');
	await page.getByRole('button', { name: 'End the drill' }).click();
	await expect.poll(() => page.locator('.drill-heading').innerText()).toContain('ended after');
	return {
		points: Number(await page.locator('.drill-points').innerText()),
		declare: await page.locator('tr[data-score="declare"]').getAttribute('class'),
	};
}

describe('a drill', () => {
	it('shows its events as the clock reaches them, is scored, and exports the score as Markdown', async () => {
		const page = await chromium.context.newPage();
		const played = await playDrill(page, MIN);
		expect(played.declare).toBe('met');
		expect(await page.locator('tr[data-score="declare"]').innerText()).toMatch(/Declared 1 min after the alert/);
		expect(await page.locator('.drill-score tbody tr').count()).toBe(8);
		const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download score' }).click()]);
		const markdown = readFileSync((await download.path())!, 'utf8');
		expect(markdown).toContain(`# Drill score: ${drill.title}`);
		expect(markdown).toContain(`**Score: ${played.points} / 100**`);
		expect(markdown).toMatch(/\| ✅ \| Time to declare \| 10\/10 \|/);
		expect(await axe(page), 'scored drill').toEqual([]);
		// Drills never count in the metrics.
		await page.goto('/metrics/');
		await expect.poll(() => page.locator('.metrics-count').innerText()).toContain('0 incidents counted. 1 drill left out');
	});

	it('scores lower when the declaration comes late', async () => {
		const onTime = await playDrill(await chromium.context.newPage(), MIN);
		await chromium.newContext({ baseURL });
		await chromium.context.clock.install({ time: T });
		const late = await playDrill(await chromium.context.newPage(), 5 * 60 * MIN);
		expect(late.declare).toBe('missed');
		expect(onTime.points - late.points).toBeGreaterThanOrEqual(10);
	});

	it('starts from its address only when the start in it is recent and not ahead of the clock: an edited or stale link starts nothing', async () => {
		const page = await chromium.context.newPage();
		// The drill's id, as the page writes it in the address when it is started.
		await page.goto('/drills/');
		await page.locator('astro-island:not([ssr])').first().waitFor({ state: 'attached' });
		await page.locator('.drill-card', { hasText: drill.title }).getByRole('button', { name: 'Start' }).click();
		await expect.poll(() => new URL(page.url()).searchParams.get('drill')).toBeTruthy();
		const id = new URL(page.url()).searchParams.get('drill')!;
		const opened = async (started: number) => {
			await page.goto(`/drills/?${new URLSearchParams({ drill: id, started: String(started) })}`);
			await page.locator('astro-island:not([ssr])').first().waitFor({ state: 'attached' });
			await page.waitForTimeout(300);
			return page.locator('#drill-pending').count();
		};
		const now = await page.evaluate(() => Date.now());
		expect(await opened(1)).toBe(0);
		expect(await opened(now - 13 * 60 * MIN)).toBe(0);
		expect(await opened(now + 60 * MIN)).toBe(0);
		await opened(now - 10 * MIN);
		await expect.poll(() => page.locator('#drill-pending').count()).toBe(1);
		expect(await page.locator('.drill-clock').innerText()).toMatch(/^10:0\d$|^0?10 min/);
	});
});

/** Three incidents (and a drill) with figures worked out by hand, exported as the workspace exports them. */
function exportedFiles() {
	const levels = readdirSync(join(inject('content'), 'severities'))
		.filter((f) => f.endsWith('.mdx'))
		.map((f) => readFrontmatter(join(inject('content'), 'severities', f)) as { id: string; rank: number })
		.sort((a, b) => a.rank - b.rank);
	const [high, next] = [levels[0]!.id, levels[1]!.id];
	const statuses = (
		parse(readFileSync(join(inject('content'), 'site.yaml'), 'utf8')) as {
			statuses: { id: string; label: string; closes?: boolean; mitigates?: boolean }[];
		}
	).statuses;
	const mitigated = { closes: false, ...statuses.find((s) => s.mitigates)! };
	const closing = { ...statuses.find((s) => s.closes)!, closes: true };
	const t0 = T.getTime() - 30 * 24 * 60 * MIN;
	const t1 = t0 + 24 * 60 * MIN;
	const t2 = t0 + 7 * 24 * 60 * MIN;
	const decl = (severity: string, detectedAt: number, drill = false) => ({
		title: 'Checkout fails',
		severity,
		status: statuses[0]!.id,
		detectedAt,
		impact: '',
		services: [],
		onCall: '',
		commander: '',
		scenarios: [],
		drill,
	});
	let s: State = { ...emptyState(), responder: 'alice' };
	// A: detected t0-4, declared t0 at the second level; message +2; raised +10; mitigated +20; message +30; resolved +40.
	const a = declareIncident(s, decl(next, t0 - 4 * MIN), 'inc-', t0);
	s = logMessage(a.state, a.id, 'declared', t0 + 2 * MIN);
	s = setSeverity(s, a.id, high, t0 + 10 * MIN);
	s = setStatus(s, a.id, mitigated, t0 + 20 * MIN);
	s = logMessage(s, a.id, 'update', t0 + 30 * MIN);
	s = setStatus(s, a.id, closing, t0 + 40 * MIN);
	// B: detected t1-2, declared t1 at the top level; no message; resolved +10.
	const b = declareIncident(s, decl(high, t1 - 2 * MIN), 'inc-', t1);
	s = setStatus(b.state, b.id, closing, t1 + 10 * MIN);
	// C: detected t2-10, declared t2 at the second level; note +5; message +40; mitigated +50; resolved +70.
	const c = declareIncident(s, decl(next, t2 - 10 * MIN), 'inc-', t2);
	s = addNote(c.state, c.id, 'looking', t2 + 5 * MIN);
	s = logMessage(s, c.id, 'update', t2 + 40 * MIN);
	s = setStatus(s, c.id, mitigated, t2 + 50 * MIN);
	s = setStatus(s, c.id, closing, t2 + 70 * MIN);
	const d = declareIncident(s, decl(high, t2, true), 'inc-', t2 + MIN);
	const file = (id: string, state: State) => ({
		name: `${id}.json`,
		mimeType: 'application/json',
		buffer: Buffer.from(
			exportIncident(
				state.incidents.find((i) => i.id === id)!,
				t2 + 80 * MIN,
			),
		),
	});
	return { high, next, ids: [a.id, b.id, c.id], files: [file(a.id, s), file(b.id, s), file(c.id, s), file(d.id, d.state)] };
}

const cells = async (page: Page, caption: string) =>
	page
		.locator('.table-scroll', { has: page.locator('caption', { hasText: new RegExp(`^${caption}$`) }) })
		.locator('tbody tr')
		.evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent ?? '')));

describe('the metrics page', () => {
	it('reads dropped incident files and shows the figures computed by hand, leaving drills out', async () => {
		const { high, next, ids, files } = exportedFiles();
		const page = await chromium.context.newPage();
		await page.goto('/metrics/');
		// The place kept for the charts says what comes there while nothing is counted, and gives way to them.
		const placeholder = () => page.locator('.metrics-slot').evaluate((el) => getComputedStyle(el, '::after').content);
		await expect.poll(placeholder).toMatch(/^".+"$/);
		await page
			.locator('#metrics-files')
			.setInputFiles([...files, { name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"hello": 1}') }]);
		await expect.poll(() => page.locator('.metrics-count').innerText()).toContain('3 incidents counted. 1 drill left out');
		expect(await placeholder()).toBe('none');
		expect(await page.locator('.problems').innerText()).toBe(
			'notes.json: The file is JSON, but not an incident exported from this playbook.',
		);
		// Median minutes from detection: declare, first message, mitigate, resolve; then time at the level.
		expect((await cells(page, 'By severity')).map((row) => row.slice(0, 7))).toEqual([
			[high, '2', '3', '6', '18', '28', '42'],
			[next, '1', '10', '50', '60', '80', '94'],
		]);
		expect((await cells(page, 'Incidents')).map((row) => [row[0], row[2], ...row.slice(4, 10)])).toEqual([
			[ids[0], high, '4', '6', '24', '44', '30', '14'],
			[ids[1], high, '2', '–', '12', '12', '12', '–'],
			[ids[2], next, '10', '50', '60', '80', '–', '80'],
		]);
		expect(await page.getByRole('img', { name: /^Median time to resolve, by severity/ }).getAttribute('aria-label')).toBe(
			`Median time to resolve, by severity: ${high} 28 min; ${next} 80 min.`,
		);
		const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
		const lines = readFileSync((await csv.path())!, 'utf8').split('\r\n');
		expect(lines[0]).toMatch(/^Incident,Title,Severity,Detected,To declare \(min\)/);
		expect(lines[1]).toContain(`${ids[0]},Checkout fails,${high},`);
		expect(lines[1]).toContain(',4,6,24,44,30,14,');
		const [md] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download Markdown' }).click()]);
		expect(readFileSync((await md.path())!, 'utf8')).toContain(`| ${high} | 2 | 3 | 6 | 18 | 28 | 42 |`);
		await page.setViewportSize({ width: 360, height: 740 });
		expect(await page.evaluate(() => document.documentElement.scrollWidth), 'no sideways scroll at 360 px').toBeLessThanOrEqual(360);
		// Nothing was stored: the files were read by the page only.
		expect(await page.evaluate(() => localStorage.getItem('playbook:state'))).toBeNull();
		for (const theme of ['light', 'dark']) {
			await page.evaluate((t) => document.documentElement.setAttribute('data-theme', t), theme);
			expect(await axe(page), `metrics (${theme})`).toEqual([]);
		}
	});
});

describe('the course chart', () => {
	it('opens in the workspace and the post-mortem, passes axe, prints, and the post-mortem Markdown carries it as Mermaid', async () => {
		const page = await chromium.context.newPage();
		await page.goto('/incident/');
		await page.getByRole('button', { name: 'Declare an incident' }).click();
		const dialog = page.locator('.declare-dialog');
		await dialog.getByLabel('Title').fill('API returns 503');
		await dialog.getByLabel('Severity', { exact: true }).selectOption({ index: 1 });
		await dialog.getByRole('button', { name: 'Declare and copy the message' }).click();
		await dialog.locator('.declared').waitFor();
		await dialog.getByRole('button', { name: 'Close' }).click();
		await page.locator('#incident-title').waitFor();
		await chromium.context.clock.fastForward(10 * MIN);
		await page.getByText('Course of the incident, as a chart').click();
		const chart = page.getByRole('img', { name: /^From \d\d:\d\d UTC to \d\d:\d\d UTC/ });
		await chart.waitFor();
		expect(await chart.getAttribute('aria-labelledby')).toBe('workspace-course-summary');
		await page.setViewportSize({ width: 360, height: 740 });
		expect(await page.evaluate(() => document.documentElement.scrollWidth), 'no sideways scroll at 360 px').toBeLessThanOrEqual(360);
		await page.setViewportSize({ width: 1280, height: 800 });
		for (const theme of ['light', 'dark']) {
			await page.evaluate((t) => document.documentElement.setAttribute('data-theme', t), theme);
			expect(await axe(page, '.incident-course'), `workspace chart (${theme})`).toEqual([]);
		}
		await page.goto('/post-mortem/');
		await page.getByText('Course of the incident, as a chart').first().click();
		await page.locator('.course-chart').first().waitFor();
		const preview = await page.locator('[data-preview]').first().innerText();
		expect(preview).toMatch(/## Timeline chart\s+```mermaid\ngantt\n/);
		// The exported block, parsed by Mermaid itself in a blank page (the site does not ship Mermaid).
		const block = /```mermaid\n([\s\S]*?)\n```/.exec(preview)![1]!;
		const blank = await chromium.context.newPage();
		await blank.addScriptTag({ path: join(ROOT, 'node_modules/mermaid/dist/mermaid.min.js') });
		expect(
			await blank.evaluate(
				(text) =>
					(window as unknown as { mermaid: { parse(t: string): Promise<{ diagramType: string }> } }).mermaid
						.parse(text)
						.then((r) => r.diagramType),
				block,
			),
		).toBe('gantt');
		await blank.close();
		expect(await axe(page), 'post-mortem chart').toEqual([]);
		await page.emulateMedia({ media: 'print' });
		expect(await page.locator('.course-chart').first().isVisible()).toBe(true);
		expect(await page.locator('.course-chart .chart-data table').first().isVisible()).toBe(true);
		const band = await page.locator('.course-band').first().boundingBox();
		expect(band?.width).toBeGreaterThan(100);
	});
});
