import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { editorSchemas, SCHEMA_DIR, schemaText } from '../../scripts/lib/editorSchemas.ts';
import { ROOT } from '../support/buildSite.ts';
import { readFrontmatter } from '../support/frontmatter.ts';
import { P_FIXTURE } from '../support/playbookFromFiles.ts';

const generated = editorSchemas();
// Formats (date, uri) are left to the build; editors check them loosely too.
const ajv = new Ajv2020({ allErrors: true, validateFormats: false, strict: false });
const validate = (file: string, data: unknown) => {
	const check = ajv.compile(generated[file]!);
	check(data);
	return (check.errors ?? []).map(
		(e) =>
			`${e.instancePath || '/'} ${e.message}${e.params && 'additionalProperty' in e.params ? ` (${String(e.params['additionalProperty'])})` : ''}`,
	);
};
const mdx = (dir: string) =>
	readdirSync(join(ROOT, dir))
		.filter((f) => f.endsWith('.mdx'))
		.map((f) => join(ROOT, dir, f));
const yamlFile = (file: string) => parse(readFileSync(join(ROOT, file), 'utf8')) as unknown;

describe('the editor JSON Schemas', () => {
	it.each(Object.keys(generated))('%s is committed and up to date with src/schemas (run `npm run schemas`)', (file) => {
		expect(readFileSync(join(ROOT, SCHEMA_DIR, file), 'utf8')).toBe(schemaText(generated[file]!));
	});

	it('has no committed file that the schemas no longer produce', () => {
		expect(readdirSync(join(ROOT, SCHEMA_DIR)).sort()).toEqual(Object.keys(generated).sort());
	});

	it.each([
		...mdx('content/severities').map((f) => ['severity.schema.json', f] as const),
		...mdx('content/docs/process').map((f) => ['phase.schema.json', f] as const),
		...mdx('content/docs/scenarios').map((f) => ['scenario.schema.json', f] as const),
		...mdx('content/templates').map((f) => ['template.schema.json', f] as const),
		...mdx('content/docs').map((f) => ['page.schema.json', f] as const),
	])('%s accepts %s', (schema, file) => {
		expect(validate(schema, readFrontmatter(file)), relative(ROOT, file)).toEqual([]);
	});

	it('accepts the site settings and the escalation path', () => {
		expect(validate('site.schema.json', yamlFile('content/site.yaml'))).toEqual([]);
		expect(validate('escalation.schema.json', yamlFile('content/escalation.yaml'))).toEqual([]);
	});

	// On the fixture playbook's files: a team that renames or removes its own keeps this test.
	it('flags what the build would refuse: a misspelt field, a bad duration, a missing owner', () => {
		const scenario = readFrontmatter(join(P_FIXTURE, 'docs/scenarios/service-down.mdx'));
		const { symptoms, owner: _owner, ...rest } = scenario;
		expect(validate('scenario.schema.json', { ...rest, symptom: symptoms })).toEqual(
			expect.arrayContaining([
				"/ must have required property 'symptoms'",
				"/ must have required property 'owner'",
				'/ must NOT have additional properties (symptom)',
			]),
		);
		const severity = readFrontmatter(join(P_FIXTURE, 'severities/p1.mdx'));
		expect(validate('severity.schema.json', { ...severity, responseTime: '15 minutes' })).toEqual([
			'/responseTime must match pattern "^\\d+(m|h|d)$"',
		]);
		const site = yamlFile('content/site.yaml') as Record<string, unknown>;
		expect(validate('site.schema.json', { ...site, staleAfterDays: 'soon' })).toEqual(['/staleAfterDays must be integer']);
	});
});
