import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { astroBuild, makeProject, ROOT, type BuildResult } from '../support/buildSite.ts';
import { P_FIXTURE } from '../support/playbookFromFiles.ts';

const NODE = join(ROOT, 'node_modules/.bin/node');
const root = makeProject('scaffold', { dir: P_FIXTURE });
const npmNew = (...args: string[]) => {
	const run = spawnSync(NODE, ['scripts/new.ts', ...args], { cwd: root, encoding: 'utf8' });
	return { code: run.status, out: run.stdout, err: run.stderr };
};
const html = (dist: string, url: string) => readFileSync(join(dist, url, 'index.html'), 'utf8');
const listing = () =>
	['docs/scenarios', 'docs/process', 'severities', 'templates'].flatMap((dir) => readdirSync(join(root, 'content', dir)));

const made = [
	{ args: ['scenario', 'Cache stampede'], path: 'content/docs/scenarios/cache-stampede.mdx' },
	{ args: ['severity', 'P4'], path: 'content/severities/p4.mdx' },
	{ args: ['template', 'Customer notice'], path: 'content/templates/customer-notice.mdx' },
	{ args: ['phase', 'Follow-up'], path: 'content/docs/process/follow-up.mdx' },
];
let build: BuildResult;
beforeAll(async () => {
	for (const { args } of made) expect(npmNew(...args).code, args.join(' ')).toBe(0);
	build = await astroBuild(root);
});

describe('npm run new', () => {
	it('writes each entry with placeholders and says what to do next', () => {
		for (const { path } of made) expect(existsSync(join(root, path)), path).toBe(true);
		const scenario = readFileSync(join(root, made[0]!.path), 'utf8');
		expect(scenario).toContain('title: "Cache stampede"');
		expect(scenario).toMatch(/symptoms: # what the responder sees\n {2}- "TODO: /);
		expect(scenario).toMatch(new RegExp(`lastReviewed: ${new Date().toISOString().slice(0, 10)}`));
		expect(readFileSync(join(root, made[1]!.path), 'utf8')).toMatch(/rank: 4 # 0 is the most severe; unique \(taken: 0, 1, 2, 3\)/);
	});

	it('makes entries that build, each on its page', () => {
		expect(build.ok, build.output).toBe(true);
		expect(html(build.dist, 'scenarios/cache-stampede')).toContain('Cache stampede');
		expect(html(build.dist, 'process/follow-up')).toContain('Follow-up');
		expect(html(build.dist, 'severity')).toMatch(/id="p4"/);
		expect(html(build.dist, 'communication')).toContain('Customer notice');
	});

	it('gives a new page a review date of today, so it carries no stale notice', () => {
		expect(html(build.dist, 'scenarios/cache-stampede')).toMatch(/<p class="review-notice[^"]*"[^>]*hidden/);
		expect(html(build.dist, 'scenarios/service-down')).not.toMatch(/<p class="review-notice[^"]*"[^>]*hidden/);
	});

	it('refuses to overwrite an entry, and leaves it as it was', () => {
		const before = readFileSync(join(root, made[0]!.path), 'utf8');
		const run = npmNew('scenario', 'Cache Stampede');
		expect(run.code).toBe(1);
		expect(run.err).toContain('content/docs/scenarios/cache-stampede.mdx already exists');
		expect(readFileSync(join(root, made[0]!.path), 'utf8')).toBe(before);
		expect(npmNew('severity', 'p1').err).toContain('There is already a severity P1');
	});

	it.each([
		[['scenario', '!!!'], 'has no letters or digits'],
		[['scenario', 'index'], '"index" is kept'],
		[['severity', 'P 5'], 'cannot be a severity id'],
		[['template', 'Status {{oops}}'], 'content/templates/status-oops.mdx: text: {{oops}} is not declared in fields'],
		[['scenario', 'x'.repeat(81)], 'keep it under 80'],
	])('refuses %j with a clear message and writes nothing', (args, message) => {
		const before = listing();
		const run = npmNew(...args);
		expect(run.code).toBe(1);
		expect(run.err).toContain(message);
		expect(listing()).toEqual(before);
	});

	it('explains its usage when the kind or the name is missing', () => {
		for (const args of [[], ['widget', 'x'], ['scenario'], ['scenario', 'Cache', 'stampede']]) {
			const run = npmNew(...args);
			expect(run.code, args.join(' ')).toBe(2);
			expect(run.err).toContain('Usage: npm run new -- <scenario|severity|template|phase> "<name>"');
		}
	});
});
