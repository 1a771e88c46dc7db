import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUDGETS } from '../../scripts/measure/budgets.ts';
import { builtPages } from '../../scripts/lib/sitePages.ts';
import { syntheticId, syntheticScenarios } from '../../scripts/lib/syntheticScenarios.ts';
import { SCENARIO_LINK_LIMIT } from '../../src/lib/scenarioLinks.ts';
import { ROUTES } from '../../src/lib/urls.ts';
import { astroBuild, makeProject, ROOT } from '../support/buildSite.ts';
import { isAlertRedirect } from '../support/pages.ts';

/** Two playbooks whose every scenario list (sidebar, start page, each severity) is over its limit, one twice the other. */
const SMALL = 60;
const LARGE = 120;
let small: string;
let large: string;

async function buildWith(total: number): Promise<string> {
	const root = makeProject(`scenarios-${total}`, { overlay: syntheticScenarios(total, join(ROOT, 'content')) });
	const build = await astroBuild(root);
	if (!build.ok) throw new Error(`build of ${total} scenarios failed:\n${build.output}`);
	return build.dist;
}

beforeAll(async () => {
	small = await buildWith(SMALL);
	large = await buildWith(LARGE);
}, 300_000);

const html = (dist: string, page: string) => readFileSync(join(dist, page, 'index.html'), 'utf8');

describe('a playbook with many scenarios', () => {
	it('builds every scenario page', () => {
		expect(builtPages(large).filter((p) => p.startsWith('/scenarios/') && p !== ROUTES.scenarioIndex)).toHaveLength(LARGE);
	});

	it('keeps every page but the scenario index the same size when the scenarios double', () => {
		const grown = builtPages(small)
			// The scenario index and the alert index are where every scenario and alert is listed.
			.filter((page) => page !== ROUTES.scenarioIndex && page !== ROUTES.alerts && !isAlertRedirect(page))
			.map((page) => ({ page, growth: Buffer.byteLength(html(large, page)) - Buffer.byteLength(html(small, page)) }))
			.filter(({ growth }) => growth > BUDGETS.scenarioGrowthBytes);
		expect(grown).toEqual([]);
		// The index is where every scenario is listed.
		expect(html(large, ROUTES.scenarioIndex).length).toBeGreaterThan(html(small, ROUTES.scenarioIndex).length);
	});

	it('lists a bounded number of scenarios in the sidebar, the current one always among them', () => {
		const current = `/scenarios/${syntheticId(100)}/`;
		const page = parse(html(large, current));
		const links = page.querySelectorAll('#starlight__sidebar a[href^="/scenarios/"]').map((a) => a.getAttribute('href'));
		expect(links[0]).toBe(ROUTES.scenarioIndex);
		expect(links.slice(1)).toHaveLength(SCENARIO_LINK_LIMIT);
		expect(links.at(-1)).toBe(current);
		expect(page.querySelector(`#starlight__sidebar a[href="${current}"]`)?.getAttribute('aria-current')).toBe('page');
	});

	it('still walks every scenario in order with previous and next', () => {
		const page = parse(html(large, `/scenarios/${syntheticId(100)}/`));
		expect(page.querySelector('.pagination-links a[rel="prev"]')?.getAttribute('href')).toBe(`/scenarios/${syntheticId(99)}/`);
		expect(page.querySelector('.pagination-links a[rel="next"]')?.getAttribute('href')).toBe(`/scenarios/${syntheticId(101)}/`);
	});

	it('walks from the start page to the last page with next, through every scenario in order, and back with previous', () => {
		const link = (page: string, rel: 'prev' | 'next') =>
			parse(html(large, page)).querySelector(`.pagination-links a[rel="${rel}"]`)?.getAttribute('href') ?? undefined;
		const walked = ['/'];
		for (let next = link('/', 'next'); next !== undefined && walked.length < 1000; next = link(next, 'next')) walked.push(next);
		const scenarios = walked.filter((page) => page.startsWith('/scenarios/') && page !== ROUTES.scenarioIndex);
		// Every scenario once, one after another, the synthetic ones in their order (after the playbook's own).
		expect(new Set(scenarios).size).toBe(builtPages(large).filter((p) => p.startsWith('/scenarios/') && p !== ROUTES.scenarioIndex).length);
		const first = walked.indexOf(scenarios[0]!);
		expect(walked.slice(first, first + scenarios.length)).toEqual(scenarios);
		const synthetic = scenarios.filter((page) => page.startsWith(`/scenarios/${syntheticId(0).replace(/\d+$/, '')}`));
		expect(synthetic.length).toBeGreaterThan(LARGE / 2);
		expect(synthetic).toEqual([...synthetic].sort());
		expect(scenarios.slice(-synthetic.length)).toEqual(synthetic);
		// The pages on either side of them lead into them and back.
		expect(walked[first - 1]).toBeDefined();
		expect(walked[first + scenarios.length]).toBeDefined();
		for (let i = 1; i < walked.length; i++) expect(link(walked[i]!, 'prev'), walked[i]).toBe(walked[i - 1]);
	});

	it('links from the start page and the scenario index to every scenario there is', () => {
		const start = parse(html(large, '/'));
		expect(start.querySelectorAll('.scenario-index a[href^="/scenarios/"]')).toHaveLength(SCENARIO_LINK_LIMIT + 1);
		expect(start.querySelector(`.scenario-index a[href="${ROUTES.scenarioIndex}"]`)?.text).toContain(`All ${LARGE} scenarios`);
		const index = parse(html(large, ROUTES.scenarioIndex));
		expect(index.querySelectorAll('.scenario-index a[href^="/scenarios/"]')).toHaveLength(LARGE);
	});
});
