import { z } from 'astro/zod';
import { DurationSchema } from './duration.ts';

/** One scripted event of a drill: it appears to the players when the drill's clock reaches it. */
export const InjectSchema = z.strictObject({
	after: DurationSchema.describe('When it appears, counted from the opening alert, e.g. "4m".'),
	text: z.string().min(1).describe('What the players see, e.g. "Error rate reaches 12%".'),
	severity: z
		.string()
		.min(1)
		.optional()
		.describe('Severity id this event implies from now on (a level in content/severities), when it should change the level.'),
});

/** A scripted inject as the drill page and the score use it (`after` in minutes). */
export type Inject = z.output<typeof InjectSchema>;

/**
 * A game-day drill: the alert that opens it and the events that follow, played against the
 * playbook's own clocks and scored at the end. One file per drill in content/drills/.
 */
export const DrillSchema = z.strictObject({
	title: z.string().min(1).describe('Name of the drill, e.g. "Checkout API goes dark".'),
	description: z.string().optional().describe('One line shown in the list of drills.'),
	scenario: z
		.string()
		.regex(/^[a-z0-9-]+$/, 'a scenario id is lowercase letters, digits and dashes')
		.describe('Scenario id (file name in content/docs/scenarios) the drill exercises; its runbook steps are scored.'),
	severity: z.string().min(1).describe('Severity id the opening alert implies: the level a responder should declare.'),
	alert: z.string().min(1).describe('The opening alert as the players receive it, e.g. "ApiDown: api.example.com returns 503".'),
	services: z.array(z.string().min(1)).default([]).describe('Services the drill pretends are affected, e.g. [api].'),
	injects: z.array(InjectSchema).default([]).describe('Timed events after the alert, in any order.'),
	duration: DurationSchema.optional().describe('How long the drill is meant to run; defaults to 15 minutes after the last inject.'),
});

/** A drill as pages and islands use it (durations in minutes). */
export type DrillData = z.output<typeof DrillSchema>;
