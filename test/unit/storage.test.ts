import { describe, expect, it } from 'vitest';
import { tickItem } from '../../src/lib/incidents.ts';
import { emptyState } from '../../src/lib/state.ts';
import { createStore } from '../../src/lib/store.ts';
import { BACKUP_PREFIX, listBackups, loadState, readRaw, saveState, STATE_KEY, STATE_VERSION } from '../../src/lib/storage.ts';
import { T0, withIncident } from '../support/incidents.ts';
import { MemoryStorage } from '../support/memoryStorage.ts';

const stored = (state: unknown, version = STATE_VERSION) => JSON.stringify({ version, state });

describe('loadState', () => {
	it('starts empty with nothing stored, and reads back what was saved', () => {
		const storage = new MemoryStorage();
		expect(loadState(storage, T0)).toEqual({ state: emptyState(), notices: [], writable: true });
		const { state } = withIncident();
		expect(saveState(storage, state)).toBeUndefined();
		expect(loadState(storage, T0).state).toEqual(state);
	});

	it('keeps unreadable JSON aside and says so', () => {
		const storage = new MemoryStorage();
		storage.setItem(STATE_KEY, '{"version":1,"state":{"incid');
		const loaded = loadState(storage, T0);
		expect(loaded.state).toEqual(emptyState());
		expect(loaded.notices).toMatchObject([{ kind: 'corrupt', backupKey: `${BACKUP_PREFIX}2026-11-26T03:14:00.000Z` }]);
		expect(readRaw(storage, loaded.notices[0]?.backupKey ?? '')).toBe('{"version":1,"state":{"incid');
	});

	it('keeps data of the wrong shape aside, naming the first bad field', () => {
		const storage = new MemoryStorage();
		const { state } = withIncident();
		storage.setItem(STATE_KEY, stored({ ...state, incidents: [{ ...state.incidents[0], severity: 7 }] }));
		const loaded = loadState(storage, T0);
		expect(loaded.notices[0]?.kind).toBe('invalid');
		expect(loaded.notices[0]?.message).toContain('incidents.0.severity');
		expect(listBackups(storage)).toHaveLength(1);
	});

	it('keeps a time no date can hold aside (it would stop every view that writes it), naming where, and reads a 1970 clock back', () => {
		const storage = new MemoryStorage();
		const { state } = withIncident();
		storage.setItem(STATE_KEY, stored({ ...state, incidents: [{ ...state.incidents[0], detectedAt: 1e300 }] }));
		const loaded = loadState(storage, T0);
		expect(loaded.state).toEqual(emptyState());
		expect(loaded.notices[0]?.kind).toBe('invalid');
		expect(loaded.notices[0]?.message).toContain('incidents.0.detectedAt');
		const reset = { ...state, incidents: [{ ...state.incidents[0]!, detectedAt: 1_000, declaredAt: 2_000 }] };
		storage.setItem(STATE_KEY, stored(reset));
		expect(loadState(storage, T0).state).toEqual(reset);
	});

	it('leaves data from a newer version of the site in place, never writes over it, and says to reload for it', () => {
		const storage = new MemoryStorage();
		const newer = stored({ future: true }, STATE_VERSION + 1);
		storage.setItem(STATE_KEY, newer);
		const loaded = loadState(storage, T0);
		expect(loaded.notices).toMatchObject([{ kind: 'newer', unsaved: true }]);
		expect(loaded.notices[0]?.message).toMatch(/reload/);
		expect(loaded.writable).toBe(false);
		expect(listBackups(storage)).toEqual([]);
		// A tick in this out-of-date page is kept in memory, not written over the newer data.
		const store = createStore(storage, () => T0, new EventTarget());
		store.update((s) => withIncident({}, s).state);
		expect(store.get().incidents).toHaveLength(1);
		expect(storage.getItem(STATE_KEY)).toBe(newer);
		expect(store.notices().some((n) => n.unsaved)).toBe(true);
	});

	it('migrates an older version step by step and says so', () => {
		const storage = new MemoryStorage();
		const { state } = withIncident();
		const { responder: _r, ...old } = state;
		storage.setItem(STATE_KEY, stored({ ...old, who: 'alice' }, 0));
		const migrations = {
			0: (data: unknown) => {
				const { who, ...rest } = data as { who: string };
				return { ...rest, responder: who };
			},
		};
		const loaded = loadState(storage, T0, migrations);
		expect(loaded.notices[0]?.kind).toBe('migrated');
		expect(loaded.state.responder).toBe('alice');
		expect(loaded.state.incidents).toEqual(state.incidents);
	});

	it('refuses a version with no migration, keeping it aside', () => {
		const storage = new MemoryStorage();
		storage.setItem(STATE_KEY, stored({}, 0));
		expect(loadState(storage, T0).notices[0]?.kind).toBe('invalid');
	});

	it('keeps valid data with a missing or odd format number aside as of an unknown format, not as current', () => {
		const { state } = withIncident();
		const texts = [
			JSON.stringify({ state }),
			JSON.stringify({ version: null, state }),
			JSON.stringify({ version: '1', state }),
			JSON.stringify({ version: [1], state }),
			JSON.stringify({ version: 0.5, state }),
			JSON.stringify({ version: 1.5, state }),
		];
		for (const text of texts) {
			const storage = new MemoryStorage();
			storage.setItem(STATE_KEY, text);
			const loaded = loadState(storage, T0);
			expect(loaded.state, text).toEqual(emptyState());
			expect(loaded.notices, text).toMatchObject([{ kind: 'invalid', message: expect.stringContaining('unknown format') }]);
			expect(readRaw(storage, loaded.notices[0]?.backupKey ?? ''), text).toBe(text);
			expect(loaded.writable).toBe(true);
		}
	});

	it('works in memory when storage is disabled', () => {
		const storage = new MemoryStorage();
		storage.denied = true;
		const store = createStore(storage, () => T0, undefined);
		expect(store.notices().map((n) => n.kind)).toEqual(['unavailable']);
		store.update((s) => withIncident({}, s).state);
		expect(store.get().incidents).toHaveLength(1);
	});

	it('keeps changes in memory and warns when storage is full', () => {
		const storage = new MemoryStorage();
		const store = createStore(storage, () => T0, undefined);
		const { id } = withIncident({}, store.get());
		store.update((s) => withIncident({}, s).state);
		storage.quota = (storage.getItem(STATE_KEY)?.length ?? 0) + STATE_KEY.length + 10;
		store.update((s) => tickItem(s, id, 'k', { text: 'A step with a long enough text to overflow', list: 'L' }, true, T0 + 1));
		expect(store.get().incidents[0]?.ticks['k']?.done).toBe(true);
		expect(store.notices().map((n) => n.kind)).toEqual(['full']);
	});

	it('never overwrites unusable data it could not set aside', () => {
		const storage = new MemoryStorage();
		storage.setItem(STATE_KEY, 'not json at all');
		storage.quota = storage.getItem(STATE_KEY)!.length + STATE_KEY.length;
		const store = createStore(storage, () => T0, undefined);
		store.update((s) => withIncident({}, s).state);
		expect(storage.getItem(STATE_KEY)).toBe('not json at all');
		expect(store.notices()[0]?.message).toContain('could not be copied aside');
	});

	it('says lastingly that nothing is saved while unusable data blocks writes, offers it and the unsaved state, and saves over it when asked', () => {
		const storage = new MemoryStorage();
		const raw = `{"version":1,"state":${'x'.repeat(2_000)}`;
		storage.setItem(STATE_KEY, raw);
		storage.quota = raw.length + STATE_KEY.length + 100;
		const store = createStore(storage, () => T0, undefined);
		const aside = store.notices()[0]!;
		expect(aside).toMatchObject({ kind: 'corrupt', backupKey: STATE_KEY, blocking: true });
		expect(readRaw(storage, aside.backupKey!)).toBe(raw);
		store.update((s) => withIncident({}, s).state);
		expect(store.notices().map((n) => [n.kind, n.unsaved ?? false])).toEqual([
			['corrupt', false],
			['unsaved', true],
		]);
		expect(store.notices()[1]?.message).toMatch(/^Not saved/);
		// Dismissed, it comes back at the next change that is not saved.
		store.dismiss(store.notices()[1]!);
		store.update((s) => tickItem(s, s.activeId, 'k', { text: 'T', list: 'L' }, true, T0 + 1));
		expect(store.notices().filter((n) => n.unsaved)).toHaveLength(1);
		expect(JSON.parse(store.snapshot()).state.incidents[0].ticks.k.done).toBe(true);
		expect(storage.getItem(STATE_KEY)).toBe(raw);
		store.saveOver();
		expect(JSON.parse(storage.getItem(STATE_KEY)!).state.incidents).toHaveLength(1);
		expect(store.notices()).toEqual([]);
	});

	it('keeps a "not saved" notice with the unsaved state while storage is full, and clears it once a write succeeds', () => {
		const storage = new MemoryStorage();
		const store = createStore(storage, () => T0, undefined);
		store.update((s) => withIncident({}, s).state);
		storage.quota = 10;
		store.update((s) => tickItem(s, s.activeId, 'k', { text: 'T', list: 'L' }, true, T0 + 1));
		const full = store.notices()[0];
		expect(full).toMatchObject({ kind: 'full', unsaved: true });
		store.dismiss(full!);
		store.update((s) => tickItem(s, s.activeId, 'j', { text: 'T', list: 'L' }, true, T0 + 2));
		expect(store.notices().map((n) => n.kind)).toEqual(['full']);
		storage.quota = Number.POSITIVE_INFINITY;
		store.update((s) => tickItem(s, s.activeId, 'i', { text: 'T', list: 'L' }, true, T0 + 3));
		expect(store.notices()).toEqual([]);
		expect(Object.keys(JSON.parse(storage.getItem(STATE_KEY)!).state.incidents[0].ticks).sort()).toEqual(['i', 'j', 'k']);
	});
});

