import { BUDGETS, KB } from '../budgets.ts';
import type { PageSummary, Size } from '../pageWeight.ts';
import { EVENT_TIMING_FLOOR_MS, SLOW_CPU, THINK_MS, type LoadFigures, type SearchTiming, type TickTiming } from './browserTimings.ts';
import type { LighthouseScores } from './lighthouse.ts';
import type { BuildStep } from './buildSteps.ts';
import type { ScaleFigures } from './scaleBuilds.ts';

/** The targets the benchmark reports against (not asserted by the tests: times vary by machine). */
export const TARGETS = {
	lighthouse: 100,
	searchMs: 100,
	tickMs: 16,
	build1000Ms: 15_000,
	/** The real playbook's build time over stock Starlight's with the same text. */
	buildVsStock: 1.5,
	/** Our own JavaScript per page, gzipped; the tests hold a higher ceiling (BUDGETS.firstPartyJsGzip). */
	firstPartyJsGzip: 12 * 1024,
} as const;

/** One page of one site, measured. */
export interface PageResult {
	site: string;
	type: string;
	url: string;
	weight: PageSummary;
	browser?: LoadFigures | undefined;
	lighthouse?: LighthouseScores | undefined;
}

/** One way of searching, timed once per query. */
export interface SearchRuns {
	runs: SearchTiming[];
	medianMs: number;
}

/** The real playbook's builds, per site: the median, and with several builds how many and their range. */
function buildsLine(builds: BenchResults['builds']): string {
	const entries = Object.entries(builds);
	const count = Math.max(...entries.map(([, b]) => b.runs?.length ?? 1));
	const each = entries.map(([site, b]) => {
		const walls = (b.runs ?? []).map((r) => r.ms);
		const range = walls.length > 1 ? `${(Math.min(...walls) / 1000).toFixed(1)}–${s(Math.max(...walls))}; ` : '';
		return `${site} ${s(b.ms)} (${range}${s(b.cpuMs)} CPU)`;
	});
	return `Builds of the real playbook${count > 1 ? `, median of ${count} taken in turn` : ''}: ${each.join(', ')}.`;
}

/** Everything one run of the benchmark measured. */
export interface BenchResults {
	date: string;
	machine: { cpus: number; loadBefore: number[]; loadAfter: number[]; node: string };
	budgets: typeof BUDGETS;
	targets: typeof TARGETS;
	/**
	 * Wall and CPU time of the builds of the sites' real content: medians of `runs`, builds of each site
	 * taken in turn, when there are several (results saved before then hold one build of each).
	 */
	builds: Record<string, { ms: number; cpuMs: number; runs?: Array<{ ms: number; cpuMs: number }> | undefined }>;
	pages: PageResult[];
	/**
	 * Every page of the playbook's measuring build, weighed as the budgets weigh them (results saved before then
	 * have the page types only): the byte targets hold for every page, and the heaviest is often not a page type.
	 */
	everyPage?: PageSummary[] | undefined;
	/** Per site: typed {@link THINK_MS} after opening search, and (since the cases were added) typed at once, on a normal and a slowed CPU. */
	search: Record<
		string,
		SearchRuns & {
			atOnce?: SearchRuns | undefined;
			slowCpu?: SearchRuns | undefined;
			/** Typed at once with every thread of the browser on a share of one core ({@link CPU_SHARE}), where a cgroup allowed it. */
			cpuShare?: SearchRuns | undefined;
		}
	>;
	/** Why the search was not timed with the whole browser on a share of one core (no cgroup to use). */
	cpuShareWhy?: string | undefined;
	tick: {
		runs: TickTiming[];
		/** Median of the larger of painted and stored. */
		medianMs?: number | undefined;
		medianPaintedMs?: number | undefined;
		medianStoredMs?: number | undefined;
		/** Median time to the incident state written (the store loaded on the first tick). */
		medianAppliedMs?: number | undefined;
		medianHandlersMs?: number | undefined;
		/** Runs whose frame came within Event Timing's floor (no entry reported). */
		paintedUnderFloor?: number | undefined;
		notMeasured?: string | undefined;
	};
	scale: ScaleFigures[];
	/** Extra build CPU time per extra scenario between each pair of sizes, in ms. */
	msPerScenario: number[];
	skipped: string[];
}

