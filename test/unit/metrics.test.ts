import { describe, expect, it } from 'vitest';
import { addNote, declareIncident, logMessage, setSeverity, setStatus } from '../../src/lib/incidents.ts';
import { computeMetrics, median, uniqueIncidents, type MetricsLevel } from '../../src/lib/metrics.ts';
import { updateCadence } from '../../src/lib/updateCadence.ts';
import { metricsCsv, metricsMarkdown } from '../../src/lib/metricsExport.ts';
import { metricsTables } from '../../src/lib/metricsTables.ts';
import { emptyState, type Incident, type State } from '../../src/lib/state.ts';
import { declaration, min, T0 } from '../support/incidents.ts';

const levels: MetricsLevel[] = [
	{ id: 'P0', name: 'Critical', rank: 0, responseTime: 5, escalateAfter: 15, updateEvery: 15 },
	{ id: 'P1', name: 'High', rank: 1, responseTime: 15, escalateAfter: 60, updateEvery: 30 },
];
const statuses = [
	{ id: 'investigating', closes: false },
	{ id: 'monitoring', closes: false, mitigates: true },
	{ id: 'resolved', closes: true },
];
const status = (id: string) => ({ id, label: id, closes: id === 'resolved' });
const T1 = T0 + 24 * 60 * min(1);
const T2 = Date.UTC(2026, 11, 3, 10, 0);

/** Three incidents and a drill, with figures worked out by hand below. */
function incidents(): Incident[] {
	let s: State = { ...emptyState(), responder: 'alice' };
	// A: P1 detected T0-4, declared T0; message +2; P0 at +10; monitoring +20; message +30; resolved +40.
	const a = declareIncident(s, declaration({ severity: 'P1', detectedAt: T0 - min(4) }), 'inc-', T0);
	s = a.state;
	s = logMessage(s, a.id, 'declared', T0 + min(2));
	s = setSeverity(s, a.id, 'P0', T0 + min(10));
	s = setStatus(s, a.id, status('monitoring'), T0 + min(20));
	s = logMessage(s, a.id, 'update', T0 + min(30));
	s = setStatus(s, a.id, status('resolved'), T0 + min(40));
	// B: P0 detected T1-2, declared T1 (the response, within 5 minutes), no message, resolved +10.
	const b = declareIncident(s, declaration({ severity: 'P0', detectedAt: T1 - min(2) }), 'inc-', T1);
	s = setStatus(b.state, b.id, status('resolved'), T1 + min(10));
	// C (December): P1 detected T2-10, declared T2, note +5, message +40, still open.
	const c = declareIncident(s, declaration({ severity: 'P1', detectedAt: T2 - min(10) }), 'inc-', T2);
	s = addNote(c.state, c.id, 'looking', T2 + min(5));
	s = logMessage(s, c.id, 'update', T2 + min(40));
	// A drill, which must not count.
	s = declareIncident(s, declaration({ severity: 'P0', drill: true, detectedAt: T2 }), 'inc-', T2 + min(1)).state;
	return s.incidents;
}

