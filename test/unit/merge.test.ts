import { describe, expect, it } from 'vitest';
import {
	addActionItem,
	deleteIncident,
	importIncident,
	removeActionItem,
	setSeverity,
	setStatus,
	tickItem,
	updateActionItem,
	updateIncident,
} from '../../src/lib/incidents.ts';
import { mergeState } from '../../src/lib/merge.ts';
import { createStore } from '../../src/lib/store.ts';
import { STATE_KEY } from '../../src/lib/storage.ts';
import { min, T0, withIncident } from '../support/incidents.ts';
import { MemoryStorage } from '../support/memoryStorage.ts';

const step = (text: string) => ({ text, list: 'Response' });

describe('mergeState', () => {
	it('keeps ticks made in two tabs on different steps', () => {
		const { state, id } = withIncident();
		const tabA = tickItem(state, id, 'a', step('A'), true, T0 + 1000);
		const tabB = tickItem(state, id, 'b', step('B'), true, T0 + 1001);
		const merged = mergeState(tabA, tabB);
		const ticks = merged.incidents[0]?.ticks ?? {};
		expect(Object.keys(ticks).sort()).toEqual(['a', 'b']);
		expect(merged.incidents[0]?.events.filter((e) => e.kind === 'tick')).toHaveLength(2);
		expect(mergeState(tabB, tabA)).toEqual(merged);
	});
	it('lets the later change to one step win, untick included', () => {
		const { state, id } = withIncident();
		const ticked = tickItem(state, id, 'a', step('A'), true, T0 + 1000);
		const unticked = tickItem(ticked, id, 'a', step('A'), false, T0 + 2000);
		expect(mergeState(unticked, ticked).incidents[0]?.ticks['a']?.done).toBe(false);
		expect(mergeState(ticked, unticked).incidents[0]?.ticks['a']?.done).toBe(false);
	});
	it('merges edits of different fields field by field', () => {
		const { state, id } = withIncident();
		const tabA = setSeverity(state, id, 'P1', T0 + min(1));
		const tabB = setStatus(
			updateIncident(state, id, { impact: 'EU only' }, T0 + min(2)),
			id,
			{ id: 'identified', label: 'Identified', closes: false },
			T0 + min(2),
		);
		const merged = mergeState(tabA, tabB).incidents[0];
		expect([merged?.severity, merged?.impact, merged?.status]).toEqual(['P1', 'EU only', 'identified']);
	});
	it('does not bring back an incident deleted in the other tab', () => {
		const { state, id } = withIncident();
		const deleted = deleteIncident(state, id, T0 + 5);
		expect(mergeState(state, deleted).incidents).toEqual([]);
		expect(mergeState(deleted, state).incidents).toEqual([]);
	});
	it('keeps the scenarios two tabs add at once, and a scenario taken away in one', () => {
		const { state, id } = withIncident({ scenarios: ['down'] });
		// Two runbooks worked in two tabs: each tick brings its scenario.
		const tabA = tickItem(state, id, 'scenario/breach/response/rotate', step('Rotate keys'), true, T0 + min(30));
		const tabB = tickItem(state, id, 'scenario/db/response/failover', step('Fail over'), true, T0 + min(30) + 1);
		for (const merged of [mergeState(tabA, tabB), mergeState(tabB, tabA)]) {
			expect([...merged.incidents[0]!.scenarios].sort()).toEqual(['breach', 'db', 'down']);
		}
		// Later, tab A's details form takes "down" away: gone, and what tab B added stays.
		const edited = updateIncident(mergeState(tabA, tabA), id, { scenarios: ['breach'] }, T0 + min(40));
		expect([...mergeState(tabB, edited).incidents[0]!.scenarios].sort()).toEqual(['breach', 'db']);
		expect([...mergeState(edited, tabB).incidents[0]!.scenarios].sort()).toEqual(['breach', 'db']);
	});

	it('keeps an incident imported again after its deletion, when a tab that saw the deletion writes', () => {
		const { state, id } = withIncident();
		const file = state.incidents[0]!;
		const deleted = deleteIncident(state, id, T0 + min(5));
		// Another tab heard of the deletion and keeps its mark; this one imports the downloaded file.
		const otherTab = mergeState(state, deleted);
		const imported = importIncident(deleted, file, T0 + min(6));
		for (const merged of [mergeState(otherTab, imported), mergeState(imported, otherTab), mergeState(state, imported)]) {
			expect(merged.incidents.map((i) => i.id)).toEqual([id]);
			expect(merged.activeId).toBe(id);
			expect(Object.keys(merged.deleted)).toEqual([]);
		}
		// Deleted again after the import: gone in every tab.
		const again = deleteIncident(imported, id, T0 + min(7));
		expect(mergeState(imported, again).incidents).toEqual([]);
		expect(mergeState(again, mergeState(otherTab, imported)).incidents).toEqual([]);
	});
});

