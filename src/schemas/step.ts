import { z } from 'astro/zod';
import { slugify } from '../lib/slug';

/**
 * One step of a checklist. Authors write a plain string, or an object when a step needs a bold
 * lead-in or a fixed id. The id is what a tick is stored under: it is the slug of the text unless
 * given, so rewording a step starts it afresh; give `id:` the old slug to reword and keep ticks.
 */
export const StepSchema = z
	.union([
		z.string().min(1),
		z.strictObject({
			/** What to do, as it appears in the checklist. */
			text: z.string().min(1),
			/** Bold words shown before the text, e.g. "IMMEDIATE:" or "If deployment-related:". */
			lead: z.string().min(1).optional(),
			/** Fixed id for the tick store; defaults to the slug of `text`. */
			id: z
				.string()
				.regex(/^[a-z0-9][a-z0-9-]*$/, 'an id is lowercase letters, digits and dashes')
				.optional(),
		}),
	])
	.transform((step) => {
		const item = typeof step === 'string' ? { text: step } : step;
		return {
			id: item.id ?? slugify(item.text),
			text: item.text,
			...(item.lead === undefined ? {} : { lead: item.lead }),
		};
	});

/** A checklist step with its id resolved. */
export type Step = z.output<typeof StepSchema>;

/** An ordered list of steps whose ids are unique, so every tick lands on exactly one step. */
export const StepListSchema = z
	.array(StepSchema)
	.min(1)
	.superRefine((steps, ctx) => {
		const seen = new Set<string>();
		steps.forEach((step, index) => {
			if (seen.has(step.id)) {
				ctx.addIssue({
					code: 'custom',
					path: [index],
					message: `two steps share the id "${step.id}"; give one of them its own \`id:\``,
				});
			}
			seen.add(step.id);
		});
	});

/** A block of commands, rendered as a code block with a copy button. */
export const CommandBlockSchema = z.strictObject({
	/** Caption above the block, e.g. "Fly.io". */
	title: z.string().optional(),
	/** Language for highlighting. */
	lang: z.string().default('bash'),
	/** The commands, exactly as they are to be pasted into a terminal. */
	code: z.string().min(1),
});

/** A code block of commands. */
export type CommandBlock = z.output<typeof CommandBlockSchema>;
