import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { astroBuild, ROOT } from './buildSite';
import { serveStatic } from './server';

declare module 'vitest' {
	export interface ProvidedContext {
		/** Where the built site is served, e.g. http://127.0.0.1:41234 */
		baseURL: string;
		/** Folder of the built site. */
		dist: string;
	}
}

/**
 * Build the site once for every browser test and serve it like a static host would.
 * PLAYBOOK_SKIP_BUILD=1 reuses an existing dist/ (quicker while writing tests).
 */
export default async function setup(project: TestProject) {
	const dist = join(ROOT, 'dist');
	if (process.env['PLAYBOOK_SKIP_BUILD'] !== '1') {
		const build = await astroBuild(ROOT, dist);
		if (!build.ok) throw new Error(`astro build failed:\n${build.output}`);
	}
	const server = await serveStatic(dist);
	project.provide('baseURL', server.url);
	project.provide('dist', dist);
	return server.close;
}
