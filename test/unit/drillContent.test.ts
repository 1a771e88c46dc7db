import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { DrillSchema } from '../../src/schemas/drill.ts';
import { ROOT } from '../support/buildSite.ts';

// A playbook may have no drills yet: then there is nothing to check.
const drillDir = join(ROOT, 'content/drills');
const drillFiles = existsSync(drillDir) ? readdirSync(drillDir).filter((f) => /^[^_].*\.ya?ml$/.test(f)) : [];
const scenarioIds = readdirSync(join(ROOT, 'content/docs/scenarios'))
	.filter((f) => f.endsWith('.mdx'))
	.map((f) => f.replace(/\.mdx$/, ''));

describe('the drills of the playbook', () => {
	it.each(drillFiles)('drill %s is valid', (file) => {
		const result = DrillSchema.safeParse(parse(readFileSync(join(drillDir, file), 'utf8')));
		expect(result.error?.issues ?? []).toEqual([]);
	});
	// A new scenario need not come with a drill (a team writes one when it plays it), but a drill
	// must open a scenario the playbook has.
	it('open scenarios the playbook has', () => {
		const drilled = drillFiles.map((f) => (parse(readFileSync(join(drillDir, f), 'utf8')) as { scenario: string }).scenario);
		expect(drilled.filter((id) => !scenarioIds.includes(id))).toEqual([]);
	});
	it('refuse a drill with a misspelt field or a bad time', () => {
		const result = DrillSchema.safeParse({
			title: 'x',
			scenario: 'down',
			severity: 'P0',
			alert: 'a',
			injects: [{ after: '4 minutes', text: 'x' }],
			sevrity: 'P1',
		});
		expect(result.error?.issues.map((i) => i.path.join('.')).sort()).toEqual(['', 'injects.0.after']);
	});
});
