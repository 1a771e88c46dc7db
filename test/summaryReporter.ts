import type { Reporter, TestModule } from 'vitest/node';

/**
 * Ends the run with one plain line, "N passed, N failed, N skipped", that any CI can read,
 * after Vitest's own report.
 */
export default class SummaryReporter implements Reporter {
	onTestRunEnd(modules: ReadonlyArray<TestModule>, errors: ReadonlyArray<unknown>): void {
		const counts = { passed: 0, failed: errors.length, skipped: 0 };
		for (const module of modules) {
			const tests = [...module.children.allTests()];
			// A file that failed outside its tests (an import or a beforeAll hook) counts as one failure.
			if (module.state() === 'failed' && !tests.some((t) => t.result().state === 'failed')) counts.failed += 1;
			for (const test of tests) {
				const state = test.result().state;
				if (state === 'passed') counts.passed += 1;
				else if (state === 'failed') counts.failed += 1;
				else counts.skipped += 1;
			}
		}
		process.stdout.write(`\n${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped\n`);
	}
}
