import { describe, expect, it } from 'vitest';
import type { ChecklistSpec } from '../../src/lib/clientPlaybook.ts';
import { dueInjects, impliedSeverity, scoreDrill, type DrillScript } from '../../src/lib/drillScore.ts';
import { drillScoreMarkdown } from '../../src/lib/drillScoreMarkdown.ts';
import { declareIncident, logEscalation, logMessage, setSeverity, setStatus, tickItem, updatePostMortem } from '../../src/lib/incidents.ts';
import type { MetricsLevel } from '../../src/lib/metrics.ts';
import { emptyState, type Incident, type State } from '../../src/lib/state.ts';
import type { EscalationStep } from '../../src/schemas/escalation.ts';
import { declaration, min, T0 } from '../support/incidents.ts';

const severities: MetricsLevel[] = [
	{ id: 'P0', name: 'Critical', rank: 0, responseTime: 5, escalateAfter: 15, updateEvery: 15 },
	{ id: 'P1', name: 'High', rank: 1, responseTime: 15, escalateAfter: 60, updateEvery: 30 },
];
const escalation: EscalationStep[] = [
	{ id: 'first', level: 1, role: 'On call' },
	{ id: 'lead', level: 2, role: 'Lead', after: 10 },
	{ id: 'ceo', level: 3, role: 'CEO', severities: ['P0'], condition: 'breach', scenarios: ['breach'] },
];
const checklists: ChecklistSpec[] = [
	{ key: 'scenario/db/symptoms', label: 'DB: Symptoms', page: 'DB', href: '', steps: [{ id: 's', text: 'slow' }] },
	{
		key: 'scenario/db/response',
		label: 'DB: Response',
		page: 'DB',
		href: '',
		steps: [
			{ id: 'a', text: 'check pool' },
			{ id: 'b', text: 'kill job' },
		],
	},
];
const script: DrillScript = {
	title: 'Pool exhausted',
	scenario: 'db',
	severity: 'P1',
	injects: [
		{ after: 9, text: 'Connections exhausted', severity: 'P0' },
		{ after: 4, text: 'Error rate 12%' },
	],
};
const S = T0;
const step = (id: string) => ({ text: id, list: 'DB: Response' });

/** A drill played by the book, with `late` steps moved past their deadlines. */
function play(late: { escalation?: boolean; raise?: boolean; message?: boolean } = {}): Incident {
	let s: State = { ...emptyState(), responder: 'alice' };
	const d = declareIncident(
		s,
		declaration({ severity: 'P1', drill: true, detectedAt: S, scenarios: ['db'], exercise: { drill: 'pool', startedAt: S } }),
		'inc-',
		S + min(3),
	);
	s = tickItem(d.state, d.id, 'scenario/db/response/a', step('a'), true, S + min(4));
	s = logMessage(s, d.id, 'declared', late.message ? S + min(34) : S + min(5));
	if (!late.raise) s = setSeverity(s, d.id, 'P0', S + min(10));
	// The Lead is due at 15 (P0's escalate-after, later than the rung's own 10), with 5 minutes' grace.
	s = logEscalation(s, d.id, 'Escalated to Lead', 'rung:lead', late.escalation ? S + min(25) : S + min(12));
	s = tickItem(s, d.id, 'scenario/db/response/b', step('b'), true, S + min(14));
	s = logMessage(s, d.id, 'update', S + min(18));
	s = updatePostMortem(s, d.id, { rootCause: 'A batch job leaked connections' }, S + min(25));
	s = setStatus(s, d.id, { id: 'resolved', label: 'Resolved', closes: true }, S + min(30));
	return s.incidents.find((i) => i.id === d.id)!;
}
const score = (incident: Incident) => scoreDrill(incident, script, { severities, escalation, checklists }, S + min(60));

describe('the injects of a drill', () => {
	it('fall due in order, and raise the implied severity', () => {
		expect(dueInjects(script.injects, S, S + min(5)).map((i) => i.text)).toEqual(['Error rate 12%']);
		expect(dueInjects(script.injects, S, S + min(9)).map((i) => i.after)).toEqual([4, 9]);
		expect([impliedSeverity(script, severities, S, S + min(8)), impliedSeverity(script, severities, S, S + min(9))]).toEqual(['P1', 'P0']);
	});
});

