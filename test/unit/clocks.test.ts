import { describe, expect, it } from 'vitest';
import { deadlines, elapsedMs, formatClock, nextDeadline } from '../../src/lib/clocks.ts';
import { formatSpan } from '../../src/lib/timeText.ts';
import { deadlineWhen } from '../../src/lib/deadlineWhen.ts';
import { dueBy } from '../../src/lib/dueBy.ts';
import { describePlannedRung, escalationPlan } from '../../src/lib/escalationLadder.ts';
import { addNote, logEscalation, logMessage, setSeverity, setStatus, updateIncident } from '../../src/lib/incidents.ts';
import { EscalationStepSchema } from '../../src/schemas/escalation.ts';
import { min, T0, withIncident } from '../support/incidents.ts';

/** A small playbook of our own: its numbers are not the live content's. */
const LEVELS = {
	P0: { id: 'P0', responseTime: 10, escalateAfter: 20, updateEvery: 25 },
	P1: { id: 'P1', responseTime: 20, escalateAfter: 90, updateEvery: 40 },
	P2: { id: 'P2', responseTime: 45, escalateAfter: 180, updateEvery: 90 },
	P3: { id: 'P3', responseTime: 120, escalateAfter: 720, updateEvery: 180 },
} as const;
const level = (id: keyof typeof LEVELS) => LEVELS[id];
const ladder = [
	{ id: 'on-call-engineer', level: 1, role: 'On-Call Engineer', note: 'First responder' },
	{ id: 'engineering-lead', level: 2, role: 'Engineering Lead' },
	{ id: 'cto-vp-engineering', level: 3, role: 'CTO/VP Engineering', severities: ['P0', 'P1'], after: '2h' },
	{ id: 'ceo', level: 4, role: 'CEO', severities: ['P0'], condition: 'data breach/security incident', scenarios: ['security-incident'] },
].map((r) => EscalationStepSchema.parse(r));

/** An incident detected exactly at T0 and declared at T0 too. */
function p0(over = {}) {
	const { state, id } = withIncident({ detectedAt: T0, ...over });
	return { state, id, incident: state.incidents[0]! };
}
const byId = (list: ReturnType<typeof deadlines>) => Object.fromEntries(list.map((d) => [d.id, d]));
const offsets = (list: ReturnType<typeof deadlines>) => list.map((d) => [d.id, d.at === undefined ? null : (d.at - T0) / 60_000, d.state]);

