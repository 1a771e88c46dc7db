import { defineRouteMiddleware, type StarlightRouteData } from '@astrojs/starlight/route-data';
import { getPlaybook } from './getPlaybook.ts';
import { dataHeadings } from './headings.ts';
import { firstWithCurrent } from '../lib/scenarioLinks.ts';
import { urls } from '../lib/urls.ts';
import { fillLevels } from '../lib/levelMentions.ts';

type SidebarEntry = StarlightRouteData['sidebar'][number];

/** Add the headings that data-driven pages render to their table of contents. */
async function addDataHeadings(route: StarlightRouteData): Promise<void> {
	if (!route.toc) return;
	const extra = dataHeadings(route.entry.id, await getPlaybook());
	if (extra.length === 0) return;
	const [overview, ...rest] = route.toc.items;
	const items = extra.filter((heading) => heading.depth <= route.toc!.maxHeadingLevel).map((heading) => ({ ...heading, children: [] }));
	route.toc.items = overview ? [overview, ...items, ...rest] : [...items, ...rest];
}

const isScenarioLink = (entry: SidebarEntry) =>
	entry.type === 'link' && 'autogenerate' in entry && entry.autogenerate.directory === 'scenarios' && entry.href !== urls.scenarioIndex();

/**
 * Keep the sidebar's scenario list short: the first scenarios in order, the current one always
 * among them, and the scenario index (its own sidebar entry) for the rest. Starlight has already
 * worked out previous/next from the full list, so those links still walk every scenario in order.
 */
function capScenarioLinks(entries: SidebarEntry[]): SidebarEntry[] {
	const scenarios = entries.filter(isScenarioLink);
	const shown = new Set(firstWithCurrent(scenarios, (entry) => entry.type === 'link' && entry.isCurrent));
	return entries
		.filter((entry) => !isScenarioLink(entry) || shown.has(entry))
		.map((entry) => (entry.type === 'group' ? { ...entry, entries: capScenarioLinks(entry.entries) } : entry));
}

/** Every page names the web app manifest (which holds the colours) and the icon iOS puts on a home screen. */
function addAppHead(route: StarlightRouteData): void {
	route.head.push(
		{ tag: 'link', attrs: { rel: 'manifest', href: urls.manifest() }, content: '' },
		{ tag: 'link', attrs: { rel: 'apple-touch-icon', href: urls.icon('icon-192.png') }, content: '' },
	);
}

/**
 * A page's description may say `{levels}` for the playbook's levels ("P0 to P3"), so it stays true
 * when they change: filled in the description and in the meta tags made from it.
 */
async function fillDescription(route: StarlightRouteData): Promise<void> {
	const { description } = route.entry.data;
	if (!description?.includes('{levels}')) return;
	const ids = (await getPlaybook()).severities.map((s) => s.id);
	route.entry.data.description = fillLevels(description, ids);
	for (const tag of route.head) {
		const content = tag.attrs?.['content'];
		if (typeof content === 'string' && content.includes('{levels}')) tag.attrs!['content'] = fillLevels(content, ids);
	}
}

/**
 * Route data changes every page needs: data headings in the table of contents, a bounded sidebar,
 * descriptions filled, the app manifest.
 */
export const onRequest = defineRouteMiddleware(async (context) => {
	const route = context.locals.starlightRoute;
	await fillDescription(route);
	route.sidebar = capScenarioLinks(route.sidebar);
	await addDataHeadings(route);
	addAppHead(route);
});
