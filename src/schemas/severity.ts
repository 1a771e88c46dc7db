import { z } from 'astro/zod';
import { DurationSchema } from './duration';
import { slugify } from '../lib/slug';

/**
 * A number the responder can measure, with the bounds that make this criterion match.
 * Criteria of different levels that share a `metric` are asked as one question with one number.
 */
export const MeasureSchema = z
	.strictObject({
		/** Shared key of the quantity, e.g. "performance-degradation". Same key on every level that bounds it. */
		metric: z.string().regex(/^[a-z0-9-]+$/, 'a metric key is lowercase letters, digits and dashes'),
		/** The question as asked in the classifier, e.g. "Performance degradation". */
		label: z.string().min(1),
		/** Unit shown after the number, e.g. "%". */
		unit: z.string().default(''),
		/** Matches when the value is strictly greater than this. */
		above: z.number().optional(),
		/** Matches when the value is at least this. */
		atLeast: z.number().optional(),
		/** Matches when the value is strictly less than this. */
		below: z.number().optional(),
		/** Matches when the value is at most this. */
		atMost: z.number().optional(),
	})
	.refine(
		(m) =>
			m.above !== undefined ||
			m.atLeast !== undefined ||
			m.below !== undefined ||
			m.atMost !== undefined,
		'a measure needs at least one bound: above, atLeast, below or atMost',
	);

/** A numeric bound on a criterion. */
export type Measure = z.output<typeof MeasureSchema>;

/** One observable condition that puts an incident at this level. */
export const CriterionSchema = z
	.union([
		z.string().min(1),
		z.strictObject({
			/** The condition as a responder would recognise it, e.g. "Performance degradation (>50%)". */
			text: z.string().min(1),
			/** Fixed id (used in classifier links); defaults to the slug of `text`. */
			id: z.string().regex(/^[a-z0-9-]+$/).optional(),
			/** Numeric bounds, when the condition is a measured quantity. */
			measure: MeasureSchema.optional(),
		}),
	])
	.transform((c) => {
		const item = typeof c === 'string' ? { text: c } : c;
		return {
			id: item.id ?? slugify(item.text),
			text: item.text,
			...(item.measure === undefined ? {} : { measure: item.measure }),
		};
	});

/** A severity criterion with its id resolved. */
export type Criterion = z.output<typeof CriterionSchema>;

/** A severity level: how bad, how fast to respond, when to escalate. */
export const SeveritySchema = z.strictObject({
	/** Short code used everywhere a level is named: "P0", "SEV1". */
	id: z.string().regex(/^[A-Za-z0-9-]+$/, 'a severity id is letters, digits and dashes, e.g. "P0"'),
	/** One word for the level, e.g. "Critical". */
	name: z.string().min(1),
	/** How the response should feel, e.g. "Immediate Response". */
	urgency: z.string().min(1),
	/** Position in the scale: 0 is the most severe. Ranks must be unique. */
	rank: z.number().int().min(0),
	/** Badge colour on pages and in the incident bar. */
	tone: z.enum(['danger', 'caution', 'note', 'tip']),
	/** The conditions that put an incident at this level. */
	criteria: z.array(CriterionSchema).min(1),
	/** Target time from detection to a responder working on it. */
	responseTime: DurationSchema,
	/** Words shown before the response time, e.g. "Immediate" for "Immediate (< 5 minutes)". */
	responseLabel: z.string().optional(),
	/** Escalate if the incident is not resolved within this time of detection. */
	escalateAfter: DurationSchema,
	/** How often to post a status update while the incident is open. */
	updateEvery: DurationSchema,
});

/** A severity level as pages and islands use it. */
export type Severity = z.output<typeof SeveritySchema>;
