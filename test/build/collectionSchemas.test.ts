import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { SeveritySchema } from '../../src/schemas/severity.ts';
import { ScenarioSchema } from '../../src/schemas/scenario.ts';
import { PhaseSchema } from '../../src/schemas/phase.ts';
import { TemplateSchema } from '../../src/schemas/template.ts';
import { DrillSchema } from '../../src/schemas/drill.ts';

/**
 * The authoring guide promises completion and checks in the frontmatter of `.mdx` files: the Astro
 * editor extension reads the schemas Astro writes to `.astro/collections/` as it builds. A schema
 * Astro cannot describe (a collection's schema wrapped in a transform, say) is written as `{}`, and
 * the editor then checks nothing. Read from the shared build of the fixture playbook.
 */
const written = (name: string) =>
	JSON.parse(readFileSync(join(inject('root'), '.astro/collections', `${name}.schema.json`), 'utf8')) as {
		properties?: Record<string, unknown>;
		required?: string[];
	};

describe('the schemas the editor reads', () => {
	it.each([
		['severities', SeveritySchema],
		['scenarios', ScenarioSchema],
		['phases', PhaseSchema],
		['templates', TemplateSchema],
		['drills', DrillSchema],
	] as const)('describe every field of %s', (name, schema) => {
		const json = written(name);
		expect(Object.keys(json.properties ?? {})).toEqual(expect.arrayContaining(Object.keys(schema.shape)));
		const required = Object.entries(schema.shape)
			.filter(([, field]) => !field.safeParse(undefined).success)
			.map(([key]) => key);
		expect(json.required ?? []).toEqual(expect.arrayContaining(required));
	});
});
