import { describe, expect, it } from 'vitest';
import type { Deadline } from '../../src/lib/clocks.ts';
import { handOver, mergeImported, nextDeadline } from '../../src/lib/handover.ts';
import { addNote, tickItem, updateIncident } from '../../src/lib/incidents.ts';
import { lastHandover, sourceValue } from '../../src/lib/messageValues.ts';
import { IncidentSchema } from '../../src/lib/state.ts';
import { min, T0, withIncident } from '../support/incidents.ts';

const playbook = { severities: [], statuses: [] };
const handover = { to: '@carol', done: 'Rolled back release 42', open: 'Replica lag on db-2', next: 'Status update 03:45 UTC' };

describe('a handover of command', () => {
	it('changes the commander and records both commanders and where the work stands', () => {
		let { state, id } = withIncident({ commander: '@bob' });
		state = handOver(state, id, handover, T0 + min(20));
		const incident = state.incidents[0]!;
		expect(incident.commander).toBe('@carol');
		const event = incident.events.at(-1)!;
		expect(event).toMatchObject({
			kind: 'handover',
			at: T0 + min(20),
			text: 'Command handed over: @bob → @carol',
			handover: { from: '@bob', ...handover },
		});
		expect(IncidentSchema.safeParse(incident).success).toBe(true);
		expect(lastHandover(incident)).toEqual({ from: '@bob', ...handover });
	});
	it('with no commander named, is handed over by the responder who records it, not by no one', () => {
		let { state, id } = withIncident({ commander: '' });
		state = handOver(state, id, handover, T0 + min(20));
		expect(state.incidents[0]!.events.at(-1)).toMatchObject({ text: 'Command handed over: alice → @carol', handover: { from: 'alice' } });
		const unnamed = withIncident({ commander: '' }, { ...state, incidents: [], responder: '' });
		const after = handOver(unnamed.state, unnamed.id, handover, T0 + min(20));
		expect(after.incidents[0]!.events.at(-1)).toMatchObject({ text: 'Command handed over: no one named → @carol', handover: { from: '' } });
	});
	it('is handed over by whom the form names, when it names someone', () => {
		const { state, id } = withIncident({ commander: '' }, { ...withIncident().state, incidents: [], responder: '' });
		const after = handOver(state, id, { ...handover, from: '  @dana ' }, T0 + min(20));
		expect(after.incidents[0]!.events.at(-1)).toMatchObject({ text: 'Command handed over: @dana → @carol', handover: { from: '@dana' } });
	});
	it('needs someone to hand over to', () => {
		const { state, id } = withIncident();
		expect(handOver(state, id, { ...handover, to: '  ' }, T0)).toBe(state);
	});
	it('fills the handover template’s sources from the latest handover, or the current commander before one', () => {
		let { state, id } = withIncident({ commander: '@bob' });
		const value = (source: Parameters<typeof sourceValue>[0]) =>
			sourceValue(source, { incident: state.incidents[0]!, playbook, checklists: [], kind: 'message', now: T0 });
		expect([value('handoverFrom'), value('handoverTo'), value('handoverOpen')]).toEqual(['@bob', '', '']);
		state = handOver(state, id, handover, T0 + min(20));
		state = handOver(state, id, { ...handover, to: '@dan', next: 'Escalate at 04:00 UTC' }, T0 + min(30));
		expect(['handoverFrom', 'handoverTo', 'handoverDone', 'handoverOpen', 'handoverNext'].map((s) => value(s as 'handoverTo'))).toEqual([
			'@carol',
			'@dan',
			'Rolled back release 42',
			'Replica lag on db-2',
			'Escalate at 04:00 UTC',
		]);
	});
});

describe('the next deadline of a handover', () => {
	const deadline = (id: string, state: Deadline['state'], at?: number): Deadline => ({
		id,
		kind: 'rung',
		label: id,
		detail: '',
		state,
		...(at === undefined ? {} : { at }),
	});
	it('is the earliest one still to meet, overdue ones included', () => {
		const list = [
			deadline('Status update', 'upcoming', T0 + min(30)),
			deadline('Response', 'done', T0),
			deadline('Engineering Lead', 'overdue', T0 + min(10)),
			deadline('CEO', 'conditional'),
		];
		expect(nextDeadline(list, T0)).toBe('Engineering Lead, 03:24 UTC');
	});
	it('names whom the escalation brings in, and dates a time on another day', () => {
		const escalate: Deadline = { id: 'escalate', kind: 'escalate', label: 'Escalate', detail: 'P0', state: 'upcoming', at: T0 + min(30) };
		const rung = { ...deadline('Engineering Lead', 'upcoming', T0 + min(30)) };
		expect(nextDeadline([escalate, rung], T0)).toBe('Escalate: Engineering Lead, 03:44 UTC');
		expect(nextDeadline([{ ...escalate, at: T0 + min(24 * 60) }], T0)).toBe('Escalate, 2026-11-27 03:14 UTC');
	});
	it('is empty when nothing is left to meet', () => {
		expect(nextDeadline([deadline('Response', 'done', T0), deadline('CEO', 'conditional')], T0)).toBe('');
	});
});

describe('merging a shared incident into this browser’s copy', () => {
	it('keeps both sides’ notes and ticks and the newer edit of each field', () => {
		const base = withIncident();
		const id = base.id;
		let mine = addNote(base.state, id, 'mine', T0 + min(1));
		mine = updateIncident(mine, id, { impact: 'older impact' }, T0 + min(2));
		let theirs = addNote(base.state, id, 'theirs', T0 + min(3));
		theirs = tickItem(theirs, id, 'k', { text: 'Step', list: 'L' }, true, T0 + min(4));
		theirs = updateIncident(theirs, id, { impact: 'newer impact' }, T0 + min(5));
		const merged = mergeImported(mine, theirs.incidents[0]!, T0 + min(6));
		const incident = merged.incidents[0]!;
		expect(incident.events.filter((e) => e.kind === 'note').map((e) => e.text)).toEqual(['mine', 'theirs']);
		expect(incident.ticks['k']?.done).toBe(true);
		expect(incident.impact).toBe('newer impact');
		expect(incident.events.at(-1)).toMatchObject({ kind: 'imported', text: 'Merged from a shared link' });
		expect(merged.activeId).toBe(id);
	});
	it('adds an incident this browser does not have, even one deleted here before', () => {
		const { state, id } = withIncident();
		const deleted = { ...state, incidents: [], deleted: { [id]: T0 } };
		const merged = mergeImported(deleted, state.incidents[0]!, T0 + min(1));
		expect(merged.incidents.map((i) => i.id)).toEqual([id]);
		expect(merged.deleted).toEqual({});
	});
});
