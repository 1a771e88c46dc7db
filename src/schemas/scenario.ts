import { z } from 'astro/zod';
import { CommandBlockSchema, StepListSchema } from './step';

const SlugSchema = z.string().regex(/^[a-z0-9-]+$/, 'a scenario id is lowercase letters, digits and dashes');

/** How to undo a change on one hosting platform. */
export const RollbackSchema = z.strictObject({
	/** Platform name, e.g. "Fly.io". */
	platform: z.string().min(1),
	/** Steps done by hand in a dashboard, e.g. "Dashboard → Deployments → Rollback". */
	manual: z.string().optional(),
	/** Commands to paste, one per line. */
	commands: CommandBlockSchema.omit({ title: true }).optional(),
});

/**
 * A common incident scenario, one runbook page under /scenarios/. The file name is its id and URL.
 */
export const ScenarioSchema = z.strictObject({
	/** Name of the scenario, e.g. "Service Down". */
	title: z.string().min(1),
	/** One line shown in lists and search results. */
	description: z.string().optional(),
	/** Position in the sidebar and on the start page. */
	sidebar: z.looseObject({ order: z.number().int().optional() }).optional(),
	/** Severity ids this scenario usually is, most severe first, e.g. [P0, P1]. */
	severities: z.array(z.string().min(1)).min(1),
	/** What the responder sees when this is the scenario. */
	symptoms: StepListSchema,
	/** What to do, in order. */
	response: StepListSchema,
	/** Ways to reduce the impact while the cause is found. */
	mitigation: StepListSchema.optional(),
	/** How to roll back, per platform. */
	rollback: z.array(RollbackSchema).min(1).optional(),
	/** Other scenarios worth opening from this one (ids). */
	related: z.array(SlugSchema).optional(),
	/** Alert names (Prometheus/Grafana `alertname`) that send responders to this runbook. */
	alerts: z.array(z.string().min(1)).optional(),
});

/** A scenario as pages and islands use it. */
export type ScenarioData = z.output<typeof ScenarioSchema>;
