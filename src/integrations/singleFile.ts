import type { AstroIntegration } from 'astro';
import { ROUTES } from '../lib/urls.ts';

/**
 * Publish the whole playbook as one self-contained HTML file, for when the site is unreachable,
 * the scenario data the whole-playbook pages fetch (ROUTES.scenarioData) and the web app manifest.
 */
export function singleFile(): AstroIntegration {
	return {
		name: 'playbook:single-file',
		hooks: {
			'astro:config:setup': ({ injectRoute }) => {
				injectRoute({ pattern: ROUTES.playbookFile, entrypoint: new URL('../routes/playbookHtml.ts', import.meta.url), prerender: true });
				// Every scenario and its checklists, fetched by the pages that list them all.
				injectRoute({ pattern: ROUTES.scenarioData, entrypoint: new URL('../routes/scenarioData.ts', import.meta.url), prerender: true });
				// The status update template, fetched by the incident bar's "Post update".
				injectRoute({
					pattern: ROUTES.updateTemplate,
					entrypoint: new URL('../routes/updateTemplate.ts', import.meta.url),
					prerender: true,
				});
				// The web app manifest, so the playbook installs on a home screen.
				injectRoute({ pattern: ROUTES.manifest, entrypoint: new URL('../routes/manifest.ts', import.meta.url), prerender: true });
			},
		},
	};
}
