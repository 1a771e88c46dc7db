import type { AstroIntegration } from 'astro';
import { ROUTES } from '../lib/urls';

/**
 * Publish the whole playbook as one self-contained HTML file, for when the site is unreachable,
 * and the scenario data the whole-playbook pages fetch (ROUTES.scenarioData).
 */
export function playbookFile(): AstroIntegration {
	return {
		name: 'playbook:single-file',
		hooks: {
			'astro:config:setup': ({ injectRoute }) => {
				injectRoute({ pattern: ROUTES.playbookFile, entrypoint: new URL('../routes/playbookFile.ts', import.meta.url), prerender: true });
				// Every scenario and its checklists, fetched by the pages that list them all.
				injectRoute({ pattern: ROUTES.scenarioData, entrypoint: new URL('../routes/scenarioData.ts', import.meta.url), prerender: true });
			},
		},
	};
}
