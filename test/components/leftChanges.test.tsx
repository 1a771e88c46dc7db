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

	it('stay stored until applied: a store that fails to load loses none, and a key written to meanwhile is kept', async () => {
		const now = Date.now();
		localStorage.setItem('playbook:pending:a', JSON.stringify([tick('a', now - 2000)]));
		vi.doMock('../../src/lib/pageStoreLoader.ts', () => ({ loadStore: () => Promise.reject(new Error('offline')) }));
		const failing = await import('../../src/lib/checklistChanges.onDemand.ts');
		await expect(failing.applyLeft()).rejects.toThrow('offline');
		expect(localStorage.getItem('playbook:pending:a')).not.toBeNull();
		vi.doUnmock('../../src/lib/pageStoreLoader.ts');
		vi.resetModules();
		const { applyLeft } = await import('../../src/lib/checklistChanges.onDemand.ts');
		// Another tab's live page holds one more change while this one applies what it read.
		const applying = applyLeft();
		localStorage.setItem('playbook:pending:b', JSON.stringify([tick('b', now - 1000)]));
		const running = applyLeft();
		expect(running).toBe(applying);
		await applying;
		expect(scratch()['a']?.done).toBe(true);
		expect(Object.keys(localStorage).filter((key) => key.startsWith('playbook:pending:'))).toEqual(['playbook:pending:b']);
		await applyLeft();
		expect(scratch()['b']?.done).toBe(true);
		expect(Object.keys(localStorage).filter((key) => key.startsWith('playbook:pending:'))).toEqual([]);
	});

	it('are not taken from the future: a change dated later than now is dropped, so a later untick still wins', async () => {
		localStorage.setItem('playbook:pending:future', JSON.stringify([tick('c', Date.now() + 86_400_000)]));
		const { applyLeft } = await import('../../src/lib/checklistChanges.onDemand.ts');
		await applyLeft();
		expect(scratch()['c']).toBeUndefined();
	});
});

/** An incident open in storage, as the workspace declares it. */
async function withIncident(): Promise<string> {
	const { declareIncident } = await import('../../src/lib/incidents.ts');
	const { emptyState } = await import('../../src/lib/state.ts');
	const { declaration } = await import('../support/incidents.ts');
	const at = Date.now() - 60_000;
	const { state, id } = declareIncident({ ...emptyState(), responder: 'alice' }, declaration({ detectedAt: at }), 'incident-', at);
	localStorage.setItem('playbook:state', JSON.stringify({ version: 1, state }));
	return id;
}
/** The stored post-mortem of the one incident. */
const postMortem = () =>
	(
		JSON.parse(localStorage.getItem('playbook:state') ?? '{}') as {
			state: { incidents: Array<{ postMortem: { rootCause: string; actionItems: Array<{ id: string; item: string; owner: string }> } }> };
		}
	).state.incidents[0]!.postMortem;
const rootCause = { name: 'rootCause', from: 'rootCause' as const };
/** Never applied: the store has not arrived, the page holds what it made. */
const never = () => new Promise<never>(() => {});
const pending = async () => {
	const { pendingKey } = await import('../../src/lib/storageRead.ts');
	return JSON.parse(localStorage.getItem(pendingKey) ?? '[]') as Array<Record<string, unknown>>;
};

