import type { AstroIntegration } from 'astro';

/** Where the single-file copy of the playbook is published. */
export const PLAYBOOK_FILE = '/incident-response-playbook.html';

/** Publish the whole playbook as one self-contained HTML file, for when the site is unreachable. */
export function playbookFile(): AstroIntegration {
	return {
		name: 'playbook:single-file',
		hooks: {
			'astro:config:setup': ({ injectRoute }) => {
				injectRoute({ pattern: PLAYBOOK_FILE, entrypoint: new URL('../routes/playbookFile.ts', import.meta.url), prerender: true });
			},
		},
	};
}
