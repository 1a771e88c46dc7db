import { describe, expect, it } from 'vitest';
import { deadlines, type ClockLevel } from '../../src/lib/clocks.ts';
import { logDeadline, setActive, setStatus, tickItem } from '../../src/lib/incidents.ts';
import type { State } from '../../src/lib/state.ts';
import { createStore } from '../../src/lib/store.ts';
import { listBackups, loadState, STATE_KEY, STATE_VERSION } from '../../src/lib/storage.ts';
import { parseStored, peekState, shownIncidents, shownState, storedText } from '../../src/lib/storageRead.ts';
import { workingIncident } from '../../src/lib/stateRead.ts';
import { min, T0, withIncident } from '../support/incidents.ts';
import { MemoryStorage } from '../support/memoryStorage.ts';

const stored = (state: unknown, version: unknown = STATE_VERSION) => JSON.stringify({ version, state });
const level: ClockLevel = { id: 'P0', responseTime: 5, escalateAfter: 30, updateEvery: 15 };

/** An open incident with ticks, a logged deadline and scratch ticks: what the bar and checklists show. */
function busy(): State {
	const { state: declared, id } = withIncident();
	let state = tickItem(declared, id, 'scenario/service-down/response/check', { text: 'Check', list: 'Response' }, true, T0 + min(1));
	state = tickItem(state, null, 'process/triage/assess', { text: 'Assess', list: 'Triage' }, true, T0 + min(2));
	return logDeadline(state, id, { id: 'escalate', kind: 'escalate', label: 'Escalate', detail: 'P0', at: T0 + min(30) }, T0 + min(31));
}

/** What the full read (storage.ts, zod) makes of stored text. */
function fullRead(raw: string | null) {
	const storage = new MemoryStorage();
	if (raw !== null) storage.setItem(STATE_KEY, raw);
	return { ...loadState(storage, T0), backups: listBackups(storage) };
}

/**
 * The cheap read agrees with the full read: what it shows is what the full read's state shows, and
 * it leaves to the full read (`full`) exactly what the full read has something to say about.
 */
function expectAgreement(raw: string | null): ReturnType<typeof peekState> {
	const peek = peekState(raw);
	const full = fullRead(raw);
	if (peek.kind === 'full') {
		expect(full.notices.length, 'the full read has something to tell').toBeGreaterThan(0);
		return peek;
	}
	expect(full.notices).toEqual([]);
	expect(full.backups).toEqual([]);
	const shown = peek.kind === 'shown' ? peek.shown : { active: undefined, scratch: {} };
	expect(shown).toEqual(shownState(full.state));
	// …and what the bar computes from it is what it computed from the store's incident.
	const incident = full.state.incidents.find((i) => i.id === shown.active?.id);
	if (incident && shown.active) {
		expect(deadlines(shown.active, level, [], T0 + min(40))).toEqual(deadlines(incident, level, [], T0 + min(40)));
	}
	return peek;
}

