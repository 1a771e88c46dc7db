import { describe, expect, it } from 'vitest';
import { formatReport, type BenchResults } from '../../scripts/measure/bench/report.ts';
import { benchResults } from '../support/benchResults.ts';

/** One build's wall and CPU time, in seconds. */
const build = (s: number, cpu = s * 1.2) => ({ ms: s * 1000, cpuMs: cpu * 1000 });

/** A benchmark run that timed the real playbook's builds and nothing else. */
const results = (builds: BenchResults['builds']): BenchResults => benchResults({ builds }, ['lighthouse', 'scale', 'search', 'tick']);

const targetRow = (report: string) => report.split('\n').find((line) => line.startsWith('| the real playbook builds within'));

describe('the build figures of the benchmark report', () => {
	it('compares the medians of the builds taken in turn, and says how many and how far apart', () => {
		const ours = [3.0, 4.4, 3.1, 2.9, 3.2].map((s) => build(s));
		const stock = [2.0, 2.6, 2.1, 2.2, 1.9].map((s) => build(s));
		const report = formatReport(results({ playbook: { ...build(3.1), runs: ours }, 'stock Starlight': { ...build(2.0), runs: stock } }));
		expect(report).toContain(
			'Builds of the real playbook, median of 5 taken in turn: playbook 3.1 s (2.9–4.4 s; 3.7 s CPU), stock Starlight 2.0 s (1.9–2.6 s; 2.4 s CPU).',
		);
		// 3.1 against 2.0: 1.55×, over the target, whatever the single slowest or fastest build says.
		expect(targetRow(report)).toMatch(
			/^\| [^|]+ \| 1\.55×: 3\.1 s against 2\.0 s, medians of 5 builds each taken in turn \(CPU 1\.55×: 3\.7 s against 2\.4 s\) \| \*\*missed\*\* \|$/,
		);
	});

	it('still reads results of a single build of each', () => {
		const report = formatReport(results({ playbook: build(2.8), 'stock Starlight': build(2.0) }));
		expect(report).toContain('Builds of the real playbook: playbook 2.8 s (3.4 s CPU), stock Starlight 2.0 s (2.4 s CPU).');
		expect(targetRow(report)).toMatch(/\| 1\.40×: 2\.8 s against 2\.0 s \(CPU 1\.40×: 3\.4 s against 2\.4 s\) \| met \|$/);
	});
});
