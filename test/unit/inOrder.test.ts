import { describe, expect, it } from 'vitest';
import { inOrder } from '../../src/lib/inOrder.ts';

const after = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('changes applied in order', () => {
	it('starts each piece of work when the one before has ended, though a later one would be ready first', async () => {
		const queue = inOrder();
		const done: string[] = [];
		const first = queue(async () => {
			await after(20);
			done.push('first');
			return 1;
		});
		const second = queue(async () => {
			done.push('second');
			return 2;
		});
		expect(await Promise.all([first, second])).toEqual([1, 2]);
		expect(done).toEqual(['first', 'second']);
	});

	it('goes on after a piece of work that failed, which fails alone', async () => {
		const queue = inOrder();
		const failed = queue(() => Promise.reject(new Error('refused')));
		const next = queue(async () => 'applied');
		await expect(failed).rejects.toThrow('refused');
		expect(await next).toBe('applied');
	});
});
