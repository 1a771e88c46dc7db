import { waitFor } from '@testing-library/preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';

/** The stored state's scratch ticks. */
const scratch = (): Record<string, { done: boolean; changedAt: number }> =>
	(
		JSON.parse(localStorage.getItem('playbook:state') ?? '{}') as {
			state?: { scratch: Record<string, { done: boolean; changedAt: number }> };
		}
	).state?.scratch ?? {};

const tick = (key: string, at: number, done = true) => ({ target: null, key, text: key, list: 'Fixture list', at, change: { done } });

beforeEach(() => {
	localStorage.clear();
	vi.resetModules();
});

describe('changes another page left', () => {
	it('are applied in one write, however many, and a flood left by something else is cut short', async () => {
		const now = Date.now();
		localStorage.setItem('playbook:pending:a', JSON.stringify([tick('a', now - 2000), tick('b', now - 1000)]));
		localStorage.setItem(
			'playbook:pending:flood',
			JSON.stringify(Array.from({ length: 20_000 }, (_, i) => tick(`flood-${i}`, now - 5000))),
		);
		const { applyLeft } = await import('../../src/lib/checklistChanges.onDemand.ts');
		const writes = vi.spyOn(Storage.prototype, 'setItem');
		const started = performance.now();
		await applyLeft();
		await waitFor(() => expect(scratch()['b']?.done).toBe(true));
		expect(performance.now() - started).toBeLessThan(2000);
		// The store writes what it read and then the changes, once (not once a change).
		expect(writes.mock.calls.filter(([key]) => key === 'playbook:state').length).toBeLessThanOrEqual(2);
		writes.mockRestore();
		const ticks = scratch();
		expect(ticks['a']?.done && ticks['b']?.done).toBe(true);
		expect(Object.keys(ticks).filter((key) => key.startsWith('flood-')).length).toBeLessThanOrEqual(200);
		expect(Object.keys(localStorage).filter((key) => key.startsWith('playbook:pending:'))).toEqual([]);
	});

	it('are not taken from the future: a change dated later than now is dropped, so a later untick still wins', async () => {
		localStorage.setItem('playbook:pending:future', JSON.stringify([tick('c', Date.now() + 86_400_000)]));
		const { applyLeft } = await import('../../src/lib/checklistChanges.onDemand.ts');
		await applyLeft();
		expect(scratch()['c']).toBeUndefined();
	});
});
