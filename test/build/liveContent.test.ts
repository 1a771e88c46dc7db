import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBundleOrigins } from '../../scripts/measure/bundleOrigins.ts';
import { checkReferences } from '../../src/lib/checkReferences.ts';
import { scenarioPath } from '../../src/lib/urls.ts';
import { checkBudgets } from '../../scripts/measure/checkBudgets.ts';
import { astroBuild, makeProject, type BuildResult } from '../support/buildSite.ts';
import { playbookFromFiles } from '../support/playbookFromFiles.ts';
import { serveStatic } from '../support/server.ts';
import { useChromium } from '../support/useChromium.ts';

/**
 * The live content/, whatever a team has written there, meets what any good playbook meets: it
 * builds with no broken reference or link and no warning about it, every scenario is listed and
 * found by one of its symptoms, and no page is over budget. The browser tests of the site's
 * behaviour run on a fixture (test/support/globalSetup.ts); this is the one build of content/.
 */
const playbook = playbookFromFiles();
let build: BuildResult;
let root: string;
let site: Awaited<ReturnType<typeof serveStatic>>;
beforeAll(async () => {
	root = makeProject('live-content', {});
	build = await astroBuild(root);
	// The build's own error (file and field) ends its log: said first, then the log.
	if (!build.ok) throw new Error(`${build.output.trim().split('\n').slice(-12).join('\n')}\n\n(whole build log)\n${build.output}`);
	site = await serveStatic(build.dist);
});
afterAll(() => site?.close());
// Launched after the build above.
const chromium = useChromium();

describe('the live content', () => {
	it('has no broken cross-reference, and builds with no warning about its text', () => {
		expect(checkReferences(playbook)).toEqual([]);
		// The lines that say so, not the whole build log: what a team has to fix.
		expect(build.output.split('\n').filter((line) => /names levels this playbook does not have|invalid link/.test(line))).toEqual([]);
	});

	it('lists every scenario on the scenario index', () => {
		const index = readFileSync(join(build.dist, 'scenarios/index.html'), 'utf8');
		const missing = playbook.scenarios.filter((s) => !index.includes(`href="${scenarioPath(s.id)}"`)).map((s) => s.id);
		expect(missing).toEqual([]);
	});

	it('finds every scenario by one of its symptoms', async () => {
		const page: Page = await chromium.browser.newPage();
		await page.goto(`${site.url}/`);
		const lost: string[] = [];
		for (const scenario of playbook.scenarios) {
			let found = false;
			for (const symptom of scenario.symptoms.map((s) => s.text)) {
				// A string, so the test runner's transform leaves the browser's import() alone.
				const paths = (await page.evaluate(`(async () => {
					const pagefind = await import(${JSON.stringify(`${site.url}/pagefind/pagefind.js`)});
					const search = await pagefind.search(${JSON.stringify(symptom)});
					const data = await Promise.all(search.results.slice(0, 8).map((r) => r.data()));
					return data.map((d) => new URL(d.url, location.href).pathname);
				})()`)) as string[];
				if (paths.includes(scenarioPath(scenario.id))) {
					found = true;
					break;
				}
			}
			if (!found) lost.push(`${scenario.id} (${scenario.symptoms.map((s) => s.text).join(' / ')})`);
		}
		expect(lost).toEqual([]);
		await page.close();
	});

	it('keeps every page within its size budgets', async () => {
		const { violations } = await checkBudgets(build.dist, readBundleOrigins(root, build.dist));
		expect(violations.map((v) => v.message)).toEqual([]);
	});
});