describe('leaving a page whose changes could not be saved', () => {
	/** Whether leaving the page now is asked about (a cancelled beforeunload makes the browser ask). */
	const asksOnLeaving = (page: EventTarget) => !page.dispatchEvent(new Event('beforeunload', { cancelable: true }));

	it('is asked about while a change is held unsaved (storage full), and no longer once a write succeeds', () => {
		const storage = new MemoryStorage();
		const page = new EventTarget();
		const store = createStore(storage, () => T0, page);
		expect(asksOnLeaving(page)).toBe(false);
		store.update((s) => withIncident({}, s).state);
		expect(asksOnLeaving(page)).toBe(false);
		storage.quota = 10;
		store.update((s) => tickItem(s, s.activeId, 'k', { text: 'T', list: 'L' }, true, T0 + 1));
		expect(asksOnLeaving(page)).toBe(true);
		// Dismissing the notice loses nothing: the change is still only on this page.
		store.dismiss(store.notices()[0]!);
		expect(asksOnLeaving(page)).toBe(true);
		storage.quota = Number.POSITIVE_INFINITY;
		store.update((s) => tickItem(s, s.activeId, 'j', { text: 'T', list: 'L' }, true, T0 + 2));
		expect(asksOnLeaving(page)).toBe(false);
	});

	it('is asked about once a change is made where storage is disabled, or blocked by unusable data, and not before', () => {
		const denied = new MemoryStorage();
		denied.denied = true;
		const page = new EventTarget();
		const store = createStore(denied, () => T0, page);
		expect(asksOnLeaving(page)).toBe(false);
		store.update((s) => withIncident({}, s).state);
		expect(asksOnLeaving(page)).toBe(true);

		const blocked = new MemoryStorage();
		const raw = `{"version":1,"state":${'x'.repeat(2_000)}`;
		blocked.setItem(STATE_KEY, raw);
		blocked.quota = raw.length + STATE_KEY.length + 100;
		const other = new EventTarget();
		const kept = createStore(blocked, () => T0, other);
		expect(asksOnLeaving(other)).toBe(false);
		kept.update((s) => withIncident({}, s).state);
		expect(asksOnLeaving(other)).toBe(true);
		// Saved over the unusable data (downloaded first), the change is kept: leaving loses nothing.
		kept.saveOver();
		expect(asksOnLeaving(other)).toBe(false);
	});
});

