import { describe, expect, it } from 'vitest';
import { BUDGETS, KB } from '../../scripts/measure/budgets.ts';
import { formatReport, TARGETS, type BenchResults, type PageResult } from '../../scripts/measure/bench/report.ts';
import type { PageSummary, Size } from '../../scripts/measure/pageWeight.ts';
import { benchResults } from '../support/benchResults.ts';

const size = (gzip: number): Size => ({ raw: gzip * 3, gzip });
const none = size(0);

/** A page's summary where only its total and our JavaScript matter. */
function summary(page: string, total: number, ours: number): PageSummary {
	return {
		page,
		requests: 5,
		html: size(total - ours),
		css: none,
		js: size(ours),
		jsEager: size(ours),
		jsLazy: none,
		jsOnDemand: none,
		jsInline: none,
		jsFirstParty: size(ours),
		jsLibrary: none,
		jsPlatform: none,
		total: size(total),
		islands: 1,
		fonts: [],
	};
}

/** A page type as the per-type table weighs it. */
const typed = (type: string, weight: PageSummary): PageResult => ({ site: 'playbook', type, url: weight.page, weight });

const row = (report: string, start: string) => report.split('\n').find((line) => line.startsWith(`| ${start}`));
const target = `at most ${TARGETS.firstPartyJsGzip / KB} KB gzipped of our JavaScript a page (target)`;
const ceiling = `at most ${BUDGETS.firstPartyJsGzip / KB} KB gzipped of our JavaScript a page (ceiling, tested)`;
const pageBudget = `no page over ${BUDGETS.pageGzip / KB} KB gzipped (budget, tested)`;

describe('the byte targets of the benchmark report', () => {
	const home = summary('/', 30 * KB, 6 * KB);
	const tool = summary('/tool/', 60 * KB, TARGETS.firstPartyJsGzip + 2 * KB);
	// Heavier than either, and not one of the page types the per-type table shows.
	const heaviest = summary('/heaviest/', BUDGETS.pageGzip + KB, BUDGETS.firstPartyJsGzip + KB);
	const other = summary('/other/', 40 * KB, TARGETS.firstPartyJsGzip + KB);

	it('judges every page of the site, naming the pages over the target, not only the page types', () => {
		const results: BenchResults = {
			...benchResults({}, ['lighthouse', 'scale', 'search', 'tick']),
			pages: [typed('home', home), typed('tool', tool)],
			everyPage: [home, tool, heaviest, other],
		};
		const report = formatReport(results);
		expect(row(report, pageBudget)).toMatch(/\| heaviest \/heaviest\/ [\d.]+ KB of 4 pages \| \*\*missed\*\* \|$/);
		expect(row(report, target)).toMatch(
			/\| within it on 1 of 4 pages; over: \/heaviest\/ [\d.]+, \/tool\/ 14\.0, \/other\/ 13\.0 KB \| \*\*missed\*\* \|$/,
		);
		expect(row(report, ceiling)).toMatch(/\| heaviest \/heaviest\/ [\d.]+ KB of 4 pages \| \*\*missed\*\* \|$/);
	});

	it('says met when every page is within them', () => {
		const results: BenchResults = {
			...benchResults({}, ['lighthouse', 'scale', 'search', 'tick']),
			pages: [typed('home', home)],
			everyPage: [home, summary('/small/', 20 * KB, 3 * KB)],
		};
		const report = formatReport(results);
		expect(row(report, target)).toMatch(/\| within it on 2 of 2 pages; heaviest \/ 6\.0 KB \| met \|$/);
		expect(row(report, ceiling)).toMatch(/\| heaviest \/ 6\.0 KB of 2 pages \| met \|$/);
		expect(row(report, pageBudget)).toMatch(/\| heaviest \/ 30\.0 KB of 2 pages \| met \|$/);
	});

	it('still reads results that weighed the page types only', () => {
		const results: BenchResults = {
			...benchResults({}, ['lighthouse', 'scale', 'search', 'tick']),
			pages: [typed('home', home), typed('tool', tool)],
		};
		const report = formatReport(results);
		expect(row(report, target)).toMatch(/\| 14\.0 KB \(tool\) \| \*\*missed\*\* \|$/);
		expect(row(report, pageBudget)).toMatch(/\| heaviest tool 60\.0 KB \| met \|$/);
	});
});
