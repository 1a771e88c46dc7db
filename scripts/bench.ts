/**
 * The performance benchmark: `npm run bench`. In one run it builds the playbook and a stock
 * Starlight site with the same text five times each, in turn (the build ratio compares medians),
 * and the single-page floor, weighs each page type, runs
 * Lighthouse, times search and ticking, and builds playbooks of 100 and 1,000 scenarios (and stock
 * Starlight at 1,000), timing each step of every build. It
 * prints Markdown tables and writes .bench/results.json; it takes minutes, and `npm test` checks
 * the budgets on its own. `-- --skip=lighthouse,scale,search,tick` leaves parts out;
 * `-- --readme` puts the tables into the README's Performance section.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { readBundleOrigins } from './measure/bundleOrigins.ts';
import { BUDGETS } from './measure/budgets.ts';
import { astroBuild, ROOT, type BuildResult } from './lib/buildSite.ts';
import type { Browser } from 'playwright-core';
import { launchChromium } from './lib/launchChromium.ts';
import { clearSizeCache, summarize, weighPage } from './measure/pageWeight.ts';
import { serveStatic } from './lib/serveStatic.ts';
import { loadFigures, median, searchLatency, tickLatency, type SearchCase, type TickTiming } from './measure/bench/browserTimings.ts';
import { makeStarlightProject, writeSinglePage } from './measure/bench/comparisonSites.ts';
import { lighthouseMedian, startChromium } from './measure/bench/lighthouse.ts';
import { playbookMarkdown } from './measure/bench/playbookMarkdown.ts';
import { writeReadmeReport } from './measure/bench/readme.ts';
import { CPU_SHARE, formatReport, TARGETS, type BenchResults, type PageResult, type SearchRuns } from './measure/bench/report.ts';
import { buildScaled, scaleFigures, type ScaleFigures } from './measure/bench/scaleBuilds.ts';
import { buildSteps } from './measure/bench/buildSteps.ts';
import { firstScenarioId } from './lib/sitePages.ts';
import { checkBudgets } from './measure/checkBudgets.ts';
import { cpuShare } from './measure/bench/cpuShare.ts';
import { findChromium } from './lib/chromium.ts';
import { ROUTES } from '../src/lib/urls.ts';

/** The scenario page that stands for all of them: the first in the playbook's sidebar. */
const SCENARIO = `/scenarios/${firstScenarioId(join(ROOT, 'content'))}/`;
/** The page types compared, with the page that stands for each. */
const PAGE_TYPES = [
	['home', ROUTES.home],
	['severity', ROUTES.severity],
	['classify', ROUTES.classify],
	['scenario', SCENARIO],
	['communication', ROUTES.communication],
	['incident', ROUTES.incident],
	// The heaviest page: the post-mortem generator with its preview and the incident's course.
	['post-mortem', ROUTES.postMortem],
] as const;
/** Queries typed into search, one per run (symptoms responders type). */
const QUERIES = ['503', 'rollback', 'timeout', 'error rate', 'WAF'];
const SCALES = [100, 1000];
/** Builds of the real playbook and of stock Starlight with its text, each, taken in turn. */
const REAL_BUILDS = 5;
/** The size at which stock Starlight is built too, with the same text, for the ratio at scale. */
const STOCK_SCALE = 1000;

const skip = new Set((process.argv.find((a) => a.startsWith('--skip='))?.slice('--skip='.length) ?? '').split(',').filter(Boolean));
const log = (message: string) => console.error(`[bench] ${message}`);
const out = join(ROOT, '.bench');
mkdirSync(out, { recursive: true });

const loadBefore = loadavg();
const site = parse(readFileSync(join(ROOT, 'content/site.yaml'), 'utf8')) as { title: string; description: string };

function built(name: string, build: BuildResult): BuildResult {
	if (!build.ok) throw new Error(`The ${name} build failed:\n${build.output.slice(-4000)}`);
	log(`${name} built in ${(build.ms / 1000).toFixed(1)} s (${(build.cpuMs / 1000).toFixed(1)} s of CPU)`);
	for (const step of buildSteps(build.timeline, build.ms)) log(`  ${step.part ? '  ' : ''}${step.step}: ${Math.round(step.ms)} ms`);
	return build;
}

