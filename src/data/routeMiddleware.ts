import { defineRouteMiddleware, type StarlightRouteData } from '@astrojs/starlight/route-data';
import { getPlaybook } from './getPlaybook.ts';
import { dataHeadings } from './headings.ts';
import { getCollection } from 'astro:content';
import { firstWithCurrent, prevNextLink, type SidebarLink } from '../lib/scenarioLinks.ts';
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

/** A scenario's sidebar link, with the id of its page. */
interface ScenarioLink {
	id: string;
	link: SidebarLink;
}

let scenarioLinks: Promise<ScenarioLink[]> | undefined;

/**
 * A link to every scenario page, in the playbook's order (getPlaybook: each scenario's sidebar
 * order, then its title), as Starlight would make it: its sidebar label or title, badge and
 * attributes; hidden ones left out. Made once for every page.
 */
function allScenarioLinks(): Promise<ScenarioLink[]> {
	scenarioLinks ??= (async () => {
		const [{ scenarios }, docs] = await Promise.all([getPlaybook(), getCollection('docs')]);
		const pages = new Map(docs.map((doc) => [doc.id, doc]));
		return scenarios.flatMap(({ id }): ScenarioLink[] => {
			const page = pages.get(`scenarios/${id}`);
			if (!page || page.data.sidebar.hidden) return [];
			const { label, badge, attrs } = page.data.sidebar;
			return [
				{
					id: page.id,
					link: { type: 'link', label: label || page.data.title, href: urls.scenario(id), isCurrent: false, badge, attrs: { ...attrs } },
				},
			];
		});
	})();
	return scenarioLinks;
}

const links = (entries: readonly SidebarEntry[]): SidebarLink[] =>
	entries.flatMap((entry) => (entry.type === 'group' ? links(entry.entries) : [entry]));

/** The group that links the scenario index: the scenarios are listed at its end. */
const scenarioGroup = (entry: SidebarEntry) =>
	entry.type === 'group' && entry.entries.some((e) => e.type === 'link' && e.href === urls.scenarioIndex());

/**
 * The scenarios in the sidebar, which Starlight is not given (a thousand links in every page's
 * route data, deep-copied for each page, made a thousand-scenario build seconds slower): the first
 * scenarios in order, the current one always among them, and the scenario index, in its group, for
 * the rest. Previous and next walk every scenario in order, from the page before them to the page
 * after, so they are worked out here for the pages among or beside them.
 */
async function addScenarioLinks(route: StarlightRouteData): Promise<void> {
	const all = await allScenarioLinks();
	if (all.length === 0) return;
	const current = all.find((s) => s.id === route.entry.id);
	const shown = firstWithCurrent(all, (s) => s === current).map((s) => ({ ...s.link, isCurrent: s === current }));
	const group = route.sidebar.find(scenarioGroup);
	if (!group || group.type !== 'group') return;
	// The whole order, every scenario where its group ends, to find the neighbours in.
	const before = links(route.sidebar.slice(0, route.sidebar.indexOf(group) + 1));
	const order = [...before, ...all.map((s) => s.link), ...links(route.sidebar.slice(route.sidebar.indexOf(group) + 1))];
	const at = current ? before.length + all.indexOf(current) : order.findIndex((link) => link.isCurrent);
	group.entries = [...group.entries, ...shown];
	const [prev, next] = [order[at - 1], order[at + 1]];
	const isScenario = (link: SidebarLink | undefined) => all.some((s) => s.link === link);
	if (at < 0 || !(current || isScenario(prev) || isScenario(next))) return;
	const { data } = route.entry;
	route.pagination = { prev: prevNextLink(prev, data.prev), next: prevNextLink(next, data.next) };
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
	await addScenarioLinks(route);
	await addDataHeadings(route);
	addAppHead(route);
});
