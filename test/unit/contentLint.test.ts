import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { levelIds, levelMentionWarnings } from '../../src/data/levelMentionWarnings.ts';
import { CONTENT, P_FIXTURE, SEV_FIXTURE } from '../support/playbookFromFiles.ts';

describe('text that names levels the playbook does not have', () => {
	it.each([
		['the live content', CONTENT],
		['the P0–P3 fixture', P_FIXTURE],
		['the SEV-1…SEV-5 fixture', SEV_FIXTURE],
	])('is nowhere in %s', (_, content) => {
		expect(levelMentionWarnings(content, content)).toEqual([]);
	});

	it('is reported by file, line and column when the levels change and a step still names the old ones', () => {
		const dir = mkdtempSync(join(tmpdir(), 'levels-'));
		cpSync(SEV_FIXTURE, dir, { recursive: true });
		const phase = join(dir, 'docs/process/respond.mdx');
		writeFileSync(phase, readFileSync(phase, 'utf8').replace('      - Freeze deploys', '      - Freeze deploys\n      - Determine P0/P1'));
		const line = readFileSync(phase, 'utf8').split('\n').indexOf('      - Determine P0/P1') + 1;
		expect(levelMentionWarnings(dir, dir)).toEqual([
			`docs/process/respond.mdx:${line}:19: "P0" is not a level of this playbook (levels: ${levelIds(dir).join(', ')})`,
			`docs/process/respond.mdx:${line}:22: "P1" is not a level of this playbook (levels: ${levelIds(dir).join(', ')})`,
		]);
	});
});
