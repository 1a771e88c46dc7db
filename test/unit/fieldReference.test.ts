import { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import { fieldRows, valueTypes } from '../../src/lib/fieldReference.ts';
import { inputJsonSchema } from '../../src/lib/inputJsonSchema.ts';
import { CONTENT_TYPES } from '../../src/schemas/contentTypes.ts';
import { DurationSchema } from '../../src/schemas/duration.ts';
import { ScenarioSchema } from '../../src/schemas/scenario.ts';

const rowsOf = (schema: z.ZodType) => fieldRows(inputJsonSchema(schema));

describe('the generated field reference', () => {
	it('lists a new schema field with its meaning, type and whether it is required', () => {
		const extended = ScenarioSchema.extend({
			pagerService: z.string().min(1).describe('PagerDuty service that pages for this scenario.'),
			blastRadius: DurationSchema.optional().describe('How long before every region is hit.'),
		});
		const rows = rowsOf(extended);
		expect(rows.find((r) => r.path === 'pagerService')).toEqual({
			path: 'pagerService',
			type: 'text',
			required: true,
			rules: [],
			description: 'PagerDuty service that pages for this scenario.',
		});
		expect(rows.find((r) => r.path === 'blastRadius')).toMatchObject({ type: 'Duration', ref: 'Duration', required: false });
		expect(rowsOf(ScenarioSchema).some((r) => r.path === 'pagerService')).toBe(false);
	});

	it('describes what the author writes, not what it becomes', () => {
		const rows = rowsOf(z.strictObject({ every: DurationSchema.describe('How often.'), steps: ScenarioSchema.shape.symptoms }));
		expect(rows.find((r) => r.path === 'every')?.type).toBe('Duration');
		expect(rows.find((r) => r.path === 'steps')).toMatchObject({ type: 'list of Step', ref: 'Step', rules: ['at least 1'] });
		const [duration] = valueTypes([inputJsonSchema(DurationSchema.describe('x'))]);
		expect(duration?.written).toEqual(['text, matches ^\\d+(m|h|d)$']);
		const step = valueTypes([inputJsonSchema(ScenarioSchema)]).find((t) => t.name === 'Step');
		expect(step?.written).toEqual(['text']);
		expect(step?.rows.map((r) => r.path)).toEqual(['text', 'lead', 'id', 'doneByDeclaring', 'doneByEscalating']);
	});

	it('lists nested fields by their path, with defaults and limits', () => {
		const rows = rowsOf(
			z.strictObject({
				window: z.strictObject({ to: z.number().int().min(1).describe('End.') }).describe('When.'),
				groups: z
					.array(z.strictObject({ lang: z.string().default('bash').describe('Language.') }))
					.min(1)
					.describe('Groups.'),
				tone: z.enum(['danger', 'tip']).describe('Colour.'),
			}),
		);
		expect(rows.map((r) => [r.path, r.type])).toEqual([
			['window', 'group'],
			['window.to', 'whole number'],
			['groups', 'list of group'],
			['groups[].lang', 'text'],
			['tone', 'one of: danger, tip'],
		]);
		expect(rows.find((r) => r.path === 'window.to')?.rules).toEqual(['at least 1']);
		expect(rows.find((r) => r.path === 'groups[].lang')).toMatchObject({ required: false, default: '"bash"' });
	});

	it.each(Object.entries(CONTENT_TYPES))('gives every field of the %s schema a meaning', (_key, type) => {
		const schema = inputJsonSchema(type.schema);
		const rows = [...fieldRows(schema), ...valueTypes([schema]).flatMap((t) => t.rows)];
		expect(rows.length).toBeGreaterThan(0);
		expect(rows.filter((r) => r.description.trim() === '').map((r) => r.path)).toEqual([]);
		for (const t of valueTypes([schema])) expect(t.description, t.name).not.toBe('');
	});
});