describe('scoreDrill', () => {
	it('gives full marks to a drill played by the book, with a reason for each check', () => {
		const result = score(play());
		expect(result.items.map((i) => [i.id, i.points, i.max, i.met])).toEqual([
			['declare', 10, 10, true],
			['severity', 15, 15, true],
			['response', 10, 10, true],
			['first-message', 10, 10, true],
			['updates', 15, 15, true],
			['escalations', 15, 15, true],
			['runbook', 15, 15, true],
			['post-mortem', 10, 10, true],
		]);
		expect([result.points, result.max]).toEqual([100, 100]);
		expect(result.items[0]?.reason).toBe('Declared 3 min after the alert; the target at P1 is 15 minutes.');
		expect(result.items[4]?.reason).toBe('2 of 2 updates on time (every 30 minutes at P1).');
	});
	it('takes points off for an escalation past its due window', () => {
		const result = score(play({ escalation: true }));
		expect(result.items.find((i) => i.id === 'escalations')).toMatchObject({
			points: 0,
			met: false,
			reason: 'Late or missing: Lead (of 1 due).',
		});
		expect(result.points).toBe(85);
	});
	it('takes points off when an inject implies a higher level and nobody raises it', () => {
		const result = score(play({ raise: true }));
		expect(result.items.find((i) => i.id === 'severity')).toMatchObject({ points: 10, met: false });
		expect(result.items.find((i) => i.id === 'severity')?.reason).toContain(
			'"Connections exhausted" (minute 9) implies P0: not raised within 5 minutes.',
		);
	});
	it('takes points off a first message sent after its interval', () => {
		const result = score(play({ message: true }));
		expect(result.items.find((i) => i.id === 'first-message')).toMatchObject({
			points: 0,
			met: false,
			reason: 'Sent 31 min after declaring; due within 30 min.',
		});
	});
	it('misses no first message that was not due yet when the score was taken', () => {
		const { state, id } = declareIncident(
			{ ...emptyState() },
			declaration({ severity: 'P1', drill: true, detectedAt: S, exercise: { drill: 'pool', startedAt: S } }),
			'inc-',
			S + min(1),
		);
		const incident = state.incidents.find((i) => i.id === id)!;
		const at = (m: number) =>
			scoreDrill(incident, script, { severities, escalation, checklists }, S + m * 60_000).items.find((i) => i.id === 'first-message');
		expect(at(2)).toMatchObject({ points: 10, met: true, reason: expect.stringMatching(/^Not due yet/) });
		expect(at(40)).toMatchObject({ points: 0, met: false, reason: expect.stringMatching(/^No status message was sent/) });
	});

	it('scores an unfinished drill up to now, and counts what is missing', () => {
		const { state, id } = declareIncident(
			{ ...emptyState() },
			declaration({ severity: 'P0', drill: true, detectedAt: S, exercise: { drill: 'pool', startedAt: S } }),
			'inc-',
			S + min(20),
		);
		const result = scoreDrill(
			state.incidents.find((i) => i.id === id)!,
			script,
			{ severities, escalation, checklists },
			S + min(40),
		);
		expect(result.items.map((i) => [i.id, i.points])).toEqual([
			['declare', 0],
			['severity', 5],
			['response', 0],
			['first-message', 0],
			['updates', 0],
			['escalations', 0],
			['runbook', 0],
			['post-mortem', 0],
		]);
		expect(result.items[1]?.reason).toBe(
			'Declared at P0; the alert implies P1 (too high). Raised to P0 in time after "Connections exhausted".',
		);
	});
	it('gives no runbook points while the runbook is not known', () => {
		const result = scoreDrill(play(), script, { severities, escalation, checklists: [] }, S + min(60));
		expect(result.items.find((i) => i.id === 'runbook')).toMatchObject({ points: 0, met: false });
	});
	it('exports the score and its reasons as Markdown', () => {
		const md = drillScoreMarkdown(score(play({ escalation: true })), script, { id: 'drill-1' });
		expect(md).toContain('# Drill score: Pool exhausted');
		expect(md).toContain('**Score: 85 / 100**');
		expect(md).toContain('| ❌ | Escalations on time | 0/15 | Late or missing: Lead (of 1 due). |');
		expect(md).toContain('Drill drill-1, started 2026-11-26 03:14 UTC, scored after 30 min.');
	});
});
