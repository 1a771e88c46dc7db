import type { AstroIntegrationLogger } from 'astro';

/**
 * Run one integration's post-build step and log what it did and how long it took, on one line
 * under the integration's label (`[playbook:offline] sw.js precaches 143 files … in 812 ms`), so
 * build time can be traced to its steps (the benchmark collects these lines).
 */
export async function timedStep(logger: AstroIntegrationLogger, step: () => Promise<string> | string): Promise<void> {
	const started = performance.now();
	const summary = await step();
	logger.info(`${summary} in ${Math.round(performance.now() - started)} ms`);
}

/** The lines timedStep() logs, read back from a build's output: label, summary and milliseconds. */
export const TIMED_STEP_LINE = /\[(playbook:[\w-]+)\] (.*) in (\d+) ms$/;
