import type { AstroIntegration } from 'astro';
import { SCENARIO_DATA_URL } from '../data/clientPlaybook';

/** Where the single-file copy of the playbook is published. */
export const PLAYBOOK_FILE = '/incident-response-playbook.html';

/**
 * Publish the whole playbook as one self-contained HTML file, for when the site is unreachable,
 * and the scenario data the whole-playbook pages fetch (SCENARIO_DATA_URL).
 */
export function playbookFile(): AstroIntegration {
	return {
		name: 'playbook:single-file',
		hooks: {
			'astro:config:setup': ({ injectRoute }) => {
				injectRoute({ pattern: PLAYBOOK_FILE, entrypoint: new URL('../routes/playbookFile.ts', import.meta.url), prerender: true });
				// Every scenario and its checklists, fetched by the pages that list them all.
				injectRoute({ pattern: SCENARIO_DATA_URL, entrypoint: new URL('../routes/scenarioData.ts', import.meta.url), prerender: true });
			},
		},
	};
}