describe('deadlines of a P0', () => {
	it('lays out response, escalation and the path in time order', () => {
		expect(offsets(deadlines(p0().incident, level('P0'), ladder, T0))).toEqual([
			['rung:on-call-engineer', 0, 'done'],
			['response', 10, 'done'],
			['escalate', 20, 'upcoming'],
			['rung:engineering-lead', 20, 'upcoming'],
			['update', 25, 'upcoming'],
			['rung:cto-vp-engineering', 120, 'upcoming'],
			['rung:ceo', null, 'conditional'],
		]);
	});

	it('is upcoming until exactly the escalation time, due then, overdue 5 minutes later', () => {
		const { incident } = p0();
		const at = (m: number, s = 0) => byId(deadlines(incident, level('P0'), ladder, T0 + min(m) + s * 1000))['escalate']?.state;
		expect(at(19, 59)).toBe('upcoming');
		expect(at(20)).toBe('due');
		expect(at(24, 59)).toBe('due');
		expect(at(25)).toBe('overdue');
	});

	it('brings in a rung with a condition and no time at once when the condition holds', () => {
		const { incident } = p0({ scenarios: ['security-incident'] });
		const ceo = byId(deadlines(incident, level('P0'), ladder, T0 + min(1)))['rung:ceo'];
		expect(ceo).toMatchObject({ at: T0, state: 'due', detail: 'At P0: if data breach/security incident' });
	});

	it('counts a rung a scenario brings from when the scenario was added, not from detection', () => {
		let { state, id } = p0();
		state = updateIncident(state, id, { scenarios: ['security-incident'] }, T0 + min(30));
		const ceo = (m: number) => byId(deadlines(state.incidents[0]!, level('P0'), ladder, T0 + min(m)))['rung:ceo'];
		expect(ceo(31)).toMatchObject({ at: T0 + min(30), state: 'due' });
		expect(ceo(36)).toMatchObject({ state: 'overdue' });
		// With a time of its own (as the path plans it at this level), from the addition on; chosen at the declaration, from detection as before.
		const timedLadder = ladder.map((r) => (r.id === 'ceo' ? EscalationStepSchema.parse({ ...r, after: '15m' }) : r));
		const declared = byId(deadlines(p0({ scenarios: ['security-incident'] }).incident, level('P0'), timedLadder, T0))['rung:ceo']!;
		expect(declared.at).toBeGreaterThan(T0);
		const added = byId(deadlines(state.incidents[0]!, level('P0'), timedLadder, T0 + min(31)))['rung:ceo'];
		expect(added).toMatchObject({ at: declared.at! + min(30), state: 'upcoming' });
	});

	it('counts it from the last addition when the scenario was taken away and added again', () => {
		let { state, id } = p0({ scenarios: ['security-incident'] });
		state = updateIncident(state, id, { scenarios: [] }, T0 + min(5));
		state = updateIncident(state, id, { scenarios: ['security-incident'] }, T0 + min(40));
		expect(byId(deadlines(state.incidents[0]!, level('P0'), ladder, T0 + min(41)))['rung:ceo']).toMatchObject({
			at: T0 + min(40),
			state: 'due',
		});
	});

	it("leaves out rungs of other levels and uses the level's own times", () => {
		const list = byId(deadlines(p0({ severity: 'P2' }).incident, level('P2'), ladder, T0));
		expect(list['rung:cto-vp-engineering']).toBeUndefined();
		expect(list['escalate']?.at).toBe(T0 + min(180));
		expect(list['response']?.at).toBe(T0 + min(45));
	});

	it('counts a logged escalation as meeting the rung', () => {
		let { state, id } = p0();
		state = addNote(state, id, 'Looking at the load balancer', T0 + min(3));
		state = logEscalation(state, id, 'Escalated to Engineering Lead', 'rung:engineering-lead', T0 + min(21));
		const list = byId(deadlines(state.incidents[0]!, level('P0'), ladder, T0 + min(40)));
		expect(list['rung:engineering-lead']).toMatchObject({ state: 'done', doneAt: T0 + min(21) });
		expect(list['escalate']).toMatchObject({ state: 'done', doneAt: T0 + min(21) });
	});

	it('moves the next update on after each message', () => {
		let { state, id } = p0();
		state = logMessage(state, id, 'Copied Status Update (Slack)', T0 + min(10));
		expect(byId(deadlines(state.incidents[0]!, level('P0'), ladder, T0 + min(11)))['update']?.at).toBe(T0 + min(35));
	});

	it('makes the next update due at once when the status changes after the last one', () => {
		// The update template asks for a post on every status change: the last update said the old status.
		let { state, id } = p0();
		state = logMessage(state, id, 'Copied Status Update (Slack)', T0 + min(10));
		state = setStatus(state, id, { id: 'identified', label: 'Identified', closes: false }, T0 + min(12));
		const at = (m: number) => byId(deadlines(state.incidents[0]!, level('P0'), ladder, T0 + min(m)))['update'];
		expect(at(12)).toMatchObject({ at: T0 + min(12), state: 'due' });
		expect(at(17)?.state).toBe('overdue');
		// Posted after the change, the update covers it: the usual interval runs again.
		state = logMessage(state, id, 'Copied Status Update (Slack)', T0 + min(13));
		expect(at(14)).toMatchObject({ at: T0 + min(38), state: 'upcoming' });
	});

	it('keeps an update already overdue overdue when the status changes', () => {
		let { state, id } = p0();
		state = setStatus(state, id, { id: 'identified', label: 'Identified', closes: false }, T0 + min(40));
		expect(byId(deadlines(state.incidents[0]!, level('P0'), ladder, T0 + min(40)))['update']).toMatchObject({
			at: T0 + min(25),
			state: 'overdue',
		});
	});

	it('asks for an update again when a resolved incident is reopened', () => {
		let { state, id } = p0();
		state = logMessage(state, id, 'Copied Status Update (Slack)', T0 + min(10));
		state = setStatus(state, id, { id: 'resolved', label: 'Resolved', closes: true }, T0 + min(11));
		// The resolution is said by its own message; resolved, no update is asked for.
		expect(byId(deadlines(state.incidents[0]!, level('P0'), ladder, T0 + min(12)))['update']).toBeUndefined();
		state = logMessage(state, id, 'Copied Resolution (Slack)', T0 + min(12));
		state = setStatus(state, id, { id: 'investigating', label: 'Investigating', closes: false }, T0 + min(14));
		expect(byId(deadlines(state.incidents[0]!, level('P0'), ladder, T0 + min(14)))['update']).toMatchObject({
			at: T0 + min(14),
			state: 'due',
		});
	});

	it('stops the clocks at resolution, marking what was missed and what became unneeded', () => {
		let { state, id } = p0();
		state = setStatus(state, id, { id: 'resolved', label: 'Resolved', closes: true }, T0 + min(30));
		const incident = state.incidents[0]!;
		expect(elapsedMs(incident, T0 + min(90))).toBe(min(30));
		const list = byId(deadlines(incident, level('P0'), ladder, T0 + min(90)));
		expect(list['escalate']?.state).toBe('missed');
		expect(list['rung:cto-vp-engineering']?.state).toBe('unneeded');
		expect(list['update']).toBeUndefined();
	});

	it("start a raised level's deadlines that would already be past at the raise, not before it: the incident was not at that level then", () => {
		let { state, id } = withIncident({ detectedAt: T0, severity: 'P1' });
		state = setSeverity(state, id, 'P0', T0 + min(44));
		const at = (m: number) => byId(deadlines(state.incidents[0]!, level('P0'), ladder, T0 + min(m)));
		// P0 escalates 20 minutes after detection: at the raise, 24 minutes later, it falls due, and is overdue 5 minutes on.
		expect(at(44)['escalate']).toMatchObject({ at: T0 + min(44), state: 'due' });
		expect(at(44)['rung:engineering-lead']).toMatchObject({ at: T0 + min(44), state: 'due' });
		expect(at(49)['escalate']?.state).toBe('overdue');
		// The update P0's cadence would have asked for 19 minutes before the raise is due at the raise, and logged then.
		expect(at(44)['update']).toMatchObject({ at: T0 + min(44), state: 'due' });
		// Responded at P1 in time: the raise does not make the response a miss.
		expect(at(44)['response']?.state).toBe('done');
		// Deadlines still ahead keep their time from detection; so does a level never changed.
		expect(at(44)['rung:cto-vp-engineering']?.at).toBe(T0 + min(120));
		expect(byId(deadlines(p0().incident, level('P0'), ladder, T0))['escalate']?.at).toBe(T0 + min(20));
	});

	it('keeps a deadline already overdue at the old level overdue when the level is raised, not "due" at the raise', () => {
		const levels = Object.values(LEVELS);
		let { state, id } = withIncident({ detectedAt: T0, severity: 'P1' });
		// P1 escalates after 90 minutes and updates every 40: at 100 minutes both are overdue when P0 (20 and 25) comes in.
		state = setSeverity(state, id, 'P0', T0 + min(100));
		const at = (m: number) => byId(deadlines(state.incidents[0]!, level('P0'), ladder, T0 + min(m), levels));
		expect(at(100)['escalate']).toMatchObject({ at: T0 + min(90), state: 'overdue' });
		expect(at(100)['rung:engineering-lead']).toMatchObject({ at: T0 + min(90), state: 'overdue' });
		expect(at(100)['update']).toMatchObject({ at: T0 + min(40), state: 'overdue' });
		// A rung the old level did not bring in starts at the raise, as before.
		expect(at(100)['rung:cto-vp-engineering']?.at).toBe(T0 + min(120));
		// Lowered instead, the less pressing level's times apply: 180 minutes from detection.
		let low = withIncident({ detectedAt: T0, severity: 'P1' });
		low.state = setSeverity(low.state, low.id, 'P2', T0 + min(100));
		const lowered = byId(deadlines(low.state.incidents[0]!, level('P2'), ladder, T0 + min(100), levels));
		expect(lowered['escalate']).toMatchObject({ at: T0 + min(180), state: 'upcoming' });
		// Raised and raised again: the first level's overdue escalation carries through both.
		state = withIncident({ detectedAt: T0, severity: 'P2' }).state;
		const sid = state.incidents[0]!.id;
		state = setSeverity(state, sid, 'P1', T0 + min(200));
		state = setSeverity(state, sid, 'P0', T0 + min(210));
		const twice = byId(deadlines(state.incidents[0]!, level('P0'), ladder, T0 + min(210), levels));
		expect(twice['escalate']).toMatchObject({ at: T0 + min(180), state: 'overdue' });
		// Without the levels to look back at, the raise is where the new level's times start (the older rule).
		expect(byId(deadlines(state.incidents[0]!, level('P0'), ladder, T0 + min(210)))['escalate']?.at).toBe(T0 + min(210));
	});

	it('keeps what was overdue at a level overdue when the level is lowered, and judges the response by the declared level', () => {
		const levels = Object.values(LEVELS);
		// Declared at P2 (escalate after 180, update every 90), raised to P1 at 300 minutes and lowered back at 303.
		let { state, id } = withIncident({ detectedAt: T0, severity: 'P2' });
		state = setSeverity(state, id, 'P1', T0 + min(300));
		state = setSeverity(state, id, 'P2', T0 + min(303));
		const back = byId(deadlines(state.incidents[0]!, level('P2'), ladder, T0 + min(303), levels));
		// P2's own deadlines fell due long before: back at P2, they are as overdue as they were, not "due now".
		expect(back['escalate']).toMatchObject({ at: T0 + min(180), state: 'overdue' });
		expect(back['update']).toMatchObject({ at: T0 + min(90), state: 'overdue' });
		// Lowered from P1 to P2 with both past P2's times too: due all along, so since it first fell due (P1's 90 minutes).
		let low = withIncident({ detectedAt: T0, severity: 'P1' });
		low.state = setSeverity(low.state, low.id, 'P2', T0 + min(200));
		expect(byId(deadlines(low.state.incidents[0]!, level('P2'), ladder, T0 + min(200), levels))['escalate']).toMatchObject({
			at: T0 + min(90),
			state: 'overdue',
		});
		// Lowered and raised back: an update due under both levels is due since it first fell due, not since the laxer
		// level's own time (P2 declared, updates every 90: due at 90; P3 every 180: due at 180, before the change at 300).
		let round = withIncident({ detectedAt: T0, severity: 'P2' });
		round.state = setSeverity(round.state, round.id, 'P3', T0 + min(300));
		round.state = setSeverity(round.state, round.id, 'P2', T0 + min(305));
		expect(byId(deadlines(round.state.incidents[0]!, level('P2'), ladder, T0 + min(305), levels))['update']).toMatchObject({
			at: T0 + min(90),
			state: 'overdue',
		});
		// The response is the declaration: judged by the level declared (P2: 45 minutes), whatever the level now.
		expect(back['response']).toMatchObject({ at: T0 + min(45), state: 'done', detail: 'Respond within 45 minutes of detection' });
	});

	it('follows an earlier detection time set after declaring', () => {
		let { state, id } = p0();
		state = updateIncident(state, id, { detectedAt: T0 - min(30) }, T0);
		expect(byId(deadlines(state.incidents[0]!, level('P0'), ladder, T0))['escalate']?.state).toBe('overdue');
	});
});