const kb = (size: Size | undefined) => (size ? (size.gzip / KB).toFixed(1) : '–');
const kbRaw = (size: Size | undefined) => (size ? `${(size.gzip / KB).toFixed(1)} (${(size.raw / KB).toFixed(0)})` : '–');
const row = (cells: Array<string | number>) => `| ${cells.join(' | ')} |`;
const ms = (n: number | undefined) => (n === undefined || Number.isNaN(n) ? '–' : `${Math.round(n)} ms`);
const s = (n: number) => `${(n / 1000).toFixed(1)} s`;
const scores = (l: LighthouseScores | undefined) => (l ? `${l.performance}/${l.accessibility}/${l.bestPractices}/${l.seo}` : '–');
const queryCount = (results: BenchResults) => Object.values(results.search)[0]?.runs.length ?? 0;
/** A search case's median with its fastest and slowest run. */
const searchCell = (search: SearchRuns | undefined) => {
	if (!search || search.runs.length === 0) return '–';
	const times = search.runs.map((r) => r.ms);
	return `${ms(search.medianMs)} (${Math.round(Math.min(...times))}–${Math.round(Math.max(...times))})`;
};
const verdict = (ok: boolean | undefined) => (ok === undefined ? 'not measured' : ok ? 'met' : '**missed**');

/** The site a scale row measured (results written before stock Starlight had rows hold only the playbook's). */
const siteOf = (f: ScaleFigures) => f.site ?? 'playbook';

/** The playbook's scale figures at a number of scenarios. */
const ourScale = (results: BenchResults, scenarios: number) =>
	results.scale.find((f) => siteOf(f) === 'playbook' && f.scenarios === scenarios);

/** Where each build's time went, one column per build of the scale table, as Markdown lines. */
export function formatBuildSteps(scale: ScaleFigures[]): string[] {
	const names: string[] = [];
	// Results written before steps were timed have none.
	const stepsOf = (f: ScaleFigures): BuildStep[] => f.steps ?? [];
	for (const f of scale) for (const step of stepsOf(f)) if (!names.includes(step.step)) names.push(step.step);
	// The parts of the static pages stay under them; the integrations' own steps come after Starlight's.
	const order = (name: string) => scale.flatMap(stepsOf).findIndex((step) => step.step === name);
	names.sort((a, b) => order(a) - order(b));
	const lines = [
		'Where build time goes, wall time per step (the parts of the static pages are their render times added up, page count in brackets):',
		'',
		row(['step', ...scale.map((f) => `${siteOf(f)}, ${f.scenarios}`)]),
		row(Array(scale.length + 1).fill('---')),
	];
	for (const name of names) {
		const part = scale.some((f) => stepsOf(f).some((step) => step.step === name && step.part));
		const cell = (f: ScaleFigures) => {
			const step = stepsOf(f).find((candidate) => candidate.step === name);
			return `${ms(step?.ms)}${step?.count === undefined ? '' : ` (${step.count})`}`;
		};
		lines.push(row([part ? `  ↳ ${name}` : name, ...scale.map(cell)]));
	}
	lines.push(row(['total', ...scale.map((f) => ms(f.buildMs))]));
	return lines;
}

/** The share of one core the whole browser gets in the search run that slows every thread alike. */
export const CPU_SHARE = 1 / SLOW_CPU;
const CPU_SHARE_WORDS = CPU_SHARE === 0.25 ? 'a quarter of one core' : `${CPU_SHARE} of one core`;
const CPU_SHARE_TITLE = `typed at once, the whole browser on ${CPU_SHARE_WORDS}`;

/** The page heaviest by `by`. */
const heaviestBy = <T>(pages: T[], by: (page: T) => number) =>
	pages.reduce<T | undefined>((a, b) => (!a || by(b) > by(a) ? b : a), undefined);

/**
 * The byte targets' rows: judged on every page of the site where the run weighed them all, else (older
 * results) on the page types of the table.
 */
