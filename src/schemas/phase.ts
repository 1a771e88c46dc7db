import { z } from 'astro/zod';
import { DurationSchema } from './duration.ts';
import { CommandBlockSchema, StepListSchema } from './step.ts';

/** A numbered group of steps within a phase, e.g. "Activate Response Team". */
export const StepGroupSchema = z
	.strictObject({
		title: z.string().min(1).describe('Heading of the group, e.g. "Assess Severity".'),
		steps: StepListSchema.describe('The steps, ticked one by one.'),
		signs: z
			.boolean()
			.optional()
			.describe(
				'The steps are signs an incident is noticed by (an alert fired, users reported it), ticked when seen: one not ticked was not seen, and the post-mortem does not list it as skipped.',
			),
		alternatives: z
			.boolean()
			.optional()
			.describe(
				'The steps are alternatives, e.g. "If deployment-related: Rollback" or "If resource exhaustion: Scale up": doing one is enough. The post-mortem lists the group as skipped, once, only when none of its steps is ticked.',
			),
		commands: z.array(CommandBlockSchema).optional().describe('Commands that go with the group, shown as code blocks with copy buttons.'),
	})
	.refine((group) => !(group.signs && group.alternatives), {
		message: 'a group is signs (never skipped) or alternatives (one is enough), not both',
		path: ['alternatives'],
	});

/**
 * A phase of the response process, one page under /process/. The page's `title` names the phase;
 * its `sidebar.order` is the phase number (1 = first), so the sidebar and the number always agree.
 */
export const PhaseSchema = z.strictObject({
	title: z.string().min(1).describe('Name of the phase, e.g. "Detection & Triage".'),
	description: z.string().optional().describe('One line on what the phase achieves, shown in lists and search results.'),
	sidebar: z
		.looseObject({ order: z.number().int().min(1).describe('Phase number: 1 for the first. Unique among phases.') })
		.describe('Position of the phase in the sidebar and the process.'),
	window: z
		.strictObject({
			from: DurationSchema.optional().describe('Start of the window (omit for "from detection" or "after resolution").'),
			to: DurationSchema.describe('End of the window.'),
			label: z.string().optional().describe('Words for the window when the numbers alone mislead, e.g. "Within 48 hours".'),
		})
		.refine((w) => w.from === undefined || w.from < w.to, {
			message: 'the window must end after it starts',
			path: ['to'],
		})
		.describe('When the phase runs, counted from detection.'),
	groups: z.array(StepGroupSchema).min(1).describe('The numbered groups of steps, in order.'),
});

/** A phase as pages and islands use it. */
export type PhaseData = z.output<typeof PhaseSchema>;
