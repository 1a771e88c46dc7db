/**
 * Every public URL of the site, in one place. Responders bookmark these and alerts link to them,
 * so they stay stable; a team may publish the site under a base path (`/playbook/`), so nothing
 * else writes a root-absolute URL: pages, islands and scripts call `href()` or a named route here.
 */

/** Site paths without the base, as routes are declared (`injectRoute`, the links a page makes). */
export const ROUTES = {
	home: '/',
	severity: '/severity/',
	classify: '/classify/',
	communication: '/communication/',
	escalation: '/escalation/',
	postMortem: '/post-mortem/',
	tools: '/tools/',
	incident: '/incident/',
	drills: '/drills/',
	metrics: '/metrics/',
	authoring: '/authoring/',
	scenarioIndex: '/scenarios/',
	/** Every alert the runbooks list; `/alerts/<alert name>/` opens the runbook for one (see alertLinks.ts). */
	alerts: '/alerts/',
	/** Every scenario and its checklists, fetched by the pages that list them all. */
	scenarioData: '/playbook-scenarios.json',
	/** The whole playbook as one self-contained HTML file. */
	playbookFile: '/incident-response-playbook.html',
	pagefind: '/pagefind/pagefind.js',
	serviceWorker: '/sw.js',
	/** The status update template, fetched by the incident bar's "Post update". */
	updateTemplate: '/playbook-update.json',
	/** The web app manifest, so the playbook installs on a home screen. */
	manifest: '/manifest.webmanifest',
	/** The icons the manifest and the pages name. */
	icons: '/icons/',
} as const;

/** A base path as every URL here expects it, with a trailing slash (Astro's `config.base` may lack it). */
export const asBase = (base: string): string => (base.endsWith('/') ? base : `${base}/`);

/** The base path the site is built for, always with a trailing slash: `/` or `/playbook/`. */
export function basePath(): string {
	// import.meta.env is Vite's; scripts run by plain Node (npm run new) have none.
	return asBase((import.meta as { env?: { BASE_URL?: string } }).env?.BASE_URL ?? '/');
}

/** A site path (starting with `/`) as a URL under the base path. */
export function href(path: string, base = basePath()): string {
	if (!path.startsWith('/')) throw new Error(`A site path starts with "/": ${path}`);
	return `${base}${path.slice(1)}`;
}

/** The site path of a URL under the base path, or null when it is outside the site. */
export function sitePath(url: string, base = basePath()): string | null {
	if (url === base.slice(0, -1)) return '/';
	return url.startsWith(base) ? `/${url.slice(base.length)}` : null;
}

type Query = Record<string, string> | URLSearchParams | [string, string][];

function withQuery(path: string, query?: Query): string {
	const search = query === undefined ? '' : new URLSearchParams(query).toString();
	return search ? `${href(path)}?${search}` : href(path);
}

/** A scenario's runbook. */
export const scenarioPath = (id: string): string => `/scenarios/${id}/`;
/** A phase of the response process. */
export const phasePath = (id: string): string => `/process/${id}/`;
/** The page an alert's `runbook_url` points at: `/alerts/<alert name>/`, in any case. */
export const alertPath = (name: string): string => `${ROUTES.alerts}${encodeURIComponent(name)}/`;

/** The id of a template's section on the communication page, where its generator is. */
export const templateAnchor = (id: string): string => `template-${id}`;
/** The query that names an incident: the workspace opens on it, a template's generator fills from it. */
export const INCIDENT_QUERY = 'incident';
/** The query that opens the workspace with the declare form open (as any query but an incident's does): a page's "Declare". */
export const DECLARE_QUERY = 'declare';

/**
 * A template's generator on the communication page, filled from the incident worked on, or from `incident`
 * when given (apart from `urls`, which every page carries).
 */
export const templateHref = (id: string, incident?: string): string =>
	`${href(ROUTES.communication)}${incident ? `?${new URLSearchParams({ [INCIDENT_QUERY]: incident })}` : ''}#${templateAnchor(id)}`;

/** Links the pages and islands make, under the base path. */
export const urls = {
	home: () => href(ROUTES.home),
	severity: () => href(ROUTES.severity),
	classify: (query?: Query) => withQuery(ROUTES.classify, query),
	communication: () => href(ROUTES.communication),
	escalation: () => href(ROUTES.escalation),
	postMortem: (query?: Query) => withQuery(ROUTES.postMortem, query),
	incident: (query?: Query) => withQuery(ROUTES.incident, query),
	drills: () => href(ROUTES.drills),
	metrics: () => href(ROUTES.metrics),
	authoring: (anchor = '') => href(ROUTES.authoring) + (anchor ? `#${anchor}` : ''),
	scenarioIndex: () => href(ROUTES.scenarioIndex),
	scenario: (id: string, query?: Query) => withQuery(scenarioPath(id), query),
	phase: (id: string) => href(phasePath(id)),
	alerts: () => href(ROUTES.alerts),
	alert: (name: string, query?: Query) => withQuery(alertPath(name), query),
	scenarioData: () => href(ROUTES.scenarioData),
	playbookFile: () => href(ROUTES.playbookFile),
	pagefind: () => href(ROUTES.pagefind),
	serviceWorker: () => href(ROUTES.serviceWorker),
	updateTemplate: () => href(ROUTES.updateTemplate),
	manifest: () => href(ROUTES.manifest),
	icon: (file: string) => href(`${ROUTES.icons}${file}`),
};

/**
 * The workspace opened on one incident, which is then the one worked on: where the incident bar leads, and every link
 * that names an incident it is not sure is the one worked on (a generator filled from a link's incident, an incident
 * already open that the declare form offers).
 */
export const workspaceHref = (incident: { id: string }): string => urls.incident({ [INCIDENT_QUERY]: incident.id });