function byteTargetRows(results: BenchResults, ours: PageResult[]): string[] {
	const pageTitle = `no page over ${BUDGETS.pageGzip / KB} KB gzipped (budget, tested)`;
	const targetTitle = `at most ${TARGETS.firstPartyJsGzip / KB} KB gzipped of our JavaScript a page (target)`;
	const ceilingTitle = `at most ${BUDGETS.firstPartyJsGzip / KB} KB gzipped of our JavaScript a page (ceiling, tested)`;
	const every = results.everyPage;
	if (every && every.length > 0) {
		const ourJs = (p: PageSummary) => p.jsFirstParty.gzip;
		const heaviest = heaviestBy(every, (p) => p.total.gzip)!;
		const heaviestJs = heaviestBy(every, ourJs)!;
		const of = `of ${every.length} pages`;
		const over = every.filter((p) => ourJs(p) > TARGETS.firstPartyJsGzip).sort((a, b) => ourJs(b) - ourJs(a));
		const within = `within it on ${every.length - over.length} ${of}`;
		return [
			row([pageTitle, `heaviest ${heaviest.page} ${kb(heaviest.total)} KB ${of}`, verdict(heaviest.total.gzip <= BUDGETS.pageGzip)]),
			row([
				targetTitle,
				over.length > 0
					? `${within}; over: ${over.map((p) => `${p.page} ${kb(p.jsFirstParty)}`).join(', ')} KB`
					: `${within}; heaviest ${heaviestJs.page} ${kb(heaviestJs.jsFirstParty)} KB`,
				verdict(over.length === 0),
			]),
			row([
				ceilingTitle,
				`heaviest ${heaviestJs.page} ${kb(heaviestJs.jsFirstParty)} KB ${of}`,
				verdict(ourJs(heaviestJs) <= BUDGETS.firstPartyJsGzip),
			]),
		];
	}
	const heaviest = heaviestBy(ours, (p) => p.weight.total.gzip);
	const ourJs = Math.max(0, ...ours.map((p) => p.weight.jsFirstParty.gzip));
	const heaviestJs = ours.find((p) => p.weight.jsFirstParty.gzip === ourJs);
	const ourJsText = `${(ourJs / KB).toFixed(1)} KB${heaviestJs ? ` (${heaviestJs.type})` : ''}`;
	return [
		row([
			pageTitle,
			heaviest ? `heaviest ${heaviest.type} ${kb(heaviest.weight.total)} KB` : '–',
			verdict(heaviest ? heaviest.weight.total.gzip <= BUDGETS.pageGzip : undefined),
		]),
		row([targetTitle, ourJsText, verdict(ourJs <= TARGETS.firstPartyJsGzip)]),
		row([ceilingTitle, ourJsText, verdict(ourJs <= BUDGETS.firstPartyJsGzip)]),
	];
}

