import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../support/buildSite.ts';

const NODE = join(ROOT, 'node_modules/.bin/node');
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
const page = (owner: string | undefined, reviewed: string | undefined) =>
	`---\ntitle: A page\n${owner ? `owner: ${owner}\n` : ''}${reviewed ? `lastReviewed: ${reviewed}\n` : ''}---\n\nText.\n`;

const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A content folder with the real site settings (review age 30 days) and the given pages. */
function playbook(pages: Record<string, string>): string {
	const root = mkdtempSync(join(tmpdir(), 'stale-'));
	made.push(root);
	const site = readFileSync(join(ROOT, 'content/site.yaml'), 'utf8').replace(/staleAfterDays: \d+/, 'staleAfterDays: 30');
	mkdirSync(join(root, 'content/docs'), { recursive: true });
	writeFileSync(join(root, 'content/site.yaml'), site);
	for (const [file, text] of Object.entries(pages)) {
		mkdirSync(dirname(join(root, 'content/docs', file)), { recursive: true });
		writeFileSync(join(root, 'content/docs', file), text);
	}
	return root;
}

const stale = (root: string, ...args: string[]) => {
	const run = spawnSync(NODE, [join(ROOT, 'scripts/stale.ts'), ...args], { cwd: root, encoding: 'utf8' });
	return { code: run.status, out: run.stdout, err: run.stderr };
};

describe('npm run stale', () => {
	const root = playbook({
		'fresh.mdx': page('Platform team', daysAgo(0)),
		'exactly.mdx': page('Platform team', daysAgo(30)),
		'old.mdx': page('Data team', daysAgo(31)),
		'runbooks/older.md': page('Security team', daysAgo(400)),
		'_partial.mdx': 'Not a page: no frontmatter.',
	});

	it('lists the pages past staleAfterDays, oldest first, with owner, date and age, and fails', () => {
		const run = stale(root);
		expect(run.code).toBe(1);
		expect(run.out).toContain('2 of 4 pages were last reviewed more than 30 days ago (staleAfterDays in content/site.yaml)');
		const lines = run.out.split('\n').filter((line) => line.includes('content/docs/'));
		expect(lines).toHaveLength(2);
		expect(lines[0]).toMatch(new RegExp(`content/docs/runbooks/older\\.md\\s+Security team\\s+${daysAgo(400)}\\s+400 days`));
		expect(lines[1]).toMatch(new RegExp(`content/docs/old\\.mdx\\s+Data team\\s+${daysAgo(31)}\\s+31 days`));
		expect(run.out).not.toMatch(/fresh\.mdx|exactly\.mdx|_partial/);
	});

	it('only reports with --report-only', () => {
		const run = stale(root, '--report-only');
		expect(run.code).toBe(0);
		expect(run.out).toContain('2 of 4 pages');
	});

	it('passes when every page is recent', () => {
		const run = stale(playbook({ 'a.mdx': page('Platform team', daysAgo(30)), 'b.mdx': page('Platform team', daysAgo(1)) }));
		expect(run).toMatchObject({ code: 0, out: 'All 2 pages were reviewed in the last 30 days.\n' });
	});

	it('names the file and the field when a page has no owner or no valid date, even with --report-only', () => {
		const run = stale(playbook({ 'a.mdx': page(undefined, daysAgo(1)), 'b.mdx': page('Platform team', 'last spring') }), '--report-only');
		expect(run.code).toBe(1);
		expect(run.err).toContain('content/docs/a.mdx: owner: every page needs an owner');
		expect(run.err).toContain('content/docs/b.mdx: lastReviewed: every page needs lastReviewed');
	});

	it('refuses an unknown option', () => {
		const run = stale(root, '--fix');
		expect(run.code).toBe(2);
		expect(run.err).toContain('Unknown option --fix');
	});
});
