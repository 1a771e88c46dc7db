import { z } from 'astro/zod';
import { PUBLIC_STATUSES } from '../lib/statusPage.ts';

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
		id: z
			.string()
			.regex(/^[a-z0-9-]+$/)
			.describe('Key stored with the incident, e.g. "investigating".'),
		label: z.string().min(1).describe('Word shown and sent in messages, e.g. "Investigating".'),
		closes: z.boolean().default(false).describe('This status ends the incident (exactly one status closes).'),
		public: z
			.enum(PUBLIC_STATUSES)
			.optional()
			.describe(
				'What a public status page calls it. Left out: the closing status is "resolved", a status ' +
					'whose id is one of these words is that word, any other is "investigating".',
			),
		mitigates: z
			.boolean()
			.optional()
			.describe('Reaching this status means the impact stopped: the metrics count time to mitigate up to the first such status.'),
	})
	.meta({ id: 'Status', description: 'One status an incident moves through.' });

/** An incident status. */
export type Status = z.output<typeof StatusSchema>;

/** Where follow-up issues are filed: the new-issue form of a GitHub or GitLab project. */
export const TrackerSchema = z
	.strictObject({
		kind: z.enum(['github', 'gitlab']).describe('The tracker: `github` or `gitlab`.'),
		repo: z
			.string()
			.regex(/^[\w.-]+(\/[\w.-]+)+$/, 'a repository is written owner/name (GitLab: group/subgroup/name)')
			.describe('The repository issues go to, e.g. "org/platform".'),
		url: z
			.url()
			.default('https://github.com')
			.describe('The tracker\'s address, for GitHub Enterprise or GitLab, e.g. "https://gitlab.com".'),
		labels: z.array(z.string().min(1)).default([]).describe('Labels every follow-up issue gets, e.g. [incident-follow-up].'),
	})
	.meta({ id: 'Tracker', description: 'Where follow-up issues of a post-mortem are filed.' });

/** The issue tracker of the site settings. */
export type Tracker = z.output<typeof TrackerSchema>;

/** The settings a team changes first when it adopts the playbook. */
export const SiteSchema = z.strictObject({
	organisation: z.string().min(1).describe('Organisation name, shown in the header and in messages.'),
	title: z.string().min(1).describe('Site title, shown in the header and browser tab.'),
	description: z.string().min(1).describe('One line on what the site is for, used in search engines and link previews.'),
	url: z
		.url()
		.optional()
		.describe(
			'Origin the site is published at, e.g. "https://example.github.io": gives every page a canonical ' +
				'link and the build a sitemap. The PLAYBOOK_SITE environment variable overrides it.',
		),
	base: z
		.string()
		.regex(/^\/([^/?#\s]+\/)*$/, 'a base path starts and ends with "/", e.g. "/playbook/"')
		.default('/')
		.describe(
			'Path the site is published under, e.g. "/playbook/" for a GitHub Pages project site; "/" ' +
				'for the root of a host. The PLAYBOOK_BASE environment variable overrides it.',
		),
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
	tracker: TrackerSchema.optional().describe(
		'Where each post-mortem action item can be filed as an issue in one click. Left out: the items are copied instead.',
	),
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