describe('what is written on the post-mortem and in messages, left by a page', () => {
	it('takes only changes of a held shape: a typed value and action item changes as the stored state takes them', async () => {
		const { isHeldChange } = await import('../../src/lib/checklistChanges.onDemand.ts');
		const at = Date.now();
		const good = [
			{ incident: 'i', field: rootCause, value: 'Redis', at },
			{ incident: 'i', field: { name: 'nextSteps' }, value: 'Page DBA', at },
			{ incident: 'i', item: { add: 'x' }, at },
			{ incident: 'i', item: { add: 'x', fields: { item: 'Alert', owner: '@bob' } }, at },
			{ incident: 'i', item: { update: 'x', patch: { item: 'Alert', done: true } }, at },
			{ incident: 'i', item: { remove: 'x' }, at },
		];
		const bad = [
			{ incident: 'i', field: { from: 'rootCause' }, value: 'Redis', at },
			{ incident: 'i', field: rootCause, value: 42, at },
			{ incident: 'i', field: rootCause, value: 'Redis' },
			{ incident: 'i', item: { update: 'x', patch: { done: 'yes' } }, at },
			{ incident: 'i', item: { update: 'x', patch: { id: 'y' } }, at },
			{ incident: 'i', item: { update: 'x' }, at },
			{ incident: 'i', item: { add: 'x', fields: { done: true } }, at },
			{ incident: 'i', item: { add: 'x', fields: { item: 1 } }, at },
			{ incident: 'i', item: null, at },
			{ item: { remove: 'x' }, at },
		];
		expect(good.filter((c) => !isHeldChange(c))).toEqual([]);
		expect(bad.filter((c) => isHeldChange(c))).toEqual([]);
	});

	it('applies a typed value and action item changes left by a page, in the order made, and changes nothing when applied twice', async () => {
		const id = await withIncident();
		const { applyLeft } = await import('../../src/lib/checklistChanges.onDemand.ts');
		const t = Date.now() - 10_000;
		const left = [
			{ incident: id, field: rootCause, value: 'Redis ran out of memory', at: t },
			{ incident: id, item: { add: 'x' }, at: t + 1 },
			{ incident: id, item: { update: 'x', patch: { item: 'Alert on Redis memory' } }, at: t + 2 },
			{ incident: id, item: { add: 'y' }, at: t + 3 },
			{ incident: id, item: { remove: 'y' }, at: t + 4 },
			tick('step', t + 5),
			{ incident: id, item: { update: 'x', patch: { owner: '@bob' } }, at: t + 6 },
		];
		await applyLeft(left);
		await waitFor(() =>
			expect(postMortem().actionItems.map((a) => [a.id, a.item, a.owner])).toEqual([['x', 'Alert on Redis memory', '@bob']]),
		);
		expect(postMortem().rootCause).toBe('Redis ran out of memory');
		expect(scratch()['step']?.done).toBe(true);
		const once = localStorage.getItem('playbook:state');
		// The page that made them applies them too (or another page takes them as well): nothing more, nothing back.
		await applyLeft(left);
		await applyLeft(left.slice(1, 3));
		expect(JSON.parse(localStorage.getItem('playbook:state')!)).toEqual(JSON.parse(once!));
	});

	it('keeps a later value or edit when an older one is applied late', async () => {
		const id = await withIncident();
		const { applyLeft } = await import('../../src/lib/checklistChanges.onDemand.ts');
		const t = Date.now() - 10_000;
		await applyLeft([
			{ incident: id, item: { add: 'x' }, at: t },
			{ incident: id, field: rootCause, value: 'Redis ran out of memory', at: t + 5 },
			{ incident: id, item: { update: 'x', patch: { item: 'Alert on Redis memory' } }, at: t + 5 },
		]);
		await waitFor(() => expect(postMortem().rootCause).toBe('Redis ran out of memory'));
		await applyLeft([
			{ incident: id, field: rootCause, value: 'Redis ran', at: t + 3 },
			{ incident: id, item: { update: 'x', patch: { item: 'Alert on' } }, at: t + 3 },
		]);
		expect(postMortem().rootCause).toBe('Redis ran out of memory');
		expect(postMortem().actionItems[0]?.item).toBe('Alert on Redis memory');
	});

	it('holds only the latest value typed into a field, and of an action item edited letter by letter, so ticks are not pushed out', async () => {
		const { holdItemChange, holdTyped } = await import('../../src/lib/heldWrites.ts');
		const { holdUntilApplied } = await import('../../src/lib/heldChanges.ts');
		const text = 'Redis ran out of memory after the nightly batch doubled its keys, and evictions were off. '.repeat(4);
		void holdUntilApplied(tick('first', Date.now()), never);
		void holdItemChange('i', { add: 'x' }, never);
		for (let n = 1; n <= text.length; n++) {
			void holdTyped('i', rootCause, text.slice(0, n), never);
			void holdItemChange('i', { update: 'x', patch: { item: text.slice(0, n) } }, never);
		}
		void holdItemChange('i', { update: 'x', patch: { owner: '@bob' } }, never);
		void holdTyped('i', { name: 'impact', from: 'impact' }, 'Checkout is down', never);
		const held = await pending();
		expect(held.map((c) => c['key'] ?? c['value'] ?? c['item'])).toEqual([
			'first',
			{ add: 'x' },
			text,
			{ update: 'x', patch: { item: text } },
			{ update: 'x', patch: { owner: '@bob' } },
			'Checkout is down',
		]);
	});

	it('never applies an older value of a field when a page left more than it takes', async () => {
		const id = await withIncident();
		const { holdTyped } = await import('../../src/lib/heldWrites.ts');
		const { holdUntilApplied } = await import('../../src/lib/heldChanges.ts');
		const { MAX_LEFT, applyLeft, readLeft } = await import('../../src/lib/checklistChanges.onDemand.ts');
		const t = Date.now() - 10_000;
		void holdTyped(id, rootCause, 'Redis', never);
		for (let i = 0; i < MAX_LEFT + 50; i++) void holdUntilApplied(tick(`step-${i}`, t + i), never);
		void holdTyped(id, rootCause, 'Redis ran out of memory', never);
		const left = await pending();
		// As another page finds it.
		const { pendingKey } = await import('../../src/lib/storageRead.ts');
		localStorage.setItem('playbook:pending:left', JSON.stringify(left));
		localStorage.removeItem(pendingKey);
		const taken = readLeft().changes;
		expect(taken).toHaveLength(MAX_LEFT);
		await applyLeft(taken);
		await waitFor(() => expect(scratch()['step-0']?.done).toBe(true));
		expect(postMortem().rootCause).not.toBe('Redis');
	});
});

