import { describe, expect, it } from 'vitest';
import { anyOpen, pickActive } from '../../src/lib/activeIncident.ts';

type Stored = { id: string; resolvedAt?: number };
const open = (id: string): Stored => ({ id });
const resolved = (id: string): Stored => ({ id, resolvedAt: 1 });

describe('the incident every page shows', () => {
	it('is the active one while open, else the first still open, else the active one', () => {
		expect(pickActive([open('a'), open('b')], 'b')?.id).toBe('b');
		expect(pickActive([open('a'), resolved('b')], 'b')?.id).toBe('a');
		expect(pickActive([resolved('a'), resolved('b')], 'b')?.id).toBe('b');
		expect(pickActive([open('a')], 'gone')?.id).toBe('a');
		expect(pickActive([], null)).toBeUndefined();
	});

	it('is open exactly when any incident is: what the bar keeps its place for before the page is drawn', () => {
		const kinds = [open, resolved];
		const lists: Stored[][] = [[]];
		for (let n = 1; n <= 3; n++)
			for (let mask = 0; mask < 2 ** n; mask++) lists.push([...Array(n).keys()].map((i) => kinds[(mask >> i) & 1]!(`i${i}`)));
		for (const list of lists)
			for (const active of [null, 'i0', 'i1', 'i2', 'gone']) {
				const shown = pickActive(list, active);
				expect(shown !== undefined && shown.resolvedAt === undefined, JSON.stringify([list, active])).toBe(anyOpen(list));
			}
	});
});
