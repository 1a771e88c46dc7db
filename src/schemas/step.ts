import { z } from 'astro/zod';
import { slugify } from '../lib/slug.ts';

/**
 * One step of a checklist. Authors write a plain string, or an object when a step needs a bold
 * lead-in or a fixed id. The id is what a tick is stored under: it is the slug of the text unless
 * given, so rewording a step starts it afresh; give `id:` the old slug to reword and keep ticks.
 */
export const StepSchema = z
	.union([
		z.string().min(1),
		z.strictObject({
			text: z.string().min(1).describe('What to do, as it appears in the checklist.'),
			lead: z.string().min(1).optional().describe('Bold words shown before the text, e.g. "IMMEDIATE:" or "If deployment-related:".'),
			id: z
				.string()
				.regex(/^[a-z0-9][a-z0-9-]*$/, 'an id is lowercase letters, digits and dashes')
				.optional()
				.describe(
					'Fixed id that ticks are stored under; defaults to the slug of `text`. Give the old slug to reword a step and keep its ticks.',
				),
			doneByDeclaring: z
				.enum(['severity', 'channel', 'onCall', 'commander'])
				.optional()
				.describe(
					'The declaration does this step when it records this (`severity` the level chosen, `channel` the channel opened, `onCall` or `commander` the person named): the post-mortem counts it as done, not skipped.',
				),
			doneByEscalating: z
				.string()
				.regex(/^[a-z0-9-]+$/, 'the `id` of a rung in content/escalation.yaml')
				.optional()
				.describe(
					'The `id` of the escalation rung (content/escalation.yaml) that does this step, e.g. "on-call-engineer": once the workspace shows that rung done, the post-mortem counts the step as done, not skipped.',
				),
		}),
	])
	.transform((step) => {
		const item = typeof step === 'string' ? { text: step } : step;
		return {
			id: item.id ?? slugify(item.text),
			text: item.text,
			...(item.lead === undefined ? {} : { lead: item.lead }),
			...(item.doneByDeclaring === undefined ? {} : { doneByDeclaring: item.doneByDeclaring }),
			...(item.doneByEscalating === undefined ? {} : { doneByEscalating: item.doneByEscalating }),
		};
	})
	.meta({
		id: 'Step',
		description: 'One checklist step: plain text, or an object with these fields when it needs a bold lead-in or a fixed id.',
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
	title: z.string().optional().describe('Caption above the block, e.g. the platform or tool it is for.'),
	lang: z.string().default('bash').describe('Language for highlighting.'),
	code: z.string().min(1).describe('The commands, exactly as they are to be pasted into a terminal.'),
});

/** A code block of commands. */
export type CommandBlock = z.output<typeof CommandBlockSchema>;
