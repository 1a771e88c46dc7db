import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { astroBuild, makeProject, ROOT } from '../support/buildSite';
import { playbookFromFiles } from '../support/playbookFromFiles';

const real = (file: string) => readFileSync(join(ROOT, 'content', file), 'utf8');

describe('a build of bad content', () => {
	it('fails on a wrong frontmatter value, naming the file and the field', async () => {
		const level = playbookFromFiles().severities[0]!;
		const file = level.file.replace(/^content\//, '');
		const root = makeProject('bad-value', {
			overlay: { [file]: real(file).replace(/^responseTime: .*$/m, 'responseTime: fifteen minutes') },
		});
		const build = await astroBuild(root);
		expect(build.ok).toBe(false);
		expect(build.output).toContain(`severities → ${level.id}`);
		expect(build.output).toContain(level.file);
		expect(build.output).toMatch(/responseTime.*write a duration/);
		expect(build.output).not.toContain('**');
	});

	it('fails on a misspelt scenario field, naming it', async () => {
		const scenario = playbookFromFiles().scenarios[0]!;
		const file = scenario.file.replace(/^content\//, '');
		const root = makeProject('bad-key', {
			overlay: { [file]: real(file).replace(/^symptoms:/m, 'symptom:') },
		});
		const build = await astroBuild(root);
		expect(build.ok).toBe(false);
		expect(build.output).toContain(`scenarios → ${scenario.id}`);
		expect(build.output).toMatch(/symptoms/);
		expect(build.output).toMatch(/symptom"/);
	});

	it('fails when a scenario names a severity that does not exist, saying so once at the end, with no stack trace', async () => {
		const scenario = readdirSync(join(ROOT, 'content/docs/scenarios')).filter((f) => f.endsWith('.mdx'))[0]!;
		const levels = playbookFromFiles().severities.map((s) => s.id);
		const root = makeProject('dangling-severity', {
			overlay: { [`docs/scenarios/${scenario}`]: real(`docs/scenarios/${scenario}`).replace(/^severities: \[/m, 'severities: [NOPE-7, ') },
		});
		const build = await astroBuild(root);
		expect(build.ok).toBe(false);
		const problem = `content/docs/scenarios/${scenario}: severities.0: "NOPE-7" is not a severity (known: ${levels.join(', ')})`;
		expect(build.output.split(problem).length - 1).toBe(1);
		const tail = build.output.slice(build.output.indexOf(problem));
		expect(tail.split('\n').filter((line) => line.trim() && !line.startsWith('BUILD_CPU_MS')).length).toBeLessThanOrEqual(3);
		expect(build.output).not.toMatch(/\.prerender|rendering \/404|Stack trace/);
	});

	it('fails on a broken site setting, naming the file and field', async () => {
		const root = makeProject('bad-site', {
			overlay: { 'site.yaml': real('site.yaml').replace(/^staleAfterDays: .*$/m, 'staleAfterDays: soon') },
		});
		const build = await astroBuild(root);
		expect(build.ok).toBe(false);
		expect(build.output).toMatch(/content\/site\.yaml: staleAfterDays: /);
		expect(build.output).not.toContain('**');
	});
});
