import { z } from 'astro/zod';
import { CommandBlockSchema, StepListSchema } from './step.ts';

const SlugSchema = z.string().regex(/^[a-z0-9-]+$/, 'a scenario id is lowercase letters, digits and dashes');

/** How to undo a change on one hosting platform. */
export const RollbackSchema = z.strictObject({
	platform: z.string().min(1).describe('Name of the platform these rollback steps are for, as your team calls it.'),
	manual: z.string().optional().describe('Steps done by hand in a dashboard, e.g. "Dashboard → Deployments → Rollback".'),
	commands: CommandBlockSchema.omit({ title: true }).optional().describe('Commands to paste, one per line.'),
});

/**
 * A common incident scenario, one runbook page under /scenarios/. The file name is its id and URL.
 */
export const ScenarioSchema = z.strictObject({
	title: z.string().min(1).describe('Name of the scenario, e.g. "Service Down".'),
	description: z.string().optional().describe('One line shown in lists and search results.'),
	sidebar: z
		.looseObject({ order: z.number().int().optional().describe('Lower comes first; scenarios without one come last, by title.') })
		.optional()
		.describe('Position in the sidebar and on the start page.'),
	severities: z
		.array(z.string().min(1))
		.min(1)
		.describe('Severity ids (the `id` of files in content/severities/) this scenario usually is, most severe first.'),
	symptoms: StepListSchema.describe('What the responder sees when this is the scenario.'),
	response: StepListSchema.describe('What to do, in order.'),
	mitigation: StepListSchema.optional().describe('Ways to reduce the impact while the cause is found.'),
	mitigationAlternatives: z
		.boolean()
		.optional()
		.describe(
			'The mitigation steps are alternatives, e.g. "Rollback if deployment-related" or "Scale up if resource-related": doing one is enough. The post-mortem lists them as skipped, once, only when none is ticked.',
		),
	rollback: z.array(RollbackSchema).min(1).optional().describe('How to roll back, per platform.'),
	related: z.array(SlugSchema).optional().describe('Other scenarios worth opening from this one, by id (file name).'),
	alerts: z
		.array(z.string().min(1))
		.optional()
		.describe('Alert names (Prometheus/Grafana `alertname`) that send responders to this runbook.'),
	aliases: z
		.array(z.string().min(1))
		.optional()
		.describe(
			'Other words responders use for this incident and search for, which the page may not say: error codes ("500"), "outage", a product\'s name. Shown under the title and weighted high in search.',
		),
});

/** A scenario as pages and islands use it. */
export type ScenarioData = z.output<typeof ScenarioSchema>;
