import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { astroBuild, makeProject, ROOT } from '../support/buildSite';

const real = (file: string) => readFileSync(join(ROOT, 'content', file), 'utf8');

describe('a build of bad content', () => {
	it('fails on a wrong frontmatter value, naming the file and the field', async () => {
		const root = makeProject('bad-value', {
			overlay: { 'severities/p1.mdx': real('severities/p1.mdx').replace('responseTime: 15m', 'responseTime: fifteen minutes') },
		});
		const build = await astroBuild(root);
		expect(build.ok).toBe(false);
		expect(build.output).toContain('severities → P1');
		expect(build.output).toContain('content/severities/p1.mdx');
		expect(build.output).toMatch(/responseTime.*write a duration/);
	});

	it('fails on a misspelt scenario field, naming it', async () => {
		const root = makeProject('bad-key', {
			overlay: { 'docs/scenarios/service-down.mdx': real('docs/scenarios/service-down.mdx').replace('symptoms:', 'symptom:') },
		});
		const build = await astroBuild(root);
		expect(build.ok).toBe(false);
		expect(build.output).toContain('scenarios → service-down');
		expect(build.output).toMatch(/symptoms/);
		expect(build.output).toMatch(/symptom"/);
	});

	it('fails when a scenario names a severity that does not exist', async () => {
		const root = makeProject('dangling-severity', {
			overlay: { 'docs/scenarios/service-down.mdx': real('docs/scenarios/service-down.mdx').replace('severities: [P0]', 'severities: [P0, P7]') },
		});
		const build = await astroBuild(root);
		expect(build.ok).toBe(false);
		expect(build.output).toContain('content/docs/scenarios/service-down.mdx: severities.1: "P7" is not a severity (known: P0, P1, P2, P3)');
	});

	it('fails on a broken site setting, naming the file and field', async () => {
		const root = makeProject('bad-site', {
			overlay: { 'site.yaml': real('site.yaml').replace('staleAfterDays: 180', 'staleAfterDays: soon') },
		});
		const build = await astroBuild(root);
		expect(build.ok).toBe(false);
		expect(build.output).toMatch(/content\/site\.yaml: staleAfterDays: /);
	});
});
