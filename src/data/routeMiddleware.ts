import { defineRouteMiddleware } from '@astrojs/starlight/route-data';
import { getPlaybook } from './playbook';
import { dataHeadings } from './headings';

/** Add the headings that data-driven pages render to their table of contents. */
export const onRequest = defineRouteMiddleware(async (context) => {
	const route = context.locals.starlightRoute;
	if (!route.toc) return;
	const extra = dataHeadings(route.entry.id, await getPlaybook());
	if (extra.length === 0) return;
	const [overview, ...rest] = route.toc.items;
	const items = extra
		.filter((heading) => heading.depth <= route.toc!.maxHeadingLevel)
		.map((heading) => ({ ...heading, children: [] }));
	route.toc.items = overview ? [overview, ...items, ...rest] : [...items, ...rest];
});
