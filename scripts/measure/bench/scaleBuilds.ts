import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROUTES } from '../../../src/lib/urls.ts';
import { astroBuild, makeProject, ROOT } from '../../lib/buildSite.ts';
import { sizeOf, type Size } from '../pageWeight.ts';
import { builtPages } from '../../lib/sitePages.ts';
import { syntheticId, syntheticScenarios } from '../../lib/syntheticScenarios.ts';

/** Build time and page sizes of one playbook. */
export interface ScaleFigures {
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
}

/** Build times and sizes of a built site. */
export function scaleFigures(dist: string, scenarios: number, build: { ms: number; cpuMs: number }, scenarioPage: string): ScaleFigures {
	const html = (page: string) => sizeOf(readFileSync(join(dist, page, 'index.html')));
	const pages = builtPages(dist);
	const largest = pages
		.filter((p) => p !== ROUTES.scenarioIndex)
		.map((page) => ({ page, size: html(page) }))
		.reduce((a, b) => (b.size.raw > a.size.raw ? b : a));
	return {
		scenarios,
		pages: pages.length,
		buildMs: build.ms,
		buildCpuMs: build.cpuMs,
		home: html('/'),
		scenario: html(scenarioPage),
		scenarioIndex: html(ROUTES.scenarioIndex),
		largestPage: largest,
	};
}

/** Build the playbook grown to `total` scenarios with synthetic ones, in .fixtures/, and measure it. */
export async function buildScaled(total: number): Promise<ScaleFigures> {
	const root = makeProject(`bench-${total}-scenarios`, { overlay: syntheticScenarios(total, join(ROOT, 'content')) });
	const build = await astroBuild(root);
	if (!build.ok) throw new Error(`The build of ${total} scenarios failed:\n${build.output.slice(-4000)}`);
	return scaleFigures(build.dist, total, build, `/scenarios/${syntheticId(1)}/`);
}
