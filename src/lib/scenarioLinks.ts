import type { StarlightRouteData } from '@astrojs/starlight/route-data';

/**
 * How many scenario links a list shows before it sends the reader to the scenario index. It keeps
 * the sidebar, the start page and the severity page the same size however many scenarios the
 * playbook has: a thousand links on every page would make every page slow to load on a phone.
 */
export const SCENARIO_LINK_LIMIT = 12;

/**
 * Whether every page links the pages before and after it (Starlight's `pagination`): the scenarios
 * among them, whose links the route middleware makes (src/data/routeMiddleware.ts), follow it too.
 */
export const PAGINATION = true;

/** A link of the sidebar. */
export type SidebarLink = Extract<StarlightRouteData['sidebar'][number], { type: 'link' }>;
type PrevNext = StarlightRouteData['entry']['data']['prev'];

/**
 * A previous or next link as a page's frontmatter sets it (`prev`, `next`: off, on, another label,
 * another label and address), as Starlight applies it to the link it found.
 */
export function prevNextLink(link: SidebarLink | undefined, config: PrevNext): SidebarLink | undefined {
	if (config === false) return undefined;
	if (typeof config === 'string') return link && { ...link, label: config };
	if (typeof config === 'object') {
		if (link) return { ...link, label: config.label ?? link.label, href: config.link ?? link.href, attrs: {} };
		if (config.link && config.label)
			return { type: 'link', label: config.label, href: config.link, isCurrent: false, badge: undefined, attrs: {} };
	}
	return config === true || PAGINATION ? link : undefined;
}

/**
 * The first `limit` items, in order, always with the current one among them: when it would be
 * left out it takes the last place, so a reader always sees where they are.
 */
export function firstWithCurrent<T>(items: readonly T[], isCurrent: (item: T) => boolean, limit = SCENARIO_LINK_LIMIT): T[] {
	const shown = items.slice(0, limit);
	if (items.length <= limit || limit < 1) return shown;
	const current = items.find(isCurrent);
	if (current !== undefined && !shown.includes(current)) shown[limit - 1] = current;
	return shown;
}
