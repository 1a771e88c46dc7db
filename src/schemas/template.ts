import { z } from 'astro/zod';
import { parseTemplate, templateNames } from '../lib/templateSyntax.ts';

/**
 * What the site knows about an incident, by name. A template field that names one of these in
 * `from` is prefilled from the open incident; any other field is typed in by the responder.
 */
export const INCIDENT_SOURCES = [
	'title',
	'severity',
	'status',
	'impact',
	'services',
	'channel',
	'onCall',
	'commander',
	'detectedAt',
	'resolvedAt',
	'duration',
	'nextUpdate',
	'timeline',
	'rootCause',
	'resolution',
	'postMortemLink',
	'severityPeriods',
	'skippedSteps',
	'actionItems',
	'usersAffected',
	'revenueImpact',
	'dataImpact',
	'lessons',
	'handoverFrom',
	'handoverTo',
	'handoverDone',
	'handoverOpen',
	'handoverNext',
] as const;

/** A name from {@link INCIDENT_SOURCES}. */
export type IncidentSource = (typeof INCIDENT_SOURCES)[number];

/** The incident sources that are lists, with the keys each of their items has. */
export const LIST_SOURCES: Partial<Record<IncidentSource, readonly string[]>> = {
	timeline: ['time', 'event'],
	severityPeriods: ['severity', 'from', 'to', 'duration'],
	skippedSteps: ['list', 'step'],
	actionItems: ['item', 'owner', 'due'],
};

const NameSchema = z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'a field name is letters, digits and _');

/** One blank of a template. */
export const TemplateFieldSchema = z.strictObject({
	name: NameSchema.describe('Name used in the text as `{{name}}` (or `{{#name}}…{{/name}}` for a list).'),
	label: z.string().min(1).describe('Label of the input in the generator.'),
	from: z.enum(INCIDENT_SOURCES).optional().describe('Incident property the field is prefilled from.'),
	placeholder: z.string().default('').describe('What the blank reads as on the static page, e.g. "[Description]".'),
	required: z.boolean().default(false).describe('Warn before sending when this field is empty.'),
	multiline: z.boolean().default(false).describe('A multi-line text box instead of a single line.'),
	markdown: z
		.boolean()
		.default(false)
		.describe(
			'The value is Markdown its writer wrote (a post-mortem section: lists, links, code): kept as written in the Markdown format; escaped in Slack, like every other value.',
		),
	items: z.array(NameSchema).min(1).optional().describe('For a list field: the keys of each item, e.g. [time, event].'),
	example: z.array(z.record(z.string(), z.string())).optional().describe('For a list field: example items shown on the static page.'),
});

/** A template field. */
export type TemplateField = z.output<typeof TemplateFieldSchema>;

/** A communication template (declaration, update, resolution) or the post-mortem document. */
export const TemplateSchema = z
	.strictObject({
		title: z.string().min(1).describe('Name of the template, e.g. "Incident Declaration".'),
		kind: z
			.enum(['message', 'document'])
			.describe('`message` is pasted into chat (Slack, Markdown, plain text); `document` is a Markdown file.'),
		order: z.number().int().default(0).describe('Position among templates of its kind.'),
		description: z.string().optional().describe('When to send it, in one line.'),
		whenClosed: z
			.boolean()
			.optional()
			.describe(
				'The message says the incident is over (a resolution): its generator warns before copying it for an incident not yet at the closing status.',
			),
		text: z
			.string()
			.min(1)
			.describe(
				'The text, with `{{field}}` blanks, `{{#list}}…{{/list}}` repeats, `{{^list}}…{{/list}}` for an empty list, and `**bold**`.',
			),
		fields: z.array(TemplateFieldSchema).default([]).describe('The blanks of the text, one per name used in it.'),
	})
	.superRefine((template, ctx) => {
		let nodes;
		try {
			nodes = parseTemplate(template.text);
		} catch (error) {
			ctx.addIssue({ code: 'custom', path: ['text'], message: (error as Error).message });
			return;
		}
		const { fields, sections } = templateNames(nodes);
		const declared = new Map(template.fields.map((f) => [f.name, f]));
		for (const name of fields) {
			const field = declared.get(name);
			if (!field) {
				ctx.addIssue({ code: 'custom', path: ['text'], message: `{{${name}}} is not declared in fields` });
			} else if (field.items) {
				ctx.addIssue({ code: 'custom', path: ['text'], message: `{{${name}}} is a list: use {{#${name}}}…{{/${name}}}` });
			}
		}
		for (const [name, keys] of sections) {
			const field = declared.get(name);
			if (!field?.items) {
				ctx.addIssue({ code: 'custom', path: ['text'], message: `{{#${name}}} needs a field "${name}" with items` });
				continue;
			}
			for (const key of keys.filter((k) => !field.items?.includes(k))) {
				ctx.addIssue({ code: 'custom', path: ['text'], message: `{{${key}}} inside {{#${name}}} is not one of its items` });
			}
		}
		template.fields.forEach((field, index) => {
			if (!fields.includes(field.name) && !sections.has(field.name)) {
				ctx.addIssue({ code: 'custom', path: ['fields', index, 'name'], message: `"${field.name}" is not used in the text` });
			}
			if (field.from === undefined) return;
			// A list source fills only the keys it has: a mismatch would leave blanks no one can fill.
			const keys = LIST_SOURCES[field.from];
			if (keys && !field.items) {
				ctx.addIssue({
					code: 'custom',
					path: ['fields', index, 'items'],
					message: `"${field.from}" is a list: give items (some of ${keys.join(', ')})`,
				});
			} else if (!keys && field.items) {
				ctx.addIssue({
					code: 'custom',
					path: ['fields', index, 'from'],
					message: `"${field.from}" is a single value, not a list: remove items or pick a list source`,
				});
			}
			for (const key of field.items?.filter((k) => keys && !keys.includes(k)) ?? []) {
				ctx.addIssue({
					code: 'custom',
					path: ['fields', index, 'items'],
					message: `"${key}" is not a key of "${field.from}" items (${keys?.join(', ')})`,
				});
			}
		});
	});

/** A template as pages and islands use it. */
export type TemplateData = z.output<typeof TemplateSchema>;