/** The stored incident, whole. */
const storedIncident = () =>
	(
		JSON.parse(localStorage.getItem('playbook:state') ?? '{}') as {
			state: {
				incidents: Array<{
					severity: string;
					status: string;
					resolvedAt?: number;
					events: Array<{ kind: string; at: number; text: string }>;
				}>;
			};
		}
	).state.incidents[0]!;

describe('what is changed in the workspace, left by a page', () => {
	const identified = { id: 'identified', label: 'Identified', closes: false };

	it('takes only changes of a held shape: one level, status, note or escalation', async () => {
		const { isHeldChange } = await import('../../src/lib/checklistChanges.onDemand.ts');
		const at = Date.now();
		const good = [
			{ incident: 'i', edit: { severity: 'P1' }, at },
			{ incident: 'i', edit: { status: identified }, at },
			{ incident: 'i', edit: { note: 'Rolled back' }, at },
			{ incident: 'i', edit: { escalated: { text: 'Escalated to Lead', value: 'lead' } }, at },
		];
		const bad = [
			{ incident: 'i', edit: { severity: 1 }, at },
			{ incident: 'i', edit: { status: { id: 'x', label: 'X' } }, at },
			{ incident: 'i', edit: { severity: 'P1', note: 'both' }, at },
			{ incident: 'i', edit: { escalated: { text: 'Lead' } }, at },
			{ incident: 'i', edit: {}, at },
			{ incident: 'i', edit: null, at },
			{ edit: { note: 'no incident' }, at },
			{ incident: 'i', edit: { note: 'no time' } },
		];
		expect(good.filter((c) => !isHeldChange(c))).toEqual([]);
		expect(bad.filter((c) => isHeldChange(c))).toEqual([]);
	});

	it('applies them at the time they were pressed, once however often applied, and never over a later change', async () => {
		const id = await withIncident();
		const { applyLeft } = await import('../../src/lib/checklistChanges.onDemand.ts');
		const t = Date.now() - 10_000;
		const left = [
			{ incident: id, edit: { severity: 'P1' }, at: t },
			{ incident: id, edit: { status: identified }, at: t + 1 },
			{ incident: id, edit: { note: 'Rolled back the deploy' }, at: t + 2 },
			{ incident: id, edit: { escalated: { text: 'Escalated to Lead', value: 'lead' } }, at: t + 3 },
		];
		await applyLeft(left);
		await waitFor(() => expect(storedIncident().severity).toBe('P1'));
		const incident = storedIncident();
		expect(incident.status).toBe('identified');
		const mine = incident.events.filter((e) => e.at >= t).map((e) => [e.kind, e.at - t, e.text]);
		expect(mine).toEqual([
			['severity', 0, 'Severity P0 → P1'],
			['status', 1, 'Status: Identified'],
			['note', 2, 'Rolled back the deploy'],
			['escalation', 3, 'Escalated to Lead'],
		]);
		const once = localStorage.getItem('playbook:state');
		await applyLeft(left);
		expect(JSON.parse(localStorage.getItem('playbook:state')!)).toEqual(JSON.parse(once!));
		// Left by a page that was closed before another tab changed the level again: the later level stays.
		await applyLeft([{ incident: id, edit: { severity: 'P3' }, at: t - 1000 }]);
		expect(storedIncident().severity).toBe('P1');
	});
});