/** The results as Markdown tables, as printed and as pasted into the README. */
export function formatReport(results: BenchResults): string {
	const out: string[] = [];
	out.push(
		'Page weight in KB gzipped (raw KB in brackets); requests counted in Chromium until the network is quiet; ' +
			'Lighthouse mobile perf/a11y/best practices/SEO, median of 3.',
		'',
		row([
			'page',
			'site',
			'requests',
			'HTML',
			'CSS',
			'JS, all',
			'JS before interaction',
			'our JS',
			'libraries',
			'total',
			'Lighthouse',
			'LCP',
		]),
		row(Array(12).fill('---')),
	);
	for (const p of results.pages) {
		out.push(
			row([
				p.type,
				p.site,
				p.browser?.requests ?? p.weight.requests,
				kb(p.weight.html),
				kb(p.weight.css),
				kbRaw(p.weight.js),
				kb(p.browser?.jsBeforeInteraction),
				kb(p.weight.jsFirstParty),
				kb(p.weight.jsLibrary),
				kb(p.weight.total),
				scores(p.lighthouse),
				ms(p.lighthouse?.lcpMs),
			]),
		);
	}
	const shared = Object.values(results.search).some((search) => search.cpuShare);
	out.push(
		'',
		`Search, from the last keystroke to the first result painted, median of ${queryCount(results)} queries ` +
			'(fastest–slowest in brackets), each in a fresh browser context (nothing cached) on the start page: ' +
			`typed ${THINK_MS} ms after opening search (warm), ` +
			'typed as soon as the search field has focus after the click (at once), ' +
			`and the same with the CPU slowed ${SLOW_CPU}× as on a mid-range phone. Chromium slows only the page's own thread: ` +
			"a search engine in a web worker, as stock Starlight's runs Pagefind, searches at full speed there:",
		'',
		row(['site', 'warm', 'typed at once', `typed at once, ${SLOW_CPU}× slower CPU`, ...(shared ? [CPU_SHARE_TITLE] : [])]),
		row(Array(shared ? 5 : 4).fill('---')),
	);
	for (const [site, search] of Object.entries(results.search)) {
		const cells = [searchCell(search), searchCell(search.atOnce), searchCell(search.slowCpu)];
		out.push(row([site, ...cells, ...(shared ? [searchCell(search.cpuShare)] : [])]));
	}
	if (shared) {
		out.push(
			'',
			`The last column slows every thread of the browser alike: Chromium run in a Linux cgroup allowed ${CPU_SHARE_WORDS}, ` +
				'typed at once, no DevTools throttling.',
		);
	} else if (results.cpuShareWhy) out.push('', `The whole browser on ${CPU_SHARE_WORDS} was not measured: ${results.cpuShareWhy}.`);
	const queries = Object.values(results.search)[0]?.runs.map((r) => `"${r.query}"`);
	if (queries) out.push('', `Queries: ${queries.join(', ')}.`);
	const ticks = results.tick;
	const underFloor = ticks.paintedUnderFloor
		? `within ${EVENT_TIMING_FLOOR_MS} ms in ${ticks.paintedUnderFloor} of ${ticks.runs.length} runs, `
		: '';
	const parts =
		ticks.medianPaintedMs === undefined
			? ''
			: ` (next frame ${underFloor}median ${ms(ticks.medianPaintedMs)} by Event Timing; stored after ${ms(ticks.medianStoredMs)}, ` +
				`in the incident state after ${ms(ticks.medianAppliedMs)}, the store loaded on this first tick; ` +
				`the page's event handlers ran ${ms(ticks.medianHandlersMs)}), median of ${ticks.runs.length}`;
	out.push(
		'',
		'Checklist tick, from the click to the tick painted and stored: ' +
			(ticks.notMeasured ? `not measured: ${ticks.notMeasured}` : `${ms(ticks.medianMs)}${parts}`),
	);
	if (results.scale.length > 0) {
		out.push(
			'',
			row([
				'site',
				'scenarios',
				'pages',
				'build (CPU)',
				'start page HTML',
				'scenario page HTML',
				'scenario index HTML',
				'largest other page',
			]),
			row(Array(8).fill('---')),
		);
		for (const f of results.scale) {
			const ours = ourScale(results, f.scenarios);
			const ratio = siteOf(f) !== 'playbook' && ours ? ` (playbook ${(ours.buildMs / f.buildMs).toFixed(2)}×)` : '';
			out.push(
				row([
					siteOf(f),
					f.scenarios,
					f.pages,
					`${s(f.buildMs)} (${s(f.buildCpuMs)})${ratio}`,
					kbRaw(f.home),
					kbRaw(f.scenario),
					kbRaw(f.scenarioIndex),
					`${f.largestPage.page} ${kbRaw(f.largestPage.size)}`,
				]),
			);
		}
		const grown = results.scale.filter((f) => siteOf(f) === 'playbook');
		const steps = results.msPerScenario.map((n, i) => `${grown[i]!.scenarios} → ${grown[i + 1]!.scenarios}: ${n.toFixed(1)} ms`);
		if (steps.length > 0)
			out.push('', `Build CPU time per scenario added (small differences are within the machine's noise): ${steps.join('; ')}.`);
		out.push(buildsLine(results.builds));
		out.push('', ...formatBuildSteps(results.scale));
	} else if (Object.keys(results.builds).length > 0) out.push('', buildsLine(results.builds));
	out.push('', row(['target', 'measured', '']), row(['---', '---', '---']));
	const ours = results.pages.filter((p) => p.site === 'playbook');
	const lighthouse = ours.filter((p) => p.lighthouse);
	const worst = lighthouse.length
		? Math.min(
				...lighthouse.flatMap((p) => [
					p.lighthouse!.performance,
					p.lighthouse!.accessibility,
					p.lighthouse!.bestPractices,
					p.lighthouse!.seo,
				]),
			)
		: undefined;
	out.push(
		row([
			`Lighthouse ${TARGETS.lighthouse} in all four categories, every page type`,
			worst === undefined ? '–' : `lowest score ${worst}`,
			verdict(worst === undefined ? undefined : worst >= TARGETS.lighthouse),
		]),
	);
	const searches = results.search['playbook'];
	const searchCases = [
		['warm', searches?.medianMs],
		['typed at once', searches?.atOnce?.medianMs],
		[`${SLOW_CPU}× slower CPU`, searches?.slowCpu?.medianMs],
	] as const;
	const searchMissed = searchCases.filter(([, n]) => n !== undefined && n > TARGETS.searchMs).map(([name]) => name);
	out.push(
		row([
			`first search result within ${TARGETS.searchMs} ms of the keystroke: warm / typed at once / ${SLOW_CPU}× slower CPU`,
			searchCases.map(([, n]) => ms(n)).join(' / '),
			searches === undefined
				? verdict(undefined)
				: searchMissed.length > 0
					? `${verdict(false)} (${searchMissed.join(', ')})`
					: searchCases.some(([, n]) => n === undefined)
						? 'met where measured'
						: verdict(true),
		]),
	);
	const tick = results.tick.medianMs;
	out.push(
		row([
			`a tick painted and stored within ${TARGETS.tickMs} ms`,
			results.tick.notMeasured ? 'not measured' : ms(tick),
			verdict(tick === undefined ? undefined : tick <= TARGETS.tickMs),
		]),
	);
	const real = results.builds['playbook'];
	const stockReal = results.builds['stock Starlight'];
	const ratio = real && stockReal ? real.ms / stockReal.ms : undefined;
	const taken = real?.runs && real.runs.length > 1 ? `, medians of ${real.runs.length} builds each taken in turn` : '';
	out.push(
		row([
			`the real playbook builds within ${TARGETS.buildVsStock}× stock Starlight's time, same text, same run`,
			ratio === undefined
				? '–'
				: `${ratio.toFixed(2)}×: ${s(real!.ms)} against ${s(stockReal!.ms)}${taken} ` +
					`(CPU ${(real!.cpuMs / stockReal!.cpuMs).toFixed(2)}×: ${s(real!.cpuMs)} against ${s(stockReal!.cpuMs)})`,
			verdict(ratio === undefined ? undefined : ratio <= TARGETS.buildVsStock),
		]),
	);
	const thousand = ourScale(results, 1000);
	const stockThousand = results.scale.find((f) => siteOf(f) === 'stock Starlight' && f.scenarios === 1000);
	out.push(
		row([
			`1,000 scenarios built in under ${s(TARGETS.build1000Ms)}`,
			thousand
				? `${s(thousand.buildMs)} (${s(thousand.buildCpuMs)} CPU)` +
					(stockThousand
						? `; stock Starlight ${s(stockThousand.buildMs)} (${s(stockThousand.buildCpuMs)} CPU), ` +
							`${(thousand.buildMs / stockThousand.buildMs).toFixed(2)}×`
						: '')
				: '–',
			verdict(thousand ? thousand.buildMs < TARGETS.build1000Ms : undefined),
		]),
	);
	// No worse than linear: a scenario added to a large playbook costs no more than a page of a small one.
	const small = ourScale(results, 100);
	const perPage = small ? small.buildCpuMs / small.pages : undefined;
	const marginal = results.msPerScenario.at(-1);
	const linear = perPage !== undefined && marginal !== undefined ? marginal <= perPage * 1.5 : undefined;
	out.push(
		row([
			'build time grows linearly',
			linear === undefined
				? '–'
				: `${marginal!.toFixed(1)} CPU ms per scenario added from 100 to 1,000, against ${perPage!.toFixed(1)} per page at 100`,
			verdict(linear),
		]),
	);
	out.push(...byteTargetRows(results, ours));
	out.push(
		'',
		`Machine: ${results.machine.cpus} cores, load average ${results.machine.loadBefore.map((n) => n.toFixed(1)).join('/')} before ` +
			`and ${results.machine.loadAfter.map((n) => n.toFixed(1)).join('/')} after; Node ${results.machine.node}.`,
	);
	if (results.skipped.length > 0) out.push(`Skipped: ${results.skipped.join(', ')}.`);
	return out.join('\n');
}
