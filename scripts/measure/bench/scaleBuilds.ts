import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROUTES } from '../../../src/lib/urls.ts';
import { astroBuild, makeProject, ROOT, type BuildResult } from '../../lib/buildSite.ts';
import { buildSteps, type BuildStep } from './buildSteps.ts';
import { makeStarlightProject } from './comparisonSites.ts';
import { playbookMarkdown } from './playbookMarkdown.ts';
import { sizeOf, type Size } from '../pageWeight.ts';
import { builtPages } from '../../lib/sitePages.ts';
import { syntheticId, syntheticScenarios } from '../../lib/syntheticScenarios.ts';

/** Build time and page sizes of one playbook. */
export interface ScaleFigures {
	/** The site built: the playbook, or stock Starlight with the same text. */
	site: string;
	scenarios: number;
	pages: number;
	buildMs: number;
	/** CPU time of the build, steadier than wall time when other work shares the machine. */
	buildCpuMs: number;
	/** HTML of the start page, of a scenario page, and of the scenario index. */
	home: Size;
	scenario: Size;
	scenarioIndex: Size;
	/** Largest HTML of any page but the scenario index (which lists every scenario by design). */
	largestPage: { page: string; size: Size };
	/** Where the build's time went. */
	steps: BuildStep[];
}

/** Build times and sizes of a built site. */
export function scaleFigures(site: string, scenarios: number, build: BuildResult, scenarioPage: string): ScaleFigures {
	const dist = build.dist;
	const html = (page: string) => sizeOf(readFileSync(join(dist, page, 'index.html')));
	const pages = builtPages(dist);
	const largest = pages
		.filter((p) => p !== ROUTES.scenarioIndex)
		.map((page) => ({ page, size: html(page) }))
		.reduce((a, b) => (b.size.raw > a.size.raw ? b : a));
	return {
		site,
		scenarios,
		pages: pages.length,
		buildMs: build.ms,
		buildCpuMs: build.cpuMs,
		home: html('/'),
		scenario: html(scenarioPage),
		scenarioIndex: html(ROUTES.scenarioIndex),
		largestPage: largest,
		steps: buildSteps(build.timeline, build.ms),
	};
}

/**
 * Build the playbook grown to `total` scenarios with synthetic ones, in .fixtures/, and measure it;
 * then, with `stock`, stock Starlight with the same text, right after, so the two are timed alike.
 */
export async function buildScaled(total: number, stock?: { title: string; favicon: string }): Promise<ScaleFigures[]> {
	const root = makeProject(`bench-${total}-scenarios`, { overlay: syntheticScenarios(total, join(ROOT, 'content')) });
	const scenarioPage = `/scenarios/${syntheticId(1)}/`;
	// The production build, as timed for the real playbook (bench.ts); only HTML is weighed here.
	const build = await astroBuild(root, undefined, { measure: false });
	if (!build.ok) throw new Error(`The build of ${total} scenarios failed:\n${build.output.slice(-4000)}`);
	const figures = [scaleFigures('playbook', total, build, scenarioPage)];
	if (stock) {
		const stockRoot = makeStarlightProject(
			join(ROOT, `.fixtures/bench-${total}-stock-starlight`),
			stock.title,
			playbookMarkdown(join(root, 'content')),
		);
		mkdirSync(join(stockRoot, 'public'), { recursive: true });
		copyFileSync(stock.favicon, join(stockRoot, 'public/favicon.svg'));
		const stockBuild = await astroBuild(stockRoot);
		if (!stockBuild.ok) throw new Error(`The stock Starlight build of ${total} scenarios failed:\n${stockBuild.output.slice(-4000)}`);
		figures.push(scaleFigures('stock Starlight', total, stockBuild, scenarioPage));
	}
	return figures;
}
