import { z } from 'astro/zod';
import { DurationSchema } from './duration.ts';

/**
 * One rung of the escalation path. Each rung above the first responder is brought in once the
 * incident has been unresolved for its level's `escalateAfter`, and for the rung's own `after`
 * when it has one (whichever is later); one with `severities` applies only at those levels; one with
 * `condition` applies only when the condition holds (named scenarios make it hold automatically),
 * and without `after` it is brought in as soon as it holds.
 */
export const EscalationStepSchema = z
	.strictObject({
		id: z
			.string()
			.regex(/^[a-z0-9-]+$/)
			.describe('Key of the rung, e.g. "engineering-lead".'),
		level: z.number().int().min(1).describe('Position on the path: 1 is the first responder.'),
		role: z.string().min(1).describe('Who is brought in, e.g. "Engineering Lead".'),
		note: z.string().optional().describe('What the role does here, e.g. "First responder".'),
		after: DurationSchema.optional().describe(
			"Bring them in no earlier than this long after detection, if still unresolved (never before the level's escalateAfter).",
		),
		severities: z
			.array(z.string().min(1))
			.min(1)
			.optional()
			.describe('Only at these severity ids, (the `id` of files in content/severities/).'),
		condition: z.string().optional().describe('Only when this holds, in words, e.g. "data breach/security incident".'),
		scenarios: z.array(z.string().min(1)).optional().describe('Scenario ids that make the condition hold.'),
	})
	.refine((s) => s.scenarios === undefined || s.condition !== undefined, {
		message: 'scenarios make a condition hold: write the condition too',
		path: ['condition'],
	});

/** An escalation rung as pages and islands use it. */
export type EscalationStep = z.output<typeof EscalationStepSchema>;
