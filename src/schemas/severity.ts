import { z } from 'astro/zod';
import { DurationSchema } from './duration.ts';
import { slugify } from '../lib/slug.ts';

/**
 * A number the responder can measure, with the bounds that make this criterion match.
 * Criteria of different levels that share a `metric` are asked as one question with one number.
 */
export const MeasureSchema = z
	.strictObject({
		metric: z
			.string()
			.regex(/^[a-z0-9-]+$/, 'a metric key is lowercase letters, digits and dashes')
			.describe('Shared key of the quantity, e.g. "performance-degradation". Same key on every level that bounds it.'),
		label: z.string().min(1).describe('The question as asked in the classifier, e.g. "Performance degradation".'),
		unit: z.string().default('').describe('Unit shown after the number, e.g. "%".'),
		above: z.number().optional().describe('Matches when the value is strictly greater than this.'),
		atLeast: z.number().optional().describe('Matches when the value is at least this.'),
		below: z.number().optional().describe('Matches when the value is strictly less than this.'),
		atMost: z.number().optional().describe('Matches when the value is at most this.'),
	})
	.refine(
		(m) => m.above !== undefined || m.atLeast !== undefined || m.below !== undefined || m.atMost !== undefined,
		'a measure needs at least one bound: above, atLeast, below or atMost',
	);

/** A numeric bound on a criterion. */
export type Measure = z.output<typeof MeasureSchema>;

/** One observable condition that puts an incident at this level. */
export const CriterionSchema = z
	.union([
		z.string().min(1),
		z.strictObject({
			text: z.string().min(1).describe('The condition as a responder would recognise it, e.g. "Performance degradation (>50%)".'),
			id: z
				.string()
				.regex(/^[a-z0-9-]+$/)
				.optional()
				.describe('Fixed id (used in classifier links); defaults to the slug of `text`.'),
			measure: MeasureSchema.optional().describe('Numeric bounds, when the condition is a measured quantity.'),
			scenarios: z
				.array(z.string().min(1))
				.min(1)
				.optional()
				.describe(
					'Scenarios (runbook ids) this condition is: declaring from the classifier with it ticked chooses them, ' +
						'so their runbooks are offered and the escalation rungs they bring count from the declaration.',
				),
		}),
	])
	.transform((c) => {
		const item = typeof c === 'string' ? { text: c } : c;
		return {
			id: item.id ?? slugify(item.text),
			text: item.text,
			...(item.measure === undefined ? {} : { measure: item.measure }),
			...('scenarios' in item && item.scenarios ? { scenarios: item.scenarios } : {}),
		};
	})
	.meta({
		id: 'Criterion',
		description:
			'One condition that puts an incident at a level: plain text, or an object ' +
			'with these fields when the classifier should ask for a number.',
	});

/** A severity criterion with its id resolved. */
export type Criterion = z.output<typeof CriterionSchema>;

/** A severity level: how bad, how fast to respond, when to escalate. */
export const SeveritySchema = z.strictObject({
	id: z
		.string()
		.regex(/^[A-Za-z0-9-]+$/, 'a severity id is letters, digits and dashes, with no spaces')
		.describe('Short code used everywhere the level is named: badges, messages, alert links.'),
	name: z.string().min(1).describe('One word for the level, e.g. "Critical".'),
	urgency: z.string().min(1).describe('How the response should feel, e.g. "Immediate Response".'),
	rank: z.number().int().min(0).describe('Position in the scale: 0 is the most severe. Ranks must be unique.'),
	tone: z.enum(['danger', 'caution', 'note', 'tip']).describe('Badge colour on pages and in the incident bar.'),
	criteria: z.array(CriterionSchema).min(1).describe('The conditions that put an incident at this level.'),
	responseTime: DurationSchema.describe('Target time from detection to a responder working on it.'),
	responseLabel: z.string().optional().describe('Words shown before the response time, e.g. "Immediate" for "Immediate (< 5 minutes)".'),
	escalateAfter: DurationSchema.describe(
		'Escalate if the incident is not resolved within this time of detection: the first rung above the ' +
			'first responder is brought in then, later rungs at their own `after` if that is later.',
	),
	updateEvery: DurationSchema.describe('How often to post a status update while the incident is open.'),
	statusImpact: z
		.enum(['down', 'disrupted', 'notice'])
		.optional()
		.describe(
			'How a public status page shows an incident at this level: `down` (outage), `disrupted` (degraded) or `notice`. Left out: `disrupted`.',
		),
});

/** A severity level as pages and islands use it. */
export type Severity = z.output<typeof SeveritySchema>;