describe('computeMetrics', () => {
	const metrics = computeMetrics(incidents(), levels, statuses, T2 + min(60));
	const [a, b, c] = metrics.incidents;

	it('measures each incident from its detection', () => {
		expect(
			metrics.incidents.map((r) => [
				r.severity,
				r.toDeclare / min(1),
				r.toFirstMessage && r.toFirstMessage / min(1),
				r.toMitigate && r.toMitigate / min(1),
				r.toResolve && r.toResolve / min(1),
			]),
		).toEqual([
			['P0', 4, 6, 24, 44],
			['P0', 2, undefined, 12, 12],
			['P1', 10, 50, undefined, undefined],
		]);
		expect(a?.atLevel).toEqual({ P1: min(14), P0: min(30) });
		expect(c?.atLevel).toEqual({ P1: min(70) });
	});
	it('says which targets were met, missed, or not known yet', () => {
		expect(metrics.incidents.map((r) => [r.responseMet, r.resolvedInTime, r.updates])).toEqual([
			[true, false, { due: 2, late: 0 }],
			[true, true, { due: 0, late: 0 }],
			[true, undefined, { due: 1, late: 1 }],
		]);
		expect(b?.id).toBeDefined();
		// Declaring is the response: a P0 declared 8 minutes after detection missed its 5.
		const late = declareIncident(emptyState(), declaration({ severity: 'P0', detectedAt: T0 - min(8) }), 'inc-', T0);
		expect(computeMetrics(late.state.incidents, levels, statuses, T0 + min(1)).incidents[0]?.responseMet).toBe(false);
	});
	it('groups by the most severe level reached, and by month, leaving drills out', () => {
		expect(metrics.drillsLeftOut).toBe(1);
		expect(metrics.bySeverity).toEqual([
			{
				key: 'P0',
				incidents: 2,
				toDeclare: min(3),
				toFirstMessage: min(6),
				toMitigate: min(18),
				toResolve: min(28),
				atLevel: min(42),
				response: { met: 2, known: 2 },
				resolvedInTime: { met: 1, known: 2 },
				updates: { met: 2, known: 2 },
			},
			{
				key: 'P1',
				incidents: 1,
				toDeclare: min(10),
				toFirstMessage: min(50),
				toMitigate: undefined,
				toResolve: undefined,
				atLevel: min(84),
				response: { met: 1, known: 1 },
				resolvedInTime: { met: 0, known: 0 },
				updates: { met: 0, known: 1 },
			},
		]);
		expect(metrics.byMonth.map((g) => [g.key, g.incidents, g.toResolve])).toEqual([
			['2026-11', 2, min(28)],
			['2026-12', 1, undefined],
		]);
	});
	it('writes CSV cells a spreadsheet would run as formulas as text', () => {
		const rows = ['=HYPERLINK("http://x","y")', '+1', '-cmd', '@SUM(A1)', '\tx', 'plain, with comma', 'a "quote"'].map((title) => ({
			title,
		}));
		const table = {
			caption: 'Incidents',
			columns: [{ label: 'Title', value: (r: unknown) => (r as { title: string }).title }],
			rows,
			rowKey: () => '',
		};
		expect(metricsCsv(table).split('\r\n').slice(1, -1)).toEqual([
			`"'=HYPERLINK(""http://x"",""y"")"`,
			`"'+1"`,
			`"'-cmd"`,
			`"'@SUM(A1)"`,
			`"'\tx"`,
			'"plain, with comma"',
			'"a ""quote"""',
		]);
	});
	it('exports CSV and Markdown with the same figures', () => {
		const tables = metricsTables(metrics);
		const csv = metricsCsv(tables.incidents).split('\r\n');
		expect(csv[0]).toBe(
			'Incident,Title,Severity,Detected,To declare (min),To first message (min),To mitigate (min),' +
				'To resolve (min),At P0 (min),At P1 (min),Response target,Resolved before escalation,Updates on time',
		);
		expect(csv[1]).toBe(`${a?.id},API returns 503,P0,2026-11-26 03:10 UTC,4,6,24,44,30,14,met,missed,2/2`);
		expect(csv[3]).toBe(`${c?.id},API returns 503,P1,2026-12-03 09:50 UTC,10,50,,,,70,met,,0/1`);
		const md = metricsMarkdown(metrics, Object.values(tables), T2 + min(60));
		expect(md).toContain('3 incidents, computed 2026-12-03 11:00 UTC. Times are minutes from detection. 1 drill left out.');
		expect(md).toContain('| P0 | 2 | 3 | 6 | 18 | 28 | 42 | 2/2 | 1/2 | 2/2 |');
	});
});

describe('updateCadence', () => {
	it('counts a stretch with no message past its due time as one late update', () => {
		const { state, id } = declareIncident({ ...emptyState() }, declaration({ severity: 'P0' }), 'inc-', T0);
		const incident = state.incidents.find((i) => i.id === id)!;
		expect(updateCadence(incident, () => levels[0], T0 + min(16))).toEqual({ due: 1, late: 1 });
		expect(updateCadence(incident, () => levels[0], T0 + min(15))).toEqual({ due: 0, late: 0 });
	});
});

describe('median', () => {
	it('takes the middle value, or the mean of the two middle ones, ignoring unknowns', () => {
		expect([median([3, 1, 2]), median([4, undefined, 1, 2, 3]), median([])]).toEqual([2, 2.5, undefined]);
	});
});

describe('the incidents counted', () => {
	it('take each id once, this browser first, and count mitigation at resolution when no status says it stopped', () => {
		const all = incidents();
		const first = all.find((i) => i.detectedAt === T0 - min(4));
		const second = all.find((i) => i.detectedAt === T1 - min(2));
		const edited = { ...first!, title: 'edited elsewhere' };
		expect(uniqueIncidents([first!], [edited, second!]).map((i) => i.title)).toEqual([first!.title, second!.title]);
		const noMitigation = computeMetrics([first!], levels, [{ id: 'resolved', closes: true }], T2);
		expect(noMitigation.incidents[0]?.toMitigate).toBe(min(44));
	});
});