describe('the cheap read of the stored state', () => {
	it('shows what the full read shows of the current version: the active incident, its times, events and ticks, and scratch ticks', () => {
		const state = busy();
		const peek = expectAgreement(stored(state));
		expect(peek.kind).toBe('shown');
		if (peek.kind !== 'shown') return;
		expect(peek.shown.active).toMatchObject({ id: state.activeId, severity: 'P0', declaredAt: T0, detectedAt: T0 - min(4), drill: false });
		expect(peek.shown.active?.events.some((e) => e.kind === 'escalation' && e.value === 'due:escalate')).toBe(true);
		expect(peek.shown.active?.ticks['scenario/service-down/response/check']).toMatchObject({ done: true, by: 'alice', text: 'Check' });
		expect(peek.shown.scratch['process/triage/assess']?.done).toBe(true);
	});

	it('shows a resolved incident, no active incident, and an active id whose incident is gone, as the full read does', () => {
		const state = busy();
		const id = state.activeId!;
		expect(expectAgreement(stored(setStatus(state, id, { id: 'resolved', label: 'Resolved', closes: true }, T0 + min(50))))).toMatchObject({
			kind: 'shown',
			shown: { active: { resolvedAt: T0 + min(50) } },
		});
		const resolved = setStatus(state, id, { id: 'resolved', label: 'Resolved', closes: true }, T0 + min(50));
		expect(expectAgreement(stored(setActive(resolved, null, T0 + min(55))))).toMatchObject({ kind: 'shown', shown: { active: undefined } });
		expect(expectAgreement(stored({ ...state, incidents: [] }))).toMatchObject({ kind: 'shown', shown: { active: undefined } });
	});

	it('shows the active incident while it is open, even a drill; once it is resolved or none is active, the latest declared still open', () => {
		const resolve = (s: State, id: string) => setStatus(s, id, { id: 'resolved', label: 'Resolved', closes: true }, T0 + min(50));
		const shownId = (s: State) => {
			const peek = expectAgreement(stored(s));
			return peek.kind === 'shown' ? peek.shown.active?.id : 'full';
		};
		let n = 0;
		const next = () => (n++ % 10) / 10;
		const a = withIncident({ title: 'Checkout slow', severity: 'P2' }, undefined, next);
		const b = withIncident({ title: 'API down', severity: 'P0' }, a.state, next);
		expect(shownId(b.state)).toBe(b.id);
		// The responder works on the first again, and resolves it: the second, still open, shows on every page.
		const first = setActive(b.state, a.id, T0 + min(20));
		expect(shownId(first)).toBe(a.id);
		expect(shownId(resolve(first, a.id))).toBe(b.id);
		// None active (a drill left, an incident deleted): the one still open.
		expect(shownId(setActive(b.state, null, T0 + min(20)))).toBe(b.id);
		expect(shownId(setActive(resolve(b.state, b.id), null, T0 + min(60)))).toBe(a.id);
		// A drill started meanwhile is shown while it is the active one; ended and left, the real incident comes back.
		const drill = withIncident({ title: 'Drill', drill: true }, b.state, next);
		expect(shownId(drill.state)).toBe(drill.id);
		expect(shownId(setActive(resolve(drill.state, drill.id), null, T0 + min(60)))).toBe(b.id);
		// All resolved: the active one, resolved (its page says so), none else.
		expect(shownId(resolve(resolve(first, a.id), b.id))).toBe(a.id);
		// The workspace and the generators work on the active one, resolved too (its resolution is still to copy);
		// with none active, on the one the bar shows.
		expect(workingIncident(resolve(first, a.id))?.id).toBe(a.id);
		expect(workingIncident(setActive(resolve(drill.state, drill.id), null, T0 + min(60)))?.id).toBe(b.id);
		expect(workingIncident(setActive(resolve(resolve(first, a.id), b.id), null, T0 + min(60)))).toBeUndefined();
	});

	it('finds nothing when nothing is stored, and cannot read a storage that throws', () => {
		expect(expectAgreement(null)).toEqual({ kind: 'empty' });
		const denied = new MemoryStorage();
		denied.denied = true;
		expect(storedText(denied)).toBeUndefined();
		expect(storedText(undefined)).toBeUndefined();
		expect(storedText(new MemoryStorage())).toBeNull();
	});

	it('leaves another version, garbage and odd shapes to the full read, which sets them aside and says so', () => {
		const state = busy();
		const incident = state.incidents[0]!;
		const odd = [
			stored(state, 0),
			stored(state, STATE_VERSION + 1),
			'{"version":1,"state":{"incid',
			'null',
			'[]',
			stored(null),
			stored({ ...state, activeId: 7 }),
			stored({ ...state, incidents: [{ ...incident, severity: 7 }] }),
			stored({ ...state, incidents: [{ ...incident, events: [{ ...incident.events[0], at: 'now' }] }] }),
			stored({ ...state, incidents: [{ ...incident, ticks: { a: { done: 'yes' } } }] }),
			stored({ ...state, scratch: [] }),
			// An odd incident that is not the one shown: the full read sets the state aside all the same.
			stored({ ...state, incidents: [...state.incidents, { ...incident, id: 'older', declaredAt: 'yesterday' }] }),
			stored({ ...state, incidents: [...state.incidents, { ...incident, id: 'older', scenarios: [7] }] }),
			// JSON has no Infinity, but 1e999 parses to it, and zod refuses it.
			stored(state).replace(`"declaredAt":${T0}`, '"declaredAt":1e999'),
			// A time no date can hold (a view writing it would throw): refused by both reads, not shown by one.
			stored(state).replace(`"declaredAt":${T0}`, '"declaredAt":1e300'),
			stored({ ...state, incidents: [{ ...incident, events: [{ ...incident.events[0], at: -9e15 }] }] }),
			// A format number missing or not a whole number: of no format this site writes, however well the data validates.
			JSON.stringify({ state }),
			stored(state, '1'),
			stored(state, 1.5),
		];
		for (const raw of odd) expect(expectAgreement(raw), raw.slice(0, 80)).toEqual({ kind: 'full' });
	});

	it('reads a large state, and keys such as __proto__, as the full read does, without touching prototypes', () => {
		const state = busy();
		const incident = state.incidents[0]!;
		const many = Array.from({ length: 300 }, (_, n) => ({ ...incident, id: `old-${n}`, title: 'x'.repeat(500) }));
		expect(expectAgreement(stored({ ...state, incidents: [...many, ...state.incidents] })).kind).toBe('shown');
		const tick = incident.ticks['scenario/service-down/response/check'];
		const raw = stored(state)
			.replace('"ticks":{', `"ticks":{"__proto__":${JSON.stringify(tick)},`)
			.replace('"scratch":{', '"scratch":{"__proto__":{"polluted":true},')
			.replace('"activeAt"', '"__proto__":{"activeId":"x"},"activeAt"');
		const peek = expectAgreement(raw);
		expect(peek.kind).toBe('shown');
		if (peek.kind !== 'shown') return;
		expect(Object.getPrototypeOf(peek.shown.scratch)).toBe(Object.prototype);
		expect(Object.getPrototypeOf(peek.shown.active!.ticks)).toBe(Object.prototype);
		expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
	});

	it('reads every incident as it reads the one shown, for a page that shows them all without the store', () => {
		let n = 0;
		const next = () => (n++ % 10) / 10;
		const a = withIncident({ title: 'Checkout slow', severity: 'P2' }, undefined, next);
		const b = withIncident({ title: 'API down', severity: 'P0' }, a.state, next);
		const state = setStatus(b.state, a.id, { id: 'resolved', label: 'Resolved', closes: true }, T0 + min(50));
		const all = shownIncidents(JSON.parse(stored(state)).state);
		// What the shown incident is read as, each incident is; in the store's order.
		expect(all?.map((i) => i.id)).toEqual(state.incidents.map((i) => i.id));
		for (const incident of state.incidents) {
			const one = { ...state, activeId: incident.id, incidents: [incident] };
			expect(all?.find((i) => i.id === incident.id)).toEqual(shownState(one)?.active);
		}
		expect(all?.find((i) => i.id === a.id)?.resolvedAt).toBe(T0 + min(50));
		expect(shownIncidents({ incidents: [] })).toEqual([]);
		// One odd incident, or no list at all: the store's full read decides.
		expect(shownIncidents({ ...state, incidents: [...state.incidents, { ...state.incidents[0], severity: null }] })).toBeUndefined();
		for (const odd of [null, [], {}, { incidents: {} }, { incidents: [null] }]) expect(shownIncidents(odd)).toBeUndefined();
	});

	it('parses as the full read does: one parse, one version rule', () => {
		expect(parseStored('{"version":1,"state":{"a":1}}')).toEqual({ version: 1, declared: 1, state: { a: 1 } });
		expect(parseStored('{"state":{}}')).toMatchObject({ version: Number.NaN, declared: undefined });
		expect(parseStored('not json')).toBeUndefined();
	});

	it('agrees with the store on what another tab writes', () => {
		const storage = new MemoryStorage();
		const target = new EventTarget();
		const store = createStore(storage, () => T0, target);
		const write = (raw: string) => {
			storage.setItem(STATE_KEY, raw);
			target.dispatchEvent(Object.assign(new Event('storage'), { key: STATE_KEY, newValue: raw }));
		};
		const raw = stored(busy());
		write(raw);
		expect(peekState(raw)).toEqual({ kind: 'shown', shown: shownState(store.get()) });
		write('{"broken');
		expect(peekState('{"broken')).toEqual({ kind: 'full' });
		expect(store.notices().map((n) => n.kind)).toEqual(['corrupt']);
	});
});

describe('a store loaded after the cheap read showed the state', () => {
	it('keeps what the page showed when another tab wrote unusable data, and sets that data aside', () => {
		const storage = new MemoryStorage();
		const shown = stored(busy());
		storage.setItem(STATE_KEY, '{"version":1,"state":{"incid');
		const store = createStore(storage, () => T0, undefined, undefined, shown);
		expect(peekState(shown)).toEqual({ kind: 'shown', shown: shownState(store.get()) });
		expect(store.notices()).toMatchObject([{ kind: 'corrupt', message: expect.stringContaining('This page kept the incidents it had') }]);
		expect(listBackups(storage)).toHaveLength(1);
	});
});