describe('what counts as the response', () => {
	it('is the declaration: a P0 declared at once is not overdue later with nothing else done', () => {
		const { incident } = p0();
		const response = byId(deadlines(incident, level('P0'), ladder, T0 + min(20)))['response'];
		expect(response).toMatchObject({ state: 'done', doneAt: T0 });
		expect(nextDeadline(deadlines(incident, level('P0'), ladder, T0 + min(15)))?.id).not.toBe('response');
	});
	it('is missed when the incident was declared after the target', () => {
		const { incident } = p0({ detectedAt: T0 - min(12) });
		expect(byId(deadlines(incident, level('P0'), ladder, T0 + min(1)))['response']).toMatchObject({ state: 'missed', doneAt: T0 });
	});
	it('is not changed by the site\'s own "due" reminders', () => {
		let { state, id } = p0();
		state = logEscalation(state, id, 'Due: Escalate', 'due:escalate', T0 + min(2));
		expect(byId(deadlines(state.incidents[0]!, level('P0'), ladder, T0 + min(11)))['response']?.state).toBe('done');
	});
});

describe('each level escalates on its own time', () => {
	it('brings the first rung above the responder in at the level\'s "escalate after", not sooner', () => {
		const { incident } = p0({ severity: 'P3' });
		const lead = byId(deadlines(incident, level('P3'), ladder, T0 + min(30)))['rung:engineering-lead'];
		expect(lead).toMatchObject({ at: T0 + min(720), state: 'upcoming', detail: 'At P3: if unresolved after 12 hours' });
		expect(nextDeadline(deadlines(incident, level('P3'), ladder, T0 + min(30)))?.state).toBe('upcoming');
	});
	it("brings a later rung in at its own time, or at the level's when that is later", () => {
		expect(escalationPlan(ladder, level('P0')).map((p) => [p.rung.id, p.after])).toEqual([
			['engineering-lead', 20],
			['cto-vp-engineering', 120],
			['ceo', undefined],
		]);
		expect(escalationPlan(ladder, { id: 'P1', escalateAfter: 180 }).map((p) => [p.rung.id, p.after])).toEqual([
			['engineering-lead', 180],
			['cto-vp-engineering', 180],
		]);
		expect(escalationPlan(ladder, level('P0')).map(describePlannedRung)).toEqual([
			'if unresolved after 20 minutes',
			'if unresolved after 2 hours',
			'if data breach/security incident',
		]);
	});
});

