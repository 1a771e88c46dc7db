import { describe, expect, it } from 'vitest';
import { fillLevels, levelRange, unknownLevels } from '../../src/lib/levelMentions.ts';

const SEV = ['SEV-1', 'SEV-2', 'SEV-3', 'SEV-4', 'SEV-5'];

describe('text that names levels the playbook does not have', () => {
	it('finds old ids left behind after the levels changed, with line and column', () => {
		const text = 'Assess the impact.\n- Determine P0/P1/P2/P3\nPage at SEV-1, SEV1 or SEV-6.';
		expect(unknownLevels(text, SEV)).toEqual([
			{ line: 2, column: 13, id: 'P0' },
			{ line: 2, column: 16, id: 'P1' },
			{ line: 2, column: 19, id: 'P2' },
			{ line: 2, column: 22, id: 'P3' },
			{ line: 3, column: 16, id: 'SEV1' },
			{ line: 3, column: 24, id: 'SEV-6' },
		]);
	});

	it("passes the playbook's own ids and words that only look alike", () => {
		expect(unknownLevels('P0 or P3, p95 latency, P99, S3 bucket, HTTP 503, SEVERE, P1.5x, AP1, P2P', ['P0', 'P1', 'P2', 'P3'])).toEqual([]);
		expect(unknownLevels('A P4 is not a level here', ['P0', 'P1', 'P2', 'P3'])).toEqual([{ line: 1, column: 3, id: 'P4' }]);
	});

	it("checks the prefix of the playbook's own ids too", () => {
		expect(unknownLevels('L1 then L7', ['L1', 'L2'])).toEqual([{ line: 1, column: 9, id: 'L7' }]);
	});
});

describe('a summary of the levels', () => {
	it('names the first and the last', () => {
		expect(levelRange(SEV)).toBe('SEV-1 to SEV-5');
		expect(levelRange(['P0'])).toBe('P0');
		expect(fillLevels('{levels}, and when to escalate.', ['P0', 'P1', 'P2'])).toBe('P0 to P2, and when to escalate.');
	});
});