// Timed: the production build, the one `npm run build` makes and users wait for, against stock
// Starlight's own production build right after it. The measuring build (PLAYBOOK_MEASURE=1: who
// wrote each script, a chunk per library) does work a production build does not, so it would
// charge the playbook for the measurement; it is built afterwards, untimed, for the page weights.
log('building the playbook');
const ours = built('playbook', await astroBuild(ROOT, undefined, { measure: false }));
log('building a stock Starlight site with the same text, and the single-page floor');
const pagesMd = playbookMarkdown(join(ROOT, 'content'));
const stockRoot = makeStarlightProject(join(ROOT, '.fixtures/bench-stock-starlight'), site.title, pagesMd);
mkdirSync(join(stockRoot, 'public'), { recursive: true });
// Starlight's starter ships a favicon; without one every page logs a 404.
copyFileSync(join(ROOT, 'public/favicon.svg'), join(stockRoot, 'public/favicon.svg'));
const stock = built('stock Starlight', await astroBuild(stockRoot));
// More builds of each, taken in turn, so the ratio compares medians: a single build of either moves by a
// third with what else the machine does (the README's runs gave 1.02× to 1.72× for the same code).
const realRuns: Record<'playbook' | 'stock Starlight', BuildResult[]> = { playbook: [ours], 'stock Starlight': [stock] };
for (let i = 1; i < REAL_BUILDS; i++) {
	log(`building the playbook and stock Starlight again (${i + 1} of ${REAL_BUILDS})`);
	realRuns.playbook.push(built('playbook', await astroBuild(ROOT, undefined, { measure: false })));
	realRuns['stock Starlight'].push(built('stock Starlight', await astroBuild(stockRoot)));
}
/** The build of the median time, for the tables that show one build's sizes and steps. */
const typical = (runs: BuildResult[]) => [...runs].sort((a, b) => a.ms - b.ms)[Math.floor((runs.length - 1) / 2)]!;
const medianBuild = (runs: BuildResult[]) => ({
	ms: median(runs.map((r) => r.ms)),
	cpuMs: median(runs.map((r) => r.cpuMs)),
	runs: runs.map((r) => ({ ms: r.ms, cpuMs: r.cpuMs })),
});
log('building the playbook again as a measuring build, for the page weights (not timed)');
const measured = await astroBuild(ROOT);
if (!measured.ok) throw new Error(`The measuring build failed:\n${measured.output.slice(-4000)}`);
const floorDir = writeSinglePage(join(out, 'floor'), site.title, site.description, pagesMd);

clearSizeCache();
const origins = readBundleOrigins(ROOT, measured.dist);
const sites = [
	{ name: 'playbook', dist: measured.dist, pages: PAGE_TYPES },
	{ name: 'stock Starlight', dist: stock.dist, pages: PAGE_TYPES },
	{ name: 'one HTML page', dist: floorDir, pages: [['whole playbook', '/']] as const },
];
// Every page of the playbook, as the budgets weigh them: the byte targets are judged on all of them.
const everyPage = (await checkBudgets(measured.dist, origins)).pages;
const pages: PageResult[] = [];
for (const s of sites) {
	for (const [type, url] of s.pages) {
		const weight = summarize(await weighPage(s.dist, url, s.name === 'playbook' ? origins : undefined));
		pages.push({ site: s.name, type, url, weight });
	}
}
// Side by side: each page type, ours first, the floor last.
const typeOrder = (type: string) => PAGE_TYPES.findIndex(([t]) => t === type) >>> 0;
pages.sort((a, b) => typeOrder(a.type) - typeOrder(b.type));

const servers = Object.fromEntries(await Promise.all(sites.map(async (s) => [s.name, await serveStatic(s.dist, { gzip: true })] as const)));
const search: BenchResults['search'] = {};
let cpuShareWhy: string | undefined;

/**
 * Search typed at once on each site with every thread of the browser on a share of one core, or why
 * not. DevTools slows only a page's main thread, so stock Starlight's Pagefind, in a web worker,
 * searches at full speed in the slowed runs; a cgroup (root, on Linux) slows every thread alike.
 */
