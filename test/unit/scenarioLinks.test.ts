import { describe, expect, it } from 'vitest';
import { firstWithCurrent } from '../../src/lib/scenarioLinks.ts';

const items = Array.from({ length: 20 }, (_, i) => i + 1);

describe('firstWithCurrent', () => {
	it('keeps a short list whole', () => {
		expect(firstWithCurrent([1, 2, 3], (n) => n === 2, 12)).toEqual([1, 2, 3]);
	});
	it('keeps the first ones when the current one is among them', () => {
		expect(firstWithCurrent(items, (n) => n === 3, 5)).toEqual([1, 2, 3, 4, 5]);
	});
	it('puts a current item that would be left out in the last place, in order', () => {
		expect(firstWithCurrent(items, (n) => n === 17, 5)).toEqual([1, 2, 3, 4, 17]);
	});
	it('keeps the first ones when nothing is current', () => {
		expect(firstWithCurrent(items, () => false, 4)).toEqual([1, 2, 3, 4]);
	});
	it('never lists more than the limit', () => {
		for (let current = 1; current <= 20; current++) {
			const shown = firstWithCurrent(items, (n) => n === current, 12);
			expect(shown).toHaveLength(12);
			expect(shown).toContain(current);
		}
	});
});
