import { z } from 'astro/zod';

/** What a link or value in the tools list is used for by the site. */
export const RESOURCE_ROLES = ['dashboard', 'status-page', 'incident-channel', 'on-call', 'error-tracking'] as const;

/** One tool or resource, e.g. Grafana and its URL. */
export const ResourceSchema = z
	.strictObject({
		/** Name, e.g. "Grafana". */
		name: z.string().min(1),
		/** Where it is. */
		url: z.url().optional(),
		/** What it is, when there is no link, e.g. "PagerDuty/Opsgenie". */
		text: z.string().optional(),
		/** A path or name shown as code, e.g. "docs/api.md". */
		code: z.string().optional(),
		/** What the site uses it for: the status page link in messages, the channel, dashboards. */
		role: z.enum(RESOURCE_ROLES).optional(),
	})
	.refine((r) => r.url ?? r.text ?? r.code, 'give a url, a text or a code');

/** A tool or resource. */
export type Resource = z.output<typeof ResourceSchema>;

/** One status an incident moves through. */
export const StatusSchema = z.strictObject({
	/** Key stored with the incident, e.g. "investigating". */
	id: z.string().regex(/^[a-z0-9-]+$/),
	/** Word shown and sent in messages, e.g. "Investigating". */
	label: z.string().min(1),
	/** This status ends the incident (exactly one status closes). */
	closes: z.boolean().default(false),
});

/** An incident status. */
export type Status = z.output<typeof StatusSchema>;

/** The settings a team changes first when it adopts the playbook. */
export const SiteSchema = z.strictObject({
	/** Organisation name, shown in the header and in messages. */
	organisation: z.string().min(1),
	/** Site title. */
	title: z.string().min(1),
	/** One line on what the site is for, used in search engines and link previews. */
	description: z.string().min(1),
	/** Prefix of incident channel names: "incident-" gives "#incident-20261126-0314". */
	channelPrefix: z
		.string()
		.regex(/^[a-z0-9-_]*$/, 'chat channel names are lowercase letters, digits, - and _'),
	/** Pages not reviewed for this many days show a notice. */
	staleAfterDays: z.number().int().min(1),
	/** Statuses in the order an incident moves through them; the first is where it starts. */
	statuses: z
		.array(StatusSchema)
		.min(2)
		.refine((list) => list.filter((s) => s.closes).length === 1, 'exactly one status needs `closes: true`'),
	/** Tools and resources, in groups, as the tools page lists them. */
	resources: z
		.array(z.strictObject({ group: z.string().min(1), items: z.array(ResourceSchema).min(1) }))
		.min(1),
});

/** The site settings. */
export type Site = z.output<typeof SiteSchema>;
