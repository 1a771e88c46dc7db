import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { astroSync, makeProject, ROOT } from '../support/buildSite.ts';
import { playbookFromFiles } from '../support/playbookFromFiles.ts';

const real = (file: string) => readFileSync(join(ROOT, 'content', file), 'utf8');

/**
 * Content the schemas refuse stops the build, naming the file and the field. Every build starts by
 * loading and validating the content (`astro sync`), and stops there on the first refusal: that
 * step alone is run, so no site is built.
 * The other refusals are checked where they are decided, in milliseconds: misspelt fields and the
 * message format in test/unit/schemas.test.ts, dangling references in checkReferences.test.ts,
 * broken site settings in siteSettings.test.ts.
 */
describe('a build of bad content', () => {
	it('fails on a wrong frontmatter value, naming the file and the field', async () => {
		const level = playbookFromFiles().severities[0]!;
		const file = level.file.replace(/^content\//, '');
		const root = makeProject('bad-value', {
			overlay: { [file]: real(file).replace(/^responseTime: .*$/m, 'responseTime: fifteen minutes') },
		});
		const build = await astroSync(root);
		expect(build.ok).toBe(false);
		expect(build.output).toContain(`severities → ${level.id}`);
		expect(build.output).toContain(level.file);
		expect(build.output).toMatch(/responseTime.*write a duration/);
		expect(build.output).not.toContain('**');
	});
});