describe('action items typed in two tabs', () => {
	it('keeps every keystroke when both tabs write before hearing the other (crossing writes)', () => {
		const { state, id } = withIncident();
		const one = addActionItem(state, id, {}, T0 + 1);
		const two = addActionItem(one.state, id, {}, T0 + 1);
		const a = 'Fix the connection pool size';
		const b = 'Alert on pool saturation';
		let tabA = two.state;
		let tabB = two.state;
		for (let n = 1; n <= Math.max(a.length, b.length); n++) {
			const at = T0 + 10 * n;
			if (n <= a.length) tabA = updateActionItem(tabA, id, one.itemId, { item: a.slice(0, n) }, at);
			if (n <= b.length) tabB = updateActionItem(tabB, id, two.itemId, { item: b.slice(0, n) }, at + 1);
			// Each hears the other's write only after its own keystroke: the writes crossed.
			[tabA, tabB] = [mergeState(tabA, tabB), mergeState(tabB, tabA)];
		}
		for (const tab of [tabA, tabB]) expect(tab.incidents[0]?.postMortem.actionItems.map((i) => i.item)).toEqual([a, b]);
	});

	it('merges per item and per field, both ways, and keeps a removal', () => {
		const { state, id } = withIncident();
		const { state: base, itemId } = addActionItem(state, id, { item: 'Fix pool' }, T0 + 1);
		const tabA = updateActionItem(base, id, itemId, { item: 'Fix the pool' }, T0 + 5);
		const tabB = updateActionItem(addActionItem(base, id, { item: 'Add alert' }, T0 + 3).state, id, itemId, { owner: '@carol' }, T0 + 6);
		for (const merged of [mergeState(tabA, tabB), mergeState(tabB, tabA)]) {
			const items = merged.incidents[0]?.postMortem.actionItems ?? [];
			expect(items.map((i) => [i.item, i.owner]).sort()).toEqual([
				['Add alert', ''],
				['Fix the pool', '@carol'],
			]);
		}
		const removed = removeActionItem(tabA, id, itemId, T0 + 7);
		expect(mergeState(removed, tabB).incidents[0]?.postMortem.actionItems.map((i) => i.item)).toEqual(['Add alert']);
		expect(mergeState(tabB, removed).incidents[0]?.postMortem.actionItems.map((i) => i.item)).toEqual(['Add alert']);
	});
});

describe('two stores on one storage (two tabs)', () => {
	it("each keeps the other tab's tick when both tick from stale copies", () => {
		const storage = new MemoryStorage();
		const tabA = createStore(storage, () => T0, undefined);
		let id = '';
		tabA.update((s) => {
			const declared = withIncident({}, s);
			id = declared.id;
			return declared.state;
		});
		const tabB = createStore(storage, () => T0 + 1, undefined);
		tabA.update((s) => tickItem(s, id, 'a', step('A'), true, T0 + 10));
		// tabB has not seen tabA's tick: its update re-reads storage and merges.
		tabB.update((s) => tickItem(s, id, 'b', step('B'), true, T0 + 11));
		const stored = JSON.parse(storage.getItem(STATE_KEY) ?? '{}');
		expect(Object.keys(stored.state.incidents[0].ticks).sort()).toEqual(['a', 'b']);
	});
	it("takes in another tab's write from the storage event and writes back what it alone knew", () => {
		const storage = new MemoryStorage();
		const events = new EventTarget();
		const tab = createStore(storage, () => T0, events);
		const { state, id } = withIncident({}, tab.get());
		tab.update(() => tickItem(state, id, 'mine', step('Mine'), true, T0 + 5));
		const other = tickItem(state, id, 'theirs', step('Theirs'), true, T0 + 6);
		const raw = JSON.stringify({ version: 1, state: other });
		storage.setItem(STATE_KEY, raw);
		let heard = 0;
		tab.subscribe(() => heard++);
		events.dispatchEvent(Object.assign(new Event('storage'), { key: STATE_KEY, newValue: raw }));
		expect(heard).toBe(1);
		expect(Object.keys(tab.get().incidents[0]?.ticks ?? {}).sort()).toEqual(['mine', 'theirs']);
		const stored = JSON.parse(storage.getItem(STATE_KEY) ?? '{}');
		expect(Object.keys(stored.state.incidents[0].ticks).sort()).toEqual(['mine', 'theirs']);
	});
});
