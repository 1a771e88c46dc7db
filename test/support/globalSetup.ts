import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { astroBuild, makeProject, ROOT } from './buildSite.ts';
import { P_FIXTURE } from './playbookFromFiles.ts';
import { serveStatic } from './server.ts';

declare module 'vitest' {
	export interface ProvidedContext {
		/** Where the built site is served, e.g. http://127.0.0.1:41234 */
		baseURL: string;
		/** Folder of the built site. */
		dist: string;
		/** Project folder the site was built in (its .astro/ holds the bundle origins). */
		root: string;
		/** The content folder the site was built from. */
		content: string;
	}
}

/**
 * Build the P0–P3 fixture playbook (test/fixtures/p-playbook) once for every browser test and
 * serve it like a static host would. The browser tests expect its wording and times, so a team's
 * edits to content/ leave them green; test/build/liveContent.test.ts checks the live content.
 * PLAYBOOK_SKIP_BUILD=1 reuses the last build (quicker while writing tests).
 */
export default async function setup(project: TestProject) {
	const root = join(ROOT, '.fixtures/site');
	const dist = join(root, 'dist');
	if (process.env['PLAYBOOK_SKIP_BUILD'] !== '1' || !existsSync(dist)) {
		makeProject('site', { dir: P_FIXTURE });
		const build = await astroBuild(root, dist);
		if (!build.ok) throw new Error(`astro build failed:\n${build.output}`);
	}
	const server = await serveStatic(dist);
	project.provide('baseURL', server.url);
	project.provide('dist', dist);
	project.provide('root', root);
	project.provide('content', P_FIXTURE);
	return server.close;
}
