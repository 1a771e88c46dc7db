import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { astroBuild, makeProject, ROOT } from '../support/buildSite.ts';

const NODE = join(ROOT, 'node_modules/.bin/node');

/** A page of its own, so the test does not depend on the wording of the live content. */
const page = (body: string) => `---\ntitle: A page with links\nowner: Platform team\nlastReviewed: 2024-12-01\n---\n\n${body}\n`;

/**
 * The links validator is loaded by the build that runs it (src/integrations/linksValidator.ts),
 * so that Node imports the config directly: a config Node cannot import is loaded through a Vite
 * dev server instead, which costs every build a few hundred milliseconds before any work starts.
 */
describe('the links validator', () => {
	it('leaves a config that Node imports by itself', () => {
		const config = pathToFileURL(join(ROOT, 'astro.config.mjs')).href;
		const run = spawnSync(NODE, ['--input-type=module', '-e', 'await import(process.argv[1])', config], { cwd: ROOT, encoding: 'utf8' });
		expect(run.stderr).toBe('');
		expect(run.status).toBe(0);
	});

	it('still fails a build on a link to a page that does not exist, naming the page and the link, build after build', async () => {
		const root = makeProject('broken-link', {
			overlay: { 'docs/links-check.mdx': page('See [the missing page](/no-such-page/).') },
		});
		// The second build starts with the content cache the first one left (the validator keeps it
		// when every page is MDX): the links are collected all the same.
		for (const build of [await astroBuild(root), await astroBuild(root)]) {
			expect(build.ok).toBe(false);
			expect(build.output).toContain('Links validation failed');
			expect(build.output).toMatch(/links-check\.mdx[\s\S]*\/no-such-page\/[\s\S]*invalid link/);
			expect(build.output).toContain('Found 1 invalid link in 1 file');
		}
	});
});
