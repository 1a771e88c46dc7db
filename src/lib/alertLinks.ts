/**
 * One runbook URL for every alert: monitoring rules set `runbook_url` from one pattern,
 * `<site>/alerts/<alert name>/`, and the site sends each alert to the scenario whose frontmatter
 * lists it (`alerts:`), in any case, with the alert's query parameters passed on.
 */
import { ROUTES, scenarioPath } from './urls.ts';

/** The key an alert name is looked up by, and the path segment its page is built at: any case matches. */
export const alertKey = (name: string): string => name.trim().toLowerCase();

/** An alert as a scenario lists it, and the scenario it opens. */
export interface AlertRoute {
	alert: string;
	scenario: string;
}

/** Which scenario each listed alert opens, by alertKey(); a name listed twice opens the first scenario that lists it. */
export function alertIndex(scenarios: ReadonlyArray<{ id: string; alerts?: readonly string[] | undefined }>): Record<string, AlertRoute> {
	const index: Record<string, AlertRoute> = {};
	for (const scenario of scenarios) {
		for (const alert of scenario.alerts ?? []) index[alertKey(alert)] ??= { alert, scenario: scenario.id };
	}
	return index;
}

/**
 * The alert a site path names: `/alerts/HighErrorRate/` (trailing slash optional), or `/alerts/`
 * with `?alert=HighErrorRate`. Undefined for any other path.
 */
export function alertFromPath(path: string, search = ''): string | undefined {
	const match = /^\/alerts\/([^/]+)\/?$/.exec(path);
	let name: string | undefined;
	if (match) {
		try {
			name = decodeURIComponent(match[1]!);
		} catch {
			name = match[1];
		}
	} else if (path === ROUTES.alerts || path === ROUTES.alerts.slice(0, -1)) {
		name = new URLSearchParams(search).get('alert') ?? undefined;
	}
	name = name?.trim();
	return name ? name : undefined;
}

/** The query a runbook opens with: the alert link's own parameters, and the alert's name when the link gave none. */
export function alertQuery(search: string, alert: string): URLSearchParams {
	const query = new URLSearchParams(search);
	if (!query.get('alert')?.trim()) query.set('alert', alert);
	return query;
}

/** Where an alert's URL leads: the site path and query of the runbook that lists it, or undefined when none does. */
export function alertTarget(
	name: string,
	search: string,
	index: Record<string, AlertRoute>,
): { path: string; query: URLSearchParams } | undefined {
	const route = index[alertKey(name)];
	if (!route) return undefined;
	return { path: scenarioPath(route.scenario), query: alertQuery(search, route.alert) };
}
