import { describe, expect, it } from 'vitest';
import { nameParts } from '../../src/lib/nameParts.ts';

describe('a long name', () => {
	it('may wrap between its words and after separators, never inside a word', () => {
		expect(nameParts('DatabaseConnectionErrors')).toEqual(['Database', 'Connection', 'Errors']);
		expect(nameParts('HTTP5xxRateHigh')).toEqual(['HTTP5xx', 'Rate', 'High']);
		expect(nameParts('kube_pod-crash.loop:v2/api')).toEqual(['kube_', 'pod-', 'crash.', 'loop:', 'v2/', 'api']);
		expect(nameParts('trailing-')).toEqual(['trailing-']);
		for (const name of ['WAFAlert', 'x', '', 'AuthFailureSpike']) expect(nameParts(name).join('')).toBe(name);
	});
});
