// @vitest-environment happy-dom
// Mermaid's parser needs a DOM (it sanitises labels with DOMPurify): happy-dom gives it one.
import { afterEach, describe, expect, it } from 'vitest';
import mermaid from 'mermaid';
import { courseMermaid, incidentCourse, mermaidText } from '../../src/lib/incidentCourse.ts';
import { declareIncident, logEscalation, logMessage, setSeverity, setStatus } from '../../src/lib/incidents.ts';
import { emptyState, type State } from '../../src/lib/state.ts';
import type { EscalationStep } from '../../src/schemas/escalation.ts';
import { declaration, min, T0 } from '../support/incidents.ts';

const severities = [
	{ id: 'P0', name: 'Critical', tone: 'danger' as const, responseTime: 5, escalateAfter: 15, updateEvery: 15 },
	{ id: 'P1', name: 'High', tone: 'caution' as const, responseTime: 15, escalateAfter: 60, updateEvery: 30 },
];
const ladder: EscalationStep[] = [
	{ id: 'first', level: 1, role: 'On call' },
	{ id: 'lead', level: 2, role: 'Lead', after: 30 },
];

/** P1 detected T0-4, declared T0: message +2, P0 at +10, identified +12, lead +20, resolved +40. */
function course() {
	let s: State = { ...emptyState(), responder: 'alice' };
	const d = declareIncident(s, declaration({ severity: 'P1', title: 'API: 503; #1 outage' }), 'inc-', T0);
	s = logMessage(d.state, d.id, 'Declaration sent', T0 + min(2));
	s = setSeverity(s, d.id, 'P0', T0 + min(10));
	s = setStatus(s, d.id, { id: 'identified', label: 'Identified', closes: false }, T0 + min(12));
	s = logEscalation(s, d.id, 'Escalated to Lead', 'rung:lead', T0 + min(20));
	s = setStatus(s, d.id, { id: 'resolved', label: 'Resolved', closes: true }, T0 + min(40));
	return incidentCourse(s.incidents[0]!, severities, ladder, T0 + min(90));
}

describe('incidentCourse', () => {
	it('reads the severity bands, the moments and the deadlines off the record', () => {
		const c = course();
		expect([c.start, c.end]).toEqual([T0 - min(4), T0 + min(40)]);
		expect(c.bands.map((b) => [b.label, b.tone, (b.to - b.from) / min(1)])).toEqual([
			['P1 High', 'caution', 14],
			['P0 Critical', 'danger', 30],
		]);
		expect(c.marks.map((m) => [m.kind, (m.at - T0) / min(1), m.label])).toEqual([
			['declared', 0, 'Declared P1'],
			['message', 2, 'Declaration sent'],
			['status', 12, 'Status: Identified'],
			['escalation', 20, 'Escalated to Lead'],
			['status', 40, 'Resolved'],
		]);
		// At P0 now: respond within 5 min of detection (declaring at T0 is the response, before T0+1: met,
		// marked when met); escalate by +11 (escalated at +20, past the due window: missed, marked when due);
		// the lead's rung by +26 (brought in at +20: met, marked then).
		expect(c.deadlines.map((d) => [d.id, (d.at - T0) / min(1), d.outcome])).toEqual([
			['response', 0, 'met'],
			['escalate', 11, 'missed'],
			['rung:lead', 20, 'met'],
		]);
	});
	it('marks a target met when it was met, inside the incident, even when its deadline lies after the resolution', () => {
		// P1: respond within 15 min; declared at once and resolved 4 min after detection.
		let s: State = { ...emptyState(), responder: 'alice' };
		const d = declareIncident(s, declaration({ severity: 'P1', detectedAt: T0 }), 'inc-', T0 + min(1));
		s = setStatus(d.state, d.id, { id: 'resolved', label: 'Resolved', closes: true }, T0 + min(4));
		const c = incidentCourse(s.incidents[0]!, severities, ladder, T0 + min(30));
		const response = c.deadlines.find((x) => x.id === 'response');
		expect(response).toMatchObject({ outcome: 'met', at: T0 + min(1) });
		expect(c.deadlines.every((x) => x.at >= c.start && x.at <= c.end)).toBe(true);
	});
});

describe('courseMermaid', () => {
	/** The time a reader sees on the chart's axis (Mermaid shows times in the reader's own time zone), read as UTC. */
	const shown = (d: Date) => Date.UTC(d.getFullYear(), d.getMonth(), d.getDate(), d.getHours(), d.getMinutes(), d.getSeconds());
	const zone = process.env['TZ'];
	afterEach(() => {
		if (zone === undefined) delete process.env['TZ'];
		else process.env['TZ'] = zone;
	});

	it.each(['UTC', 'America/New_York', 'Asia/Kolkata'])(
		'writes a Gantt chart that Mermaid parses, with the same times in UTC and names, read in %s',
		async (reader) => {
			process.env['TZ'] = reader;
			const text = courseMermaid(course());
			expect(text.startsWith('```mermaid\ngantt\n')).toBe(true);
			const source = text.replace(/^```mermaid\n/, '').replace(/\n```$/, '');
			expect(await mermaid.parse(source)).toMatchObject({ diagramType: 'gantt' });
			const diagram = await mermaid.mermaidAPI.getDiagramFromText(source);
			const tasks = (
				diagram.db as unknown as { getTasks(): { task: string; section: string; startTime: Date; endTime: Date }[] }
			).getTasks();
			expect(tasks.map((t) => [t.section, t.task.trim(), (shown(t.startTime) - T0) / min(1), (shown(t.endTime) - T0) / min(1)])).toEqual([
				['Severity', 'P1 High', -4, 10],
				['Severity', 'P0 Critical', 10, 40],
				['Status', 'Declared P1', 0, 0],
				['Status', 'Status Identified', 12, 12],
				['Status', 'Resolved', 40, 40],
				['Messages', 'Declaration sent', 2, 2],
				['Escalations', 'Escalated to Lead', 20, 20],
				['Deadlines', 'Response target met', 0, 0],
				['Deadlines', 'Escalate missed', 11, 11],
				['Deadlines', 'Lead met', 20, 20],
			]);
			expect(source).toContain('title API 503 1 outage (from 2026-11-26 03\u223610 UTC)');
		},
	);
	it('refuses what the chart must never contain: Mermaid rejects a bad date', async () => {
		await expect(
			mermaid.mermaidAPI
				.getDiagramFromText('gantt\n    dateFormat x\n    section S\n    a :milestone, soon, soon\n')
				.then((d) => (d.db as unknown as { getTasks(): unknown }).getTasks()),
		).rejects.toThrow(/Invalid date/);
	});
	it('keeps names to words Mermaid cannot misread', () => {
		expect(mermaidText('Status: Identified; see #ops <b>')).toBe('Status Identified see ops b');
		expect(mermaidText(': ;')).toBe('-');
		expect(mermaidText('at 04:17 UTC: paged')).toBe('at 04\u223617 UTC paged');
		// A percentage is a figure the chart must keep; "%%" would hide the rest of the line as a comment.
		expect(mermaidText('5xx at 12% (was 0.1%%)')).toBe('5xx at 12% (was 0.1%)');
		expect(mermaidText('%%{init: {}}%%')).not.toContain('%%');
	});
});
