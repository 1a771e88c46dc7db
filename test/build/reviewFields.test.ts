import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { astroSync, makeProject } from '../support/buildSite.ts';
import { P_FIXTURE } from '../support/playbookFromFiles.ts';

const real = (file: string) => readFileSync(join(P_FIXTURE, file), 'utf8');

describe('a page without its review fields', () => {
	it('fails the build, naming the file and saying what to write', async () => {
		const root = makeProject('no-owner', {
			dir: P_FIXTURE,
			overlay: { 'docs/tools.mdx': real('docs/tools.mdx').replace(/^owner: .*\n/m, '') },
		});
		// The content step every build starts with, and stops at on bad content (see contentErrors.test.ts).
		const build = await astroSync(root);
		expect(build.ok).toBe(false);
		expect(build.output).toContain('docs → tools');
		expect(build.output).toContain('content/docs/tools.mdx');
		expect(build.output).toContain('owner: every page needs an owner: the person or team who keeps it true');
	});
});
