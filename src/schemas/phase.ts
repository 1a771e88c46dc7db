import { z } from 'astro/zod';
import { DurationSchema } from './duration';
import { CommandBlockSchema, StepListSchema } from './step';

/** A numbered group of steps within a phase, e.g. "Activate Response Team". */
export const StepGroupSchema = z.strictObject({
	/** Heading of the group, e.g. "Assess Severity". */
	title: z.string().min(1),
	/** The steps, ticked one by one. */
	steps: StepListSchema,
	/** Commands that go with the group, shown as code blocks with copy buttons. */
	commands: z.array(CommandBlockSchema).optional(),
});

/** A group of steps. */
export type StepGroup = z.output<typeof StepGroupSchema>;

/**
 * A phase of the response process, one page under /process/. The page's `title` names the phase;
 * its `sidebar.order` is the phase number (1 = first), so the sidebar and the number always agree.
 */
export const PhaseSchema = z.strictObject({
	/** Name of the phase, e.g. "Detection & Triage". */
	title: z.string().min(1),
	/** One line on what the phase achieves, shown in lists and search results. */
	description: z.string().optional(),
	/** Position of the phase: `order: 1` for the first. */
	sidebar: z.looseObject({ order: z.number().int().min(1) }),
	/** When the phase runs, counted from detection. */
	window: z
		.strictObject({
			/** Start of the window (omit for "from detection" or "after resolution"). */
			from: DurationSchema.optional(),
			/** End of the window. */
			to: DurationSchema,
			/** Words for the window when the numbers alone mislead, e.g. "Within 48 hours". */
			label: z.string().optional(),
		})
		.refine((w) => w.from === undefined || w.from < w.to, {
			message: 'the window must end after it starts',
			path: ['to'],
		}),
	/** The numbered groups of steps, in order. */
	groups: z.array(StepGroupSchema).min(1),
});

/** A phase as pages and islands use it. */
export type PhaseData = z.output<typeof PhaseSchema>;