describe('setting data aside', () => {
	it('keeps one copy of the same unusable data however often it is read', () => {
		const storage = new MemoryStorage();
		storage.setItem(STATE_KEY, 'garbage');
		const first = loadState(storage, T0).notices[0]?.backupKey;
		const second = loadState(storage, T0 + 60_000).notices[0]?.backupKey;
		expect(second).toBe(first);
		expect(listBackups(storage)).toHaveLength(1);
	});
});

describe("another tab's write (the storage event) is read as at load", () => {
	const tab = (storage: MemoryStorage, migrations?: Parameters<typeof createStore>[3]) => {
		const events = new EventTarget();
		const store = createStore(storage, () => T0, events, migrations);
		const written = (raw: string) => {
			storage.setItem(STATE_KEY, raw);
			events.dispatchEvent(Object.assign(new Event('storage'), { key: STATE_KEY, newValue: raw }));
		};
		return { store, written };
	};

	it("sets invalid data aside with a notice, keeps this tab's incidents, and saves over it once it is kept", () => {
		const storage = new MemoryStorage();
		const { store, written } = tab(storage);
		store.update((s) => withIncident({}, s).state);
		const mine = store.get();
		const bad = stored({ ...mine, incidents: [{ ...mine.incidents[0], severity: 7 }] });
		let heard = 0;
		store.subscribe(() => heard++);
		written(bad);
		expect(heard).toBe(1);
		expect(store.get()).toEqual(mine);
		expect(store.notices()).toMatchObject([{ kind: 'invalid' }]);
		expect(store.notices()[0]?.message).toContain('incidents.0.severity');
		expect(store.notices()[0]?.message).toContain('This page kept the incidents it had.');
		const backup = store.notices()[0]?.backupKey ?? '';
		expect(readRaw(storage, backup)).toBe(bad);
		store.update((s) => tickItem(s, s.activeId, 'i', { text: 'T', list: 'L' }, true, T0 + 1));
		expect(loadState(storage, T0).state.incidents[0]?.ticks).toHaveProperty('i');
		expect(listBackups(storage)).toEqual([{ key: backup, size: bad.length }]);
	});

	it('sets unreadable JSON aside and leaves data of a newer version in place, as at load, writing nothing over it after', () => {
		const storage = new MemoryStorage();
		const { store, written } = tab(storage);
		store.update((s) => withIncident({}, s).state);
		written('{"version":1,"state":{"incid');
		const newer = stored({ future: true }, STATE_VERSION + 1);
		written(newer);
		expect(store.notices().map((n) => n.kind)).toEqual(['corrupt', 'newer']);
		expect(listBackups(storage)).toHaveLength(1);
		// The newer tab's data stays as it wrote it, whatever this older page does next; this page keeps its incident.
		store.update((s) => withIncident({ title: 'Another' }, s).state);
		expect(storage.getItem(STATE_KEY)).toBe(newer);
		expect(store.get().incidents).toHaveLength(2);
	});

	it('never overwrites bad data from another tab that could not be set aside', () => {
		const storage = new MemoryStorage();
		const { store, written } = tab(storage);
		storage.quota = 60;
		written('x'.repeat(40));
		expect(store.notices()).toMatchObject([{ kind: 'corrupt', backupKey: STATE_KEY, blocking: true }]);
		store.update((s) => withIncident({}, s).state);
		expect(storage.getItem(STATE_KEY)).toBe('x'.repeat(40));
	});

	it('migrates an older version written by another tab, merges it and writes it back in the current format', () => {
		const storage = new MemoryStorage();
		const migrations = {
			0: (data: unknown) => {
				const { who, ...rest } = data as { who: string };
				return { ...rest, responder: who };
			},
		};
		const { store, written } = tab(storage, migrations);
		const { state } = withIncident();
		const { responder: _r, ...old } = state;
		written(stored({ ...old, who: 'carol' }, 0));
		expect(store.get().responder).toBe('carol');
		expect(store.get().incidents).toEqual(state.incidents);
		expect(store.notices()).toMatchObject([{ kind: 'migrated' }]);
		expect(JSON.parse(storage.getItem(STATE_KEY) ?? '{}')).toMatchObject({ version: STATE_VERSION, state: { responder: 'carol' } });
	});
});
