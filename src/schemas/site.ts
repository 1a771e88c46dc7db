import { z } from 'astro/zod';

/** What a link or value in the tools list is used for by the site. */
export const RESOURCE_ROLES = ['dashboard', 'status-page', 'incident-channel', 'on-call', 'error-tracking'] as const;

/** One tool or resource, e.g. Grafana and its URL. */
export const ResourceSchema = z
	.strictObject({
		name: z.string().min(1).describe('Name, e.g. "Grafana".'),
		url: z.url().optional().describe('Where it is.'),
		text: z.string().optional().describe('What it is, when there is no link, e.g. "PagerDuty/Opsgenie".'),
		code: z.string().optional().describe('A path or name shown as code, e.g. "docs/api.md".'),
		role: z
			.enum(RESOURCE_ROLES)
			.optional()
			.describe('What the site uses it for: the status page link in messages, the incident channel, the on-call tool, dashboards.'),
	})
	.refine((r) => r.url ?? r.text ?? r.code, 'give a url, a text or a code')
	.meta({ id: 'Resource', description: 'One tool or resource: give a `url`, a `text` or a `code`.' });

/** A tool or resource. */
export type Resource = z.output<typeof ResourceSchema>;

/** One status an incident moves through. */
export const StatusSchema = z
	.strictObject({
		id: z.string().regex(/^[a-z0-9-]+$/).describe('Key stored with the incident, e.g. "investigating".'),
		label: z.string().min(1).describe('Word shown and sent in messages, e.g. "Investigating".'),
		closes: z.boolean().default(false).describe('This status ends the incident (exactly one status closes).'),
		mitigates: z.boolean().optional().describe('Reaching this status means the impact stopped: the metrics count time to mitigate up to the first such status.'),
	})
	.meta({ id: 'Status', description: 'One status an incident moves through.' });

/** An incident status. */
export type Status = z.output<typeof StatusSchema>;

/** The settings a team changes first when it adopts the playbook. */
export const SiteSchema = z.strictObject({
	organisation: z.string().min(1).describe('Organisation name, shown in the header and in messages.'),
	title: z.string().min(1).describe('Site title, shown in the header and browser tab.'),
	description: z.string().min(1).describe('One line on what the site is for, used in search engines and link previews.'),
	channelPrefix: z
		.string()
		.regex(/^[a-z0-9-_]*$/, 'chat channel names are lowercase letters, digits, - and _')
		.describe('Prefix of incident channel names: "incident-" gives "#incident-20261126-0314".'),
	staleAfterDays: z
		.number()
		.int()
		.min(1)
		.describe('Pages not reviewed for more than this many days say they may be out of date, and `npm run stale` lists them.'),
	statuses: z
		.array(StatusSchema)
		.min(2)
		.refine((list) => list.filter((s) => s.closes).length === 1, 'exactly one status needs `closes: true`')
		.describe('Statuses in the order an incident moves through them; the first is where it starts.'),
	resources: z
		.array(
			z.strictObject({
				group: z.string().min(1).describe('Heading of the group on the tools page, e.g. "Monitoring".'),
				items: z.array(ResourceSchema).min(1).describe('The tools and resources of the group.'),
			}),
		)
		.min(1)
		.describe('Tools and resources, in groups, as the tools page lists them.'),
});

/** The site settings. */
export type Site = z.output<typeof SiteSchema>;
