import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { ROUTES } from '../lib/urls.ts';
import type { AlertRoute } from '../lib/alertLinks.ts';
import { checkTemplate, FORWARD_TEMPLATE, forwardPage, forwardPageFolder } from '../build/alertForwardPages.ts';
import { inBatches } from './pagePasses.ts';
import { timedStep } from './timedStep.ts';

/**
 * The alert URLs (src/lib/alertLinks.ts): `/alerts/`, listing every alert and its runbook, and
 * `/alerts/<name>/` for each alert a scenario lists, which opens that runbook. Those pages are
 * written after the build from one rendered template (src/build/alertForwardPages.ts), once the
 * module preloads and the policy are in it (pagePasses.ts): list this integration after those passes, and before
 * the offline worker, which precaches them.
 */
export function alertPages(): AstroIntegration {
	return {
		name: 'playbook:alert-pages',
		hooks: {
			'astro:config:setup': ({ injectRoute, command }) => {
				injectRoute({ pattern: ROUTES.alerts, entrypoint: new URL('../routes/alerts.astro', import.meta.url), prerender: true });
				// Only a build writes the alerts' pages from the template; `astro dev` would show the template itself at its
				// stand-in's address. There, an alert's address reaches the 404 page, whose landing sends it on the same way.
				if (command === 'build')
					injectRoute({
						pattern: `${ROUTES.alerts}[alert]/`,
						entrypoint: new URL('../routes/alertRedirect.astro', import.meta.url),
						prerender: true,
					});
			},
			'astro:build:done': ({ dir, logger }) =>
				timedStep(logger, async () => {
					const root = fileURLToPath(dir);
					const folder = join(root, ROUTES.alerts);
					const templateFile = join(folder, FORWARD_TEMPLATE.key, 'index.html');
					const template = await readFile(templateFile, 'utf8');
					checkTemplate(template);
					await rm(join(folder, FORWARD_TEMPLATE.key), { recursive: true });
					// The alert index the pages fetch (src/routes/scenarioData.ts), so every URL leads where the 404 page's would.
					const { alerts } = JSON.parse(await readFile(join(root, ROUTES.scenarioData), 'utf8')) as {
						alerts: Record<string, AlertRoute>;
					};
					const pages: Array<[string, AlertRoute]> = [];
					let left = 0;
					for (const [key, route] of Object.entries(alerts)) {
						const name = forwardPageFolder(key);
						if (name === undefined || (await isFile(join(folder, name)))) left++;
						else pages.push([name, route]);
					}
					// A few at a time, as the other post-build steps write: one after another took longer.
					await inBatches(pages, 16, async ([name, route]) => {
						await mkdir(join(folder, name), { recursive: true });
						await writeFile(join(folder, name, 'index.html'), forwardPage(template, route));
					});
					return `${pages.length} alert pages written from one${left ? `; ${left} reach their runbook through the 404 page (a name no folder can carry)` : ''}`;
				}),
		},
	};
}

const isFile = async (path: string) => (await stat(path).catch(() => undefined))?.isFile() ?? false;
