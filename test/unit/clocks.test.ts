import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { deadlines, elapsedMs, formatClock, formatSpan, nextDeadline } from '../../src/lib/clocks';
import { addNote, logEscalation, logMessage, setStatus, updateIncident } from '../../src/lib/incidents';
import { EscalationStepSchema } from '../../src/schemas/escalation';
import { SeveritySchema } from '../../src/schemas/severity';
import { P_FIXTURE } from '../support/playbookFromFiles';
import { readFrontmatter } from '../support/frontmatter';
import { min, T0, withIncident } from '../support/incidents';

const level = (id: string) => SeveritySchema.parse(readFrontmatter(join(P_FIXTURE, `severities/${id.toLowerCase()}.mdx`)));
const ladder = (parse(readFileSync(join(P_FIXTURE, 'escalation.yaml'), 'utf8')) as unknown[]).map((r) => EscalationStepSchema.parse(r));

/** A P0 detected exactly at T0 (declared at T0 too). */
function p0(over = {}) {
	const { state, id } = withIncident({ detectedAt: T0, ...over });
	return { state, id, incident: state.incidents[0]! };
}
const byId = (list: ReturnType<typeof deadlines>) => Object.fromEntries(list.map((d) => [d.id, d]));

describe('deadlines of a P0 from the P0–P3 fixture playbook', () => {
	it('lays out response, escalation and the path in time order', () => {
		const list = deadlines(p0().incident, level('P0'), ladder, T0);
		expect(list.map((d) => [d.id, d.at === undefined ? null : (d.at - T0) / 60_000, d.state])).toEqual([
			['rung:on-call-engineer', 0, 'done'],
			['response', 5, 'upcoming'],
			['escalate', 15, 'upcoming'],
			['update', 15, 'upcoming'],
			['rung:engineering-lead', 30, 'upcoming'],
			['rung:cto-vp-engineering', 60, 'upcoming'],
			['rung:ceo', null, 'conditional'],
		]);
	});

	it('is upcoming until exactly 15 minutes, due at 15 minutes, overdue 5 minutes later', () => {
		const { incident } = p0();
		const at = (m: number, s = 0) => byId(deadlines(incident, level('P0'), ladder, T0 + min(m) + s * 1000))['escalate']?.state;
		expect(at(14, 59)).toBe('upcoming');
		expect(at(15)).toBe('due');
		expect(at(19, 59)).toBe('due');
		expect(at(20)).toBe('overdue');
	});

	it('brings in the CEO at once for a P0 security incident', () => {
		const { incident } = p0({ scenarios: ['security-incident'] });
		const ceo = byId(deadlines(incident, level('P0'), ladder, T0 + min(1)))['rung:ceo'];
		expect(ceo).toMatchObject({ at: T0, state: 'due', detail: 'If P0 data breach/security incident' });
	});

	it('leaves the CTO out at P2 and uses P2 times', () => {
		const list = byId(deadlines(p0({ severity: 'P2' }).incident, level('P2'), ladder, T0));
		expect(list['rung:cto-vp-engineering']).toBeUndefined();
		expect(list['escalate']?.at).toBe(T0 + min(240));
		expect(list['response']?.at).toBe(T0 + min(60));
	});

	it('counts the first action as the response and a logged escalation as meeting the rung', () => {
		let { state, id } = p0();
		state = addNote(state, id, 'Looking at the load balancer', T0 + min(3));
		state = logEscalation(state, id, 'Escalated to Engineering Lead', 'rung:engineering-lead', T0 + min(31));
		const list = byId(deadlines(state.incidents[0]!, level('P0'), ladder, T0 + min(40)));
		expect(list['response']).toMatchObject({ state: 'done', doneAt: T0 + min(3) });
		expect(list['rung:engineering-lead']).toMatchObject({ state: 'done', doneAt: T0 + min(31) });
		expect(list['escalate']).toMatchObject({ state: 'done', doneAt: T0 + min(31) });
	});

	it('moves the next update on after each message', () => {
		let { state, id } = p0();
		state = logMessage(state, id, 'Copied Status Update (Slack)', T0 + min(10));
		expect(byId(deadlines(state.incidents[0]!, level('P0'), ladder, T0 + min(11)))['update']?.at).toBe(T0 + min(25));
	});

	it('stops the clocks at resolution, marking what was missed and what became unneeded', () => {
		let { state, id } = p0();
		state = setStatus(state, id, { id: 'resolved', label: 'Resolved', closes: true }, T0 + min(20));
		const incident = state.incidents[0]!;
		expect(elapsedMs(incident, T0 + min(90))).toBe(min(20));
		const list = byId(deadlines(incident, level('P0'), ladder, T0 + min(90)));
		expect(list['escalate']?.state).toBe('missed');
		expect(list['rung:engineering-lead']?.state).toBe('unneeded');
		expect(list['update']).toBeUndefined();
	});

	it('follows an earlier detection time set after declaring', () => {
		let { state, id } = p0();
		state = updateIncident(state, id, { detectedAt: T0 - min(20) }, T0);
		expect(byId(deadlines(state.incidents[0]!, level('P0'), ladder, T0))['escalate']?.state).toBe('overdue');
	});
});

describe('nextDeadline and formatting', () => {
	it('shows an overdue deadline before an upcoming one', () => {
		const { incident } = p0();
		expect(nextDeadline(deadlines(incident, level('P0'), ladder, T0 + min(1)))?.id).toBe('response');
		expect(nextDeadline(deadlines(incident, level('P0'), ladder, T0 + min(16)))?.id).toBe('response');
		expect(nextDeadline(deadlines(incident, level('P0'), ladder, T0 + min(11)))?.state).toBe('overdue');
	});
	it('formats clocks and spans', () => {
		expect(formatClock(min(4) + 5000)).toBe('4:05');
		expect(formatClock(min(64) + 5000)).toBe('1:04:05');
		expect(formatSpan(min(65))).toBe('1 h 5 min');
		expect(formatSpan(min(12))).toBe('12 min');
		expect(formatSpan(45_000)).toBe('45 s');
	});
});

describe('what counts as a response', () => {
	it('is not the site\'s own "due" reminder', () => {
		let { state, id } = p0();
		state = logEscalation(state, id, 'Due: Escalate', 'due:escalate', T0 + min(2));
		const response = byId(deadlines(state.incidents[0]!, level('P0'), ladder, T0 + min(11)))['response'];
		expect(response?.state).toBe('overdue');
	});
});
