import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import lighthouse from 'lighthouse';
import { CHROMIUM_ARGS, findChromium } from '../../lib/chromium.ts';
import { median } from './browserTimings.ts';

/** Lighthouse's four category scores (0–100) and the largest contentful paint. */
export interface LighthouseScores {
	performance: number;
	accessibility: number;
	bestPractices: number;
	seo: number;
	/** Largest Contentful Paint, simulated on Lighthouse's mobile profile, in milliseconds. */
	lcpMs: number;
}

/** A Chromium with a remote debugging port for Lighthouse to drive. */
export interface DebuggableChromium {
	port: number;
	close(): Promise<void>;
}

function freePort(): Promise<number> {
	return new Promise((done, fail) => {
		const server = createServer();
		server.on('error', fail);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as { port: number };
			server.close(() => done(port));
		});
	});
}

/** Start the system Chromium headless with a debugging port, with no network but loopback. */
export async function startChromium(): Promise<DebuggableChromium> {
	const path = findChromium();
	if (!path) throw new Error('No Chromium found: install one or set CHROMIUM_PATH (see README).');
	const port = await freePort();
	const profile = mkdtempSync(join(tmpdir(), 'lighthouse-chromium-'));
	const child: ChildProcess = spawn(
		path,
		[...CHROMIUM_ARGS, '--headless', `--remote-debugging-port=${port}`, `--user-data-dir=${profile}`, 'about:blank'],
		{
			stdio: 'ignore',
		},
	);
	// Wait until the debugging endpoint answers.
	for (let i = 0; i < 100; i++) {
		const ready = await fetch(`http://127.0.0.1:${port}/json/version`).then(
			(r) => r.ok,
			() => false,
		);
		if (ready) break;
		await new Promise((r) => setTimeout(r, 100));
	}
	return {
		port,
		async close() {
			// Chromium writes its profile until it has exited: remove the folder after that, and retry
			// (a helper process can still hold a file a moment longer).
			const exited = new Promise((resolve) => child.once('exit', resolve));
			child.kill();
			await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
			rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
		},
	};
}

/** One Lighthouse run with its default mobile settings (simulated slow 4G, a mid-range phone). */
async function runOnce(url: string, port: number): Promise<LighthouseScores> {
	const result = await lighthouse(url, {
		port,
		output: 'json',
		logLevel: 'error',
		onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
	});
	if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
	const { categories, audits, runtimeError } = result.lhr;
	if (runtimeError) throw new Error(`Lighthouse could not audit ${url}: ${runtimeError.message}`);
	const score = (id: string) => Math.round((categories[id]?.score ?? Number.NaN) * 100);
	return {
		performance: score('performance'),
		accessibility: score('accessibility'),
		bestPractices: score('best-practices'),
		seo: score('seo'),
		lcpMs: audits['largest-contentful-paint']?.numericValue ?? Number.NaN,
	};
}

/** Lighthouse run `runs` times on a page: the median of each score and of the LCP. */
export async function lighthouseMedian(url: string, port: number, runs = 3): Promise<LighthouseScores & { runs: LighthouseScores[] }> {
	const all: LighthouseScores[] = [];
	for (let i = 0; i < runs; i++) all.push(await runOnce(url, port));
	const mid = (key: keyof LighthouseScores) => median(all.map((r) => r[key]));
	return {
		performance: mid('performance'),
		accessibility: mid('accessibility'),
		bestPractices: mid('bestPractices'),
		seo: mid('seo'),
		lcpMs: mid('lcpMs'),
		runs: all,
	};
}
