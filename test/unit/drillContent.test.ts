import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { DrillSchema } from '../../src/schemas/drill';
import { ROOT } from '../support/buildSite';

const drillFiles = readdirSync(join(ROOT, 'content/drills')).filter((f) => /^[^_].*\.ya?ml$/.test(f));
const scenarioIds = readdirSync(join(ROOT, 'content/docs/scenarios')).filter((f) => f.endsWith('.mdx')).map((f) => f.replace(/\.mdx$/, ''));

describe('the drills of the playbook', () => {
	it.each(drillFiles)('drill %s is valid', (file) => {
		const result = DrillSchema.safeParse(parse(readFileSync(join(ROOT, 'content/drills', file), 'utf8')));
		expect(result.error?.issues ?? []).toEqual([]);
	});
	it('give every scenario at least one drill', () => {
		const drilled = drillFiles.map((f) => (parse(readFileSync(join(ROOT, 'content/drills', f), 'utf8')) as { scenario: string }).scenario);
		expect(scenarioIds.filter((id) => !drilled.includes(id))).toEqual([]);
	});
	it('refuse a drill with a misspelt field or a bad time', () => {
		const result = DrillSchema.safeParse({ title: 'x', scenario: 'down', severity: 'P0', alert: 'a', injects: [{ after: '4 minutes', text: 'x' }], sevrity: 'P1' });
		expect(result.error?.issues.map((i) => i.path.join('.')).sort()).toEqual(['', 'injects.0.after']);
	});
});
