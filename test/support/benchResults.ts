import { BUDGETS } from '../../scripts/measure/budgets.ts';
import { TARGETS, type BenchResults } from '../../scripts/measure/bench/report.ts';

/** A benchmark run that measured only what `measured` gives; every other part skipped. */
export function benchResults(measured: Partial<Pick<BenchResults, 'builds' | 'search'>>, skipped: string[]): BenchResults {
	return {
		date: '2026-01-01T00:00:00Z',
		machine: { cpus: 2, loadBefore: [0, 0, 0], loadAfter: [0, 0, 0], node: 'v24' },
		budgets: BUDGETS,
		targets: TARGETS,
		builds: measured.builds ?? {},
		pages: [],
		search: measured.search ?? {},
		tick: { runs: [], notMeasured: 'skipped' },
		scale: [],
		msPerScenario: [],
		skipped,
	};
}