async function searchOnCpuShare(): Promise<{ why: string } | { timed: Record<string, SearchRuns> }> {
	const limited = cpuShare(findChromium()!, CPU_SHARE);
	if ('why' in limited) return limited;
	try {
		let slowed: Browser;
		try {
			slowed = await launchChromium({ executablePath: limited.executablePath });
		} catch (error) {
			return { why: `the browser did not start in the cgroup (${(error as Error).message.split('\n')[0]})` };
		}
		try {
			// A browser outside the group would run at full speed.
			if (!limited.joined()) return { why: 'the browser did not join the cgroup' };
			const timed: Record<string, SearchRuns> = {};
			for (const name of ['playbook', 'stock Starlight']) {
				log(`timing search on the ${name} site (typed at once, the whole browser on a share of one core)`);
				const runs = [];
				for (const query of QUERIES) runs.push(await searchLatency(slowed, servers[name]!.url, query, 'atOnce'));
				timed[name] = { runs, medianMs: median(runs.map((r) => r.ms)) };
			}
			return { timed };
		} finally {
			await slowed.close();
		}
	} finally {
		limited.release();
	}
}
const tick: BenchResults['tick'] = { runs: [] };
try {
	const browser = await launchChromium();
	try {
		log('loading each page in Chromium');
		for (const page of pages) page.browser = await loadFigures(browser, servers[page.site]!.url + page.url);
		if (!skip.has('search')) {
			for (const name of ['playbook', 'stock Starlight']) {
				const timed = async (searchCase: SearchCase) => {
					log(`timing search on the ${name} site (${searchCase})`);
					const runs = [];
					for (const query of QUERIES) runs.push(await searchLatency(browser, servers[name]!.url, query, searchCase));
					return { runs, medianMs: median(runs.map((r) => r.ms)) };
				};
				search[name] = { ...(await timed('warm')), atOnce: await timed('atOnce'), slowCpu: await timed('slowCpu') };
			}
		}
		if (!skip.has('tick')) {
			log('timing a checklist tick');
			const runs: TickTiming[] = [];
			for (let i = 0; i < 5; i++) runs.push(await tickLatency(browser, `${servers['playbook']!.url}${SCENARIO}`));
			tick.runs = runs;
			const measured = runs.flatMap((r) => ('ms' in r ? [r] : []));
			if (measured.length > 0) {
				tick.medianMs = median(measured.map((r) => r.ms));
				tick.medianPaintedMs = median(measured.map((r) => r.painted));
				tick.medianStoredMs = median(measured.map((r) => r.stored));
				tick.medianAppliedMs = median(measured.map((r) => r.applied));
				const handlers = measured.map((r) => r.handlers).filter((n) => !Number.isNaN(n));
				if (handlers.length > 0) tick.medianHandlersMs = median(handlers);
				tick.paintedUnderFloor = measured.filter((r) => r.paintedUnderFloor).length;
			} else tick.notMeasured = runs.map((r) => ('notMeasured' in r ? r.notMeasured : '')).find(Boolean);
		}
	} finally {
		await browser.close();
	}
	if (!skip.has('search')) {
		const shared = await searchOnCpuShare();
		if ('why' in shared) {
			cpuShareWhy = shared.why;
			log(`search with the whole browser on a share of one core not timed: ${shared.why}`);
		} else for (const [name, runs] of Object.entries(shared.timed)) search[name]!.cpuShare = runs;
	}
	if (!skip.has('lighthouse')) {
		const chromium = await startChromium();
		try {
			for (const page of pages) {
				log(`Lighthouse ×3: ${page.site} ${page.type}`);
				page.lighthouse = await lighthouseMedian(servers[page.site]!.url + page.url, chromium.port, 3);
			}
		} finally {
			await chromium.close();
		}
	}
} finally {
	await Promise.all(Object.values(servers).map((s) => s.close()));
}

const scale: ScaleFigures[] = [];
const realScenarios = pagesMd.filter((p) => p.url.startsWith('/scenarios/') && p.url !== '/scenarios/').length;
scale.push(
	scaleFigures('playbook', realScenarios, typical(realRuns.playbook), SCENARIO),
	scaleFigures('stock Starlight', realScenarios, typical(realRuns['stock Starlight']), SCENARIO),
);
if (!skip.has('scale')) {
	for (const total of SCALES) {
		log(`building a playbook of ${total} scenarios${total === STOCK_SCALE ? ', then stock Starlight with the same text' : ''}`);
		const figures = await buildScaled(
			total,
			total === STOCK_SCALE ? { title: site.title, favicon: join(ROOT, 'public/favicon.svg') } : undefined,
		);
		for (const f of figures)
			log(`${f.site}: ${total} scenarios built in ${(f.buildMs / 1000).toFixed(1)} s (${(f.buildCpuMs / 1000).toFixed(1)} s of CPU)`);
		scale.push(...figures);
	}
}
// In CPU time: wall time on a shared machine says more about the neighbours than the build.
const grown = scale.filter((f) => f.site === 'playbook');
const msPerScenario = grown.slice(1).map((f, i) => (f.buildCpuMs - grown[i]!.buildCpuMs) / (f.scenarios - grown[i]!.scenarios));

const results: BenchResults = {
	date: new Date().toISOString(),
	machine: { cpus: cpus().length, loadBefore, loadAfter: loadavg(), node: process.version },
	budgets: BUDGETS,
	targets: TARGETS,
	builds: { playbook: medianBuild(realRuns.playbook), 'stock Starlight': medianBuild(realRuns['stock Starlight']) },
	pages,
	everyPage,
	search,
	cpuShareWhy,
	tick,
	scale,
	msPerScenario,
	skipped: [...skip],
};
writeFileSync(join(out, 'results.json'), `${JSON.stringify(results, null, '\t')}\n`);
const report = formatReport(results);
console.log(report);
log(`results written to ${join(out, 'results.json')}`);
if (process.argv.includes('--readme')) {
	writeReadmeReport(join(ROOT, 'README.md'), report);
	log('README.md updated');
}
