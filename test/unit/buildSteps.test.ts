import { describe, expect, it } from 'vitest';
import { buildSteps, type BuildStep } from '../../scripts/measure/bench/buildSteps.ts';
import { formatBuildSteps } from '../../scripts/measure/bench/report.ts';
import type { ScaleFigures } from '../../scripts/measure/bench/scaleBuilds.ts';
import { ROUTES } from '../../src/lib/urls.ts';

/** A build's output as the timeline records it: ms since start, line. */
const timeline: Array<[number, string]> = [
	[900, '10:00:00 [content] Syncing content'],
	[1000, '10:00:00 [content] Synced content'],
	[1400, '10:00:01 [types] Generated 1.40s'],
	[1500, '10:00:01 [build] Building static entrypoints...'],
	[3500, '10:00:03 [vite] ✓ built in 2.00s'],
	[4100, '10:00:04 [vite] ✓ built in 600ms'],
	[4200, ' generating static routes '],
	[4300, `10:00:04   ├─ ${ROUTES.alerts}someAlert/index.html (+3ms) `],
	[4310, `10:00:04   ├─ ${ROUTES.alerts}otherAlert/index.html (+2ms) `],
	[4320, `10:00:04   ├─ ${ROUTES.alerts}index.html (+14ms) `],
	[4400, `10:00:04   ├─ ${ROUTES.playbookFile} (+1.5s) `],
	[4500, `10:00:04   ├─ ${ROUTES.scenarioIndex}some-scenario/index.html (+30ms) `],
	[4600, `10:00:04   └─ ${ROUTES.scenarioIndex}index.html (+27ms) `],
	[5200, '10:00:05 ✓ Completed in 1.00s.'],
	[5300, '10:00:05 [starlight:pagefind] Building search index with Pagefind...'],
	[5650, '10:00:05 [starlight:pagefind] Finished building search index in 350ms.'],
	[5700, ' validating links '],
	[5900, '· All internal links are valid. ·'],
	[6200, '10:00:06 [playbook:content-security-policy] 3 pages carry a policy; _headers adds frame-ancestors in 250 ms'],
	[6450, '10:00:06 [playbook:offline] sw.js precaches 9 files (20 KiB), search index included in 240 ms'],
];

describe('buildSteps', () => {
	const steps = Object.fromEntries(buildSteps(timeline, 7000).map((s) => [s.step, s.ms]));

	it("times Astro's and Starlight's phases from the line that starts each to the line that ends it", () => {
		expect(steps).toMatchObject({
			'start-up and config': 900,
			'content sync and types': 500,
			'Vite: server bundle': 2000,
			'Vite: client bundle': 600,
			'static pages': 1000,
			Pagefind: 350,
			'links validator': 200,
		});
	});

	it('adds up the render time of each kind of page, the alert index among the other pages', () => {
		const parts = buildSteps(timeline, 7000).filter((s) => s.part);
		expect(parts).toEqual([
			{ step: 'alert forward pages', ms: 5, count: 2, part: true },
			{ step: 'the single-file copy', ms: 1500, count: 1, part: true },
			{ step: 'scenario pages', ms: 30, count: 1, part: true },
			{ step: 'other pages and files', ms: 41, count: 2, part: true },
		]);
	});

	it('takes the time each integration logged for its own step, and leaves the rest to one line', () => {
		expect(steps['playbook:content-security-policy']).toBe(250);
		expect(steps['playbook:offline']).toBe(240);
		expect(steps['the rest: writing files, hooks that time nothing']).toBe(7000 - (900 + 500 + 2000 + 600 + 1000 + 350 + 200 + 250 + 240));
	});

	it('leaves out the phases a build does not have', () => {
		const stock = buildSteps(
			timeline.filter(([, line]) => !/validating links|links are valid|playbook:/.test(line)),
			7000,
		);
		expect(stock.map((s) => s.step)).not.toContain('links validator');
		expect(stock.map((s) => s.step)).not.toContain('playbook:offline');
	});
});

describe('formatBuildSteps', () => {
	const size = { raw: 1, gzip: 1 };
	const figures = (site: string, scenarios: number, steps: BuildStep[]): ScaleFigures => ({
		site,
		scenarios,
		pages: scenarios,
		buildMs: 1000,
		buildCpuMs: 900,
		home: size,
		scenario: size,
		scenarioIndex: size,
		largestPage: { page: '/', size },
		steps,
	});

	it('puts every build side by side, a step a row, with the parts of the static pages under them', () => {
		const lines = formatBuildSteps([
			figures('playbook', 5, [
				{ step: 'static pages', ms: 300 },
				{ step: 'scenario pages', ms: 40, part: true, count: 5 },
				{ step: 'playbook:offline', ms: 100 },
			]),
			figures('stock Starlight', 5, [
				{ step: 'static pages', ms: 200 },
				{ step: 'scenario pages', ms: 20, part: true, count: 5 },
			]),
		]);
		expect(lines.slice(2)).toEqual([
			'| step | playbook, 5 | stock Starlight, 5 |',
			'| --- | --- | --- |',
			'| static pages | 300 ms | 200 ms |',
			'|   ↳ scenario pages | 40 ms (5) | 20 ms (5) |',
			'| playbook:offline | 100 ms | – |',
			'| total | 1000 ms | 1000 ms |',
		]);
	});
});
