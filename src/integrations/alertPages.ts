import type { AstroIntegration } from 'astro';
import { ROUTES } from '../lib/urls.ts';

/**
 * The alert URLs (src/lib/alertLinks.ts): `/alerts/`, listing every alert and its runbook, and
 * `/alerts/<name>/` for each alert a scenario lists, which opens that runbook.
 */
export function alertPages(): AstroIntegration {
	return {
		name: 'playbook:alert-pages',
		hooks: {
			'astro:config:setup': ({ injectRoute }) => {
				injectRoute({ pattern: ROUTES.alerts, entrypoint: new URL('../routes/alerts.astro', import.meta.url), prerender: true });
				injectRoute({
					pattern: `${ROUTES.alerts}[alert]/`,
					entrypoint: new URL('../routes/alertRedirect.astro', import.meta.url),
					prerender: true,
				});
			},
		},
	};
}
