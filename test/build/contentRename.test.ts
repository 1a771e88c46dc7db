import { readdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { astroBuild, makeProject } from '../support/buildSite.ts';
import { P_FIXTURE } from '../support/playbookFromFiles.ts';

/**
 * A team renames its content files as it edits them. A level's id comes from its frontmatter, not
 * its file name, so a level file renamed with its text unchanged keeps its id; the next build, on
 * the content cache of the last one, must still build.
 */
describe('a content file renamed between two builds', () => {
	it('builds: a level file renamed, its id and text the same', async () => {
		const root = makeProject('renamed-level', { dir: P_FIXTURE });
		// The first build's content cache, as a working copy keeps it between builds.
		const first = await astroBuild(root, join(root, 'dist'), { measure: false });
		expect(first.ok, first.output.slice(-3000)).toBe(true);
		const dir = join(root, 'content/severities');
		const file = readdirSync(dir).find((f) => f.endsWith('.mdx'))!;
		renameSync(join(dir, file), join(dir, `renamed-${file}`));
		const build = await astroBuild(root, join(root, 'dist'), { measure: false });
		expect(build.ok, build.output.slice(-3000)).toBe(true);
	});
});