describe('nextDeadline and formatting', () => {
	it('shows an overdue deadline before an upcoming one', () => {
		const { incident } = p0();
		expect(nextDeadline(deadlines(incident, level('P0'), ladder, T0 + min(1)))?.id).toBe('escalate');
		expect(nextDeadline(deadlines(incident, level('P0'), ladder, T0 + min(27)))?.state).toBe('overdue');
	});
	it('formats clocks and spans', () => {
		// Units on every clock: "0:20" read as twenty minutes at 3 a.m.
		expect(formatClock(20_000)).toBe('20 s');
		expect(formatClock(min(4) + 5000)).toBe('4 min 05 s');
		expect(formatClock(min(64) + 5000)).toBe('1 h 04 min');
		// By the minute (how overdue a deadline is): seconds only under a minute.
		expect(formatClock(min(55) + 2000, true)).toBe('55 min');
		expect(formatClock(20_000, true)).toBe('20 s');
		expect(formatSpan(min(65))).toBe('1 h 5 min');
		expect(formatSpan(min(12))).toBe('12 min');
		expect(formatSpan(45_000)).toBe('45 s');
	});
});

describe('deadlineWhen', () => {
	it('says a missed response was done late, never that it was met', () => {
		// Declared 20 minutes after detection against a 10-minute target.
		const { incident } = p0({ detectedAt: T0 - min(20) });
		const response = byId(deadlines(incident, level('P0'), ladder, T0)).response!;
		expect(response.state).toBe('missed');
		const text = deadlineWhen(response, T0);
		expect(text).toBe('due 03:04 UTC, done 10 min late at 03:14 UTC');
		expect(text).not.toMatch(/\bmet\b/);
	});
	it('says when a target was met, and how long is left on an open one', () => {
		const { incident } = p0();
		const list = byId(deadlines(incident, level('P0'), ladder, T0 + min(1)));
		expect(deadlineWhen(list.response!, T0 + min(1))).toBe('due 03:24 UTC, done at 03:14 UTC');
		expect(deadlineWhen(list.escalate!, T0 + min(1))).toBe('due 03:34 UTC, in 19 min 00 s');
	});
	it('words an open deadline by its state: time left, due now or overdue since it fell due', () => {
		// Detected 40 minutes before it is declared: escalation (at 20) is past before anyone has looked.
		const { incident } = p0({ detectedAt: T0 - min(40) });
		const at = (m: number) => byId(deadlines(incident, level('P0'), ladder, T0 + min(m)));
		expect(dueBy(at(0).escalate!, T0)).toBe('overdue since 02:54 UTC');
		expect(dueBy(at(0)['rung:cto-vp-engineering']!, T0)).toBe('by 04:34 UTC');
		expect(dueBy(at(0).update!, T0)).toBe('by 03:39 UTC');
		expect(dueBy(at(25).update!, T0 + min(25))).toBe('due since 03:39 UTC');
	});
	it('dates, in the workspace, a time on another day than today (UTC): a deadline after midnight is not read as one long past', () => {
		// Detected and declared at 03:14: a level that asks for a response within 21 hours and escalates after a day.
		const slow = { id: 'P3', responseTime: 1260, escalateAfter: 1440, updateEvery: 240 };
		const list = byId(deadlines(p0().incident, slow, ladder, T0 + min(1)));
		expect(deadlineWhen(list.response!, T0 + min(1))).toBe('due 2026-11-27 00:14 UTC, done at 03:14 UTC');
		expect(deadlineWhen(list.escalate!, T0 + min(1))).toBe('due 2026-11-27 03:14 UTC, in 23 h 59 min');
		expect(deadlineWhen(list.update!, T0 + min(1))).toBe('due 07:14 UTC, in 3 h 59 min');
	});
	it('dates a deadline that falls on another day than today (UTC), so "by 03:14" is not read as now', () => {
		// A level that escalates after a day: declared at 03:14, its escalation is at 03:14 tomorrow.
		const { incident } = p0();
		const slow = { id: 'P3', responseTime: 120, escalateAfter: 1440, updateEvery: 180 };
		const list = byId(deadlines(incident, slow, ladder, T0));
		expect(dueBy(list.escalate!, T0)).toBe('by 2026-11-27 03:14 UTC');
		expect(dueBy(list.update!, T0)).toBe('by 06:14 UTC');
		// Overdue since yesterday, read after midnight.
		expect(dueBy({ at: T0, state: 'overdue' }, T0 + min(21 * 60))).toBe('overdue since 2026-11-26 03:14 UTC');
	});
});
