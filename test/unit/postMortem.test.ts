import { describe, expect, it } from 'vitest';
import type { ChecklistSpec } from '../../src/lib/clientPlaybook.ts';
import { deadlines } from '../../src/lib/clocks.ts';
import { composeMessage, type GeneratorTemplate } from '../../src/lib/composeMessage.ts';
import {
	addActionItem,
	addNote,
	logDeadline,
	logEscalation,
	logMessage,
	removeActionItem,
	setSeverity,
	setStatus,
	tickItem,
	updateActionItem,
	updateIncident,
	updatePostMortem,
} from '../../src/lib/incidents.ts';
import { mergeState } from '../../src/lib/merge.ts';
import { incidentValues, sourceValue } from '../../src/lib/messageValues.ts';
import {
	actionItemProblems,
	actionItemRows,
	postMortemHome,
	reachedPhases,
	severityRows,
	skippedSteps,
	timelineRows,
	DOCUMENT_ROWS,
} from '../../src/lib/postMortem.ts';
import { peakSeverity, severityPeriods } from '../../src/lib/severityPeriods.ts';
import type { Incident, State } from '../../src/lib/state.ts';
import { min, T0, withIncident } from '../support/incidents.ts';
import { contentChecklists, contentPlaybook, contentTemplate } from '../support/playbookContent.ts';

const playbook = contentPlaybook();
const RESOLVED = { id: 'resolved', label: 'Resolved', closes: true };

/** A phase list with one step, opening this many minutes after detection (or after resolution). */
function phase(id: string, order: number, title: string, group: string, opensAfter: number | 'resolution', step: string): ChecklistSpec {
	const page = `Phase ${order}: ${title}`;
	return {
		key: `phase/${id}/group`,
		label: `${page} — ${group}`,
		page,
		href: `/process/${id}/`,
		steps: [{ id: 'step', text: step }],
		opensAfter,
	};
}

/** A few lists shaped like the playbook's: phase groups and scenario lists. */
const checklists: ChecklistSpec[] = [
	{
		key: 'phase/detection-triage/assess-severity',
		label: 'Phase 1: Detection & Triage — Assess Severity',
		page: 'Phase 1: Detection & Triage',
		href: '/process/detection-triage/',
		steps: [
			{ id: 'determine-p0-p1-p2-p3', text: 'Determine P0/P1/P2/P3' },
			{ id: 'check-impact-scope', text: 'Check impact scope' },
		],
		opensAfter: 0,
	},
	phase('investigation', 2, 'Investigation', 'Gather Information', 5, 'Check logs'),
	phase('mitigation', 3, 'Mitigation', 'Immediate Actions', 50, 'Roll back'),
	phase('resolution', 4, 'Resolution', 'Permanent Fix', 120, 'Deploy the fix'),
	phase('post-mortem', 5, 'Post-Mortem', 'Incident Review', 'resolution', 'Write post-mortem'),
	{
		key: 'scenario/service-down/symptoms',
		label: 'Service Down: Symptoms',
		page: 'Service Down',
		href: '/scenarios/service-down/',
		steps: [{ id: 'health-check-returns-503', text: 'Health check returns 503' }],
	},
	{
		key: 'scenario/service-down/response',
		label: 'Service Down: Response',
		page: 'Service Down',
		href: '/scenarios/service-down/',
		steps: [
			{ id: 'check-redis-connectivity', text: 'Check Redis connectivity' },
			{ id: 'rollback', text: 'Rollback immediately', lead: 'If deployment-related:' },
		],
	},
	{
		key: 'scenario/database-issues/response',
		label: 'Database Issues: Response',
		page: 'Database Issues',
		href: '/scenarios/database-issues/',
		steps: [{ id: 'check-database-status', text: 'Check database status' }],
	},
	{
		key: 'scenario/high-error-rate/response',
		label: 'High Error Rate: Response',
		page: 'High Error Rate',
		href: '/scenarios/high-error-rate/',
		steps: [
			{ id: 'check-error-tracking', text: 'Check error tracking' },
			{ id: 'identify-error-pattern', text: 'Identify error pattern' },
		],
	},
];

/** A post-mortem's values from the incident, as the post-mortem page reads them. */
const documentValues = (template: Pick<GeneratorTemplate, 'fields'>, incident: Incident, now: number) =>
	incidentValues(template.fields, { incident, playbook, checklists, kind: 'document', now, rows: DOCUMENT_ROWS });
const listOf = (key: string) => checklists.find((c) => key.startsWith(`${c.key}/`))?.label ?? 'list';
const tick = (state: State, id: string, key: string, done: boolean, at: number) =>
	tickItem(state, id, key, { text: key.split('/').at(-1) ?? key, list: listOf(key) }, done, at);

/** A short incident: declared P1, raised to P0 for a quarter of an hour, back to P1, resolved after 44 minutes. */
function simulated(): { state: State; id: string; incident: Incident } {
	let { state, id } = withIncident({ severity: 'P1' });
	state = setSeverity(state, id, 'P0', T0 + min(5));
	state = tick(state, id, 'phase/detection-triage/assess-severity/check-impact-scope', true, T0 + min(6));
	state = addNote(state, id, 'Redis *primary* down | failing over', T0 + min(7));
	state = tick(state, id, 'scenario/high-error-rate/response/check-error-tracking', true, T0 + min(8));
	state = tick(state, id, 'scenario/service-down/response/check-redis-connectivity', true, T0 + min(9));
	state = tick(state, id, 'scenario/service-down/response/check-redis-connectivity', false, T0 + min(10));
	state = setSeverity(state, id, 'P1', T0 + min(20));
	state = logMessage(state, id, 'Copied Status Update (Slack)', T0 + min(21));
	state = setStatus(state, id, RESOLVED, T0 + min(40));
	state = updatePostMortem(
		state,
		id,
		{
			rootCause: 'Redis ran out of memory',
			resolution: 'Failed over and raised maxmemory',
			usersAffected: '1,200',
			dataImpact: 'None',
			lessons: 'Alert on memory\nbefore eviction',
		},
		T0 + min(60),
	);
	let added = addActionItem(state, id, { item: 'Alert at 80% Redis memory', owner: '@alice', due: '2026-12-03' }, T0 + min(61));
	added = addActionItem(added.state, id, { item: 'Load-test failover' }, T0 + min(62));
	state = added.state;
	return { state, id, incident: state.incidents[0]! };
}

describe('time at each severity', () => {
	it('splits the incident at each severity change, from detection to resolution', () => {
		const { incident } = simulated();
		expect(severityPeriods(incident, T0 + min(90))).toEqual([
			{ severity: 'P1', from: T0 - min(4), to: T0 + min(5) },
			{ severity: 'P0', from: T0 + min(5), to: T0 + min(20) },
			{ severity: 'P1', from: T0 + min(20), to: T0 + min(40) },
		]);
		expect(severityRows(incident, playbook.severities, T0 + min(90))).toEqual([
			{ severity: 'P1 High', from: '03:10 UTC', to: '03:19 UTC', duration: '9 min' },
			{ severity: 'P0 Critical', from: '03:19 UTC', to: '03:34 UTC', duration: '15 min' },
			{ severity: 'P1 High', from: '03:34 UTC', to: '03:54 UTC', duration: '20 min' },
		]);
	});
	it('reports the most severe level reached, whatever the level at the end, and says it is the highest', () => {
		const { incident } = simulated();
		expect([incident.severity, peakSeverity(incident, playbook.severities, T0 + min(90))]).toEqual(['P1', 'P0']);
		const value = (i: Incident, kind: 'document' | 'message') =>
			sourceValue('severity', { incident: i, playbook, checklists: [], kind, now: T0 + min(90) });
		// Read beside the level the incident ends at, the peak is named as such; a message tells the level now.
		expect(value(incident, 'document')).toBe('P0 Critical (the highest reached; P1 High at the end)');
		expect(value(incident, 'message')).toBe('P1 High');
		// One level throughout: the level alone.
		expect(value(withIncident().state.incidents[0]!, 'document')).toBe('P0 Critical');
	});
	it('counts an open incident up to now, and one never changed as one period', () => {
		const { state, id } = withIncident();
		expect(severityPeriods(state.incidents[0]!, T0 + min(30))).toEqual([{ severity: 'P0', from: T0 - min(4), to: T0 + min(30) }]);
		const raised = setSeverity(state, id, 'P1', T0 + min(10)).incidents[0]!;
		expect(severityPeriods(raised, T0 + min(30)).map((p) => p.severity)).toEqual(['P0', 'P1']);
	});
	it('ignores a change logged after resolution, and joins stretches at the same level', () => {
		let { state, id } = withIncident();
		state = setStatus(state, id, RESOLVED, T0 + min(20));
		state = setSeverity(state, id, 'P2', T0 + min(25));
		expect(severityPeriods(state.incidents[0]!, T0 + min(30))).toEqual([{ severity: 'P0', from: T0 - min(4), to: T0 + min(20) }]);
	});
	it('gives times that add up to the duration as shown, rounding each end rather than each period down', () => {
		const sec = (n: number) => n * 1000;
		const shown = (periods: number[]) => {
			let { state, id } = withIncident({ detectedAt: T0, severity: 'P1' });
			let at = T0;
			periods.slice(0, -1).forEach((length, index) => {
				at += length;
				state = setSeverity(state, id, index % 2 === 0 ? 'P0' : 'P1', at);
			});
			state = setStatus(state, id, RESOLVED, at + periods.at(-1)!);
			const incident = state.incidents[0]!;
			const duration = String(sourceValue('duration', { incident, playbook, checklists, kind: 'document', now: at + min(90) }));
			return { rows: severityRows(incident, playbook.severities, at + min(90)).map((r) => r['duration']), duration };
		};
		const total = (rows: (string | undefined)[]) =>
			rows.reduce(
				(sum, row) => sum + (Number(/(\d+) min/.exec(row ?? '')?.[1] ?? 0) + 60 * Number(/(\d+) h/.exec(row ?? '')?.[1] ?? 0)),
				0,
			);
		// 1 min 50 s at P1, then 1 min 50 s at P0: 3 min 40 s in all.
		expect(shown([sec(110), sec(110)])).toEqual({ rows: ['1 min', '2 min'], duration: '3 min' });
		for (const periods of [
			[sec(80), sec(80), sec(80)],
			[sec(100), sec(50), min(61) + sec(40)],
			[min(12) + sec(40), min(12) + sec(40)],
			[sec(20), min(30)],
		]) {
			const { rows, duration } = shown(periods);
			expect(total(rows), `${rows.join(' + ')} = ${duration}`).toBe(total([duration]));
		}
		// A stretch within one minute shows its seconds, which add no minute to the total.
		expect(shown([sec(20), min(30)])).toEqual({ rows: ['20 s', '30 min'], duration: '30 min' });
		// Under a minute in all, in seconds.
		expect(shown([sec(20), sec(25)])).toEqual({ rows: ['20 s', '25 s'], duration: '45 s' });
	});
	it('gives durations a reader finds by subtracting the times shown, whatever their seconds', () => {
		const sec = (n: number) => n * 1000;
		// Detected 02:14:03, raised to P1 at 03:15:30, resolved 03:34:00.
		let { state, id } = withIncident({ detectedAt: T0 - min(60) + sec(3), severity: 'P0' });
		state = setSeverity(state, id, 'P1', T0 + min(1) + sec(30));
		state = setStatus(state, id, RESOLVED, T0 + min(20));
		const incident = state.incidents[0]!;
		const now = T0 + min(90);
		expect(severityRows(incident, playbook.severities, now)).toEqual([
			{ severity: 'P0 Critical', from: '02:14 UTC', to: '03:15 UTC', duration: '1 h 1 min' },
			{ severity: 'P1 High', from: '03:15 UTC', to: '03:34 UTC', duration: '19 min' },
		]);
		expect(
			['detectedAt', 'resolvedAt', 'duration'].map((s) =>
				sourceValue(s as 'duration', { incident, playbook, checklists, kind: 'document', now }),
			),
		).toEqual(['2026-11-26 02:14 UTC', '2026-11-26 03:34 UTC', '1 h 20 min']);
	});
	it('writes dates as well when the incident spans midnight UTC', () => {
		const { state } = withIncident({ detectedAt: T0 - min(4 * 60) });
		expect(severityRows(state.incidents[0]!, playbook.severities, T0 + min(5))[0]).toEqual({
			severity: 'P0 Critical',
			from: '2026-11-25 23:14 UTC',
			to: '2026-11-26 03:19 UTC',
			duration: '4 h 5 min',
		});
	});
});

describe('the timeline table', () => {
	it('lists what happened, oldest first: ticks summed up per list, messages as sent, no bookkeeping', () => {
		expect(timelineRows(simulated().incident, T0 + min(90))).toEqual([
			{ time: '03:10 UTC', event: 'Incident detected' },
			{ time: '03:14 UTC', event: 'Incident declared: P1, API returns 503' },
			{ time: '03:19 UTC', event: 'Severity P1 → P0' },
			{ time: '03:20 UTC', event: 'Phase 1: Detection & Triage — Assess Severity: 1 step done' },
			{ time: '03:21 UTC', event: 'Redis *primary* down | failing over' },
			// Its runbook worked, the scenario is the incident's (incidents.ts), from the first step done.
			{ time: '03:22 UTC', event: 'Scenario added: high-error-rate' },
			{ time: '03:22 UTC', event: 'High Error Rate: Response: 1 step done' },
			{ time: '03:34 UTC', event: 'Severity P0 → P1' },
			{ time: '03:35 UTC', event: 'Message copied to post: Status Update (Slack)' },
			{ time: '03:54 UTC', event: 'Resolved' },
		]);
	});

	it('sums up many ticks of one list in one row, from the first to the last', () => {
		let { state, id } = withIncident({ detectedAt: T0 });
		state = tick(state, id, 'scenario/high-error-rate/response/check-error-tracking', true, T0 + min(2));
		state = tick(state, id, 'scenario/high-error-rate/response/identify-error-pattern', true, T0 + min(9));
		expect(timelineRows(state.incidents[0]!, T0 + min(10)).map((r) => r['event'])).toEqual([
			'Incident detected',
			'Incident declared: P0, API returns 503',
			'Scenario added: high-error-rate',
			'High Error Rate: Response: 2 steps done (until 03:23 UTC)',
		]);
	});

	it('says when a scenario was added, which is when the rungs it brings began to count', () => {
		let { state, id } = withIncident({ detectedAt: T0, scenarios: [] });
		state = updateIncident(state, id, { scenarios: ['security-incident'] }, T0 + min(30));
		state = addNote(state, id, 'Renamed the channel', T0 + min(31));
		const events = timelineRows(state.incidents[0]!, T0 + min(40)).map((r) => r['event']);
		expect(events.filter((e) => /security-incident/.test(e ?? ''))).toEqual(['Scenario added: security-incident']);
		// Other edits of the details stay out, as before: bookkeeping, not what happened.
		state = updateIncident(state, id, { impact: 'Logins from an unknown country' }, T0 + min(35));
		expect(timelineRows(state.incidents[0]!, T0 + min(40))).toHaveLength(events.length);
	});

	it('shows a deadline at the moment it fell due, however late a page noticed it', () => {
		let { state, id } = withIncident({ detectedAt: T0 });
		state = addNote(state, id, 'Paging the database team', T0 + min(20));
		state = logDeadline(
			state,
			id,
			{ id: 'escalate', kind: 'escalate', label: 'Escalate', detail: 'P0: escalate if not resolved in 15 minutes', at: T0 + min(15) },
			T0 + min(47),
		);
		expect(timelineRows(state.incidents[0]!, T0 + min(50)).slice(-2)).toEqual([
			{ time: '03:29 UTC', event: 'Deadline reached: Escalate (P0: escalate if not resolved in 15 minutes)' },
			{ time: '03:34 UTC', event: 'Paging the database team' },
		]);
	});
});

describe('steps skipped', () => {
	it('lists the unticked steps of the phases reached and of the scenarios the incident is about or ticked in', () => {
		expect(skippedSteps(simulated().incident, checklists, [])).toEqual([
			{ list: 'Phase 1: Detection & Triage — Assess Severity', step: 'Determine P0/P1/P2/P3' },
			// 44 minutes from detection to resolution: the investigation had opened, the mitigation (50 min) had not;
			// the post-mortem, under way while it is written, never counts.
			{ list: 'Phase 2: Investigation — Gather Information', step: 'Check logs' },
			// Ticked, then unticked: skipped after all.
			{ list: 'Service Down: Response', step: 'Check Redis connectivity' },
			{ list: 'Service Down: Response', step: 'If deployment-related: Rollback immediately' },
			// Not one of the incident's scenarios, but a step of it was ticked.
			{ list: 'High Error Rate: Response', step: 'Identify error pattern' },
		]);
	});
	it('counts a phase as reached when a step of it or of a later phase was ticked', () => {
		let { state, id } = withIncident({ detectedAt: T0, scenarios: [] });
		state = tick(state, id, 'phase/mitigation/group/step', true, T0 + min(3));
		expect(reachedPhases(state.incidents[0]!, checklists)).toEqual(new Set(['detection-triage', 'investigation', 'mitigation']));
		expect(skippedSteps(state.incidents[0]!, checklists, []).map((r) => r['step'])).toEqual([
			'Determine P0/P1/P2/P3',
			'Check impact scope',
			'Check logs',
		]);
	});

	it('does not count as skipped a step done on another of its lists in the same words', () => {
		const deploys = (key: string, label: string, text: string): ChecklistSpec => ({
			key,
			label,
			page: label,
			href: '/',
			opensAfter: 0,
			steps: [
				{ id: 'deploys', text },
				{ id: 'other', text: 'Page the vendor' },
			],
		});
		const phaseList = deploys('phase/look/around', 'Look around', 'Check the  last deploys');
		const runbook = deploys('scenario/slow/response', 'Slow: Response', 'check the last deploys ');
		let { state, id } = withIncident({ detectedAt: T0, scenarios: ['slow'] });
		state = tickItem(
			state,
			id,
			'scenario/slow/response/deploys',
			{ text: 'check the last deploys ', list: 'Slow: Response' },
			true,
			T0 + min(2),
		);
		// The runbook's step was ticked: the phase's, in the same words but for spaces and case, was done too.
		expect(skippedSteps(state.incidents[0]!, [phaseList, runbook], []).map((r) => `${r['list']}: ${r['step']}`)).toEqual([
			'Look around: Page the vendor',
			'Slow: Response: Page the vendor',
		]);
		// Unticked again: both are skipped.
		state = tickItem(
			state,
			id,
			'scenario/slow/response/deploys',
			{ text: 'check the last deploys ', list: 'Slow: Response' },
			false,
			T0 + min(3),
		);
		expect(skippedSteps(state.incidents[0]!, [phaseList, runbook], [])).toHaveLength(4);
	});

	it('does not count as skipped a step the declaration did, when the incident records what it names', () => {
		const activate: ChecklistSpec = {
			key: 'phase/detection-triage/activate',
			label: 'Phase 1: Detection & Triage — Activate',
			page: 'Phase 1: Detection & Triage',
			href: '/process/detection-triage/',
			opensAfter: 0,
			steps: [
				{ id: 'level', text: 'Pick the level', doneByDeclaring: 'severity' },
				{ id: 'room', text: 'Open a room', doneByDeclaring: 'channel' },
				{ id: 'page', text: 'Page the rota', doneByDeclaring: 'onCall' },
				{ id: 'tell', text: 'Tell the stakeholders' },
			],
		};
		const named = withIncident({ detectedAt: T0, scenarios: [] }).state.incidents[0]!;
		expect(skippedSteps(named, [activate], []).map((r) => r['step'])).toEqual(['Tell the stakeholders']);
		// Nobody on call was named: paging them is not something the declaration did.
		const unnamed = withIncident({ detectedAt: T0, scenarios: [], onCall: '' }).state.incidents[0]!;
		expect(skippedSteps(unnamed, [activate], []).map((r) => r['step'])).toEqual(['Page the rota', 'Tell the stakeholders']);
	});

	it('does not count as skipped a step whose escalation rung the workspace records as done, by rung id not wording', () => {
		const ladder = [
			{ id: 'rota', level: 1, role: 'Rota' },
			{ id: 'lead', level: 2, role: 'Lead' },
			{ id: 'exec', level: 3, role: 'Exec', after: 60 },
		];
		const bring: ChecklistSpec = {
			key: 'phase/detection-triage/bring',
			label: 'Phase 1: Detection & Triage — Bring people in',
			page: 'Phase 1: Detection & Triage',
			href: '/process/detection-triage/',
			opensAfter: 0,
			steps: [
				// Worded unlike the rungs' roles: the link is the rung's id.
				{ id: 'ring', text: 'Ring whoever carries the pager', doneByEscalating: 'rota' },
				{ id: 'second', text: 'Get a second pair of eyes', doneByEscalating: 'lead' },
				{ id: 'brief', text: 'Brief the top', doneByEscalating: 'exec' },
			],
		};
		let { state, id } = withIncident({ detectedAt: T0, scenarios: [], onCall: '' });
		const level = playbook.severities.find((s) => s.id === 'P0')!;
		const rungsDone = (incident: Incident) =>
			deadlines(incident, level, ladder, T0 + min(30))
				.filter((d) => d.kind === 'rung' && d.state === 'done')
				.map((d) => d.id);
		// The first responder is brought in by declaring, as the workspace shows it.
		expect(rungsDone(state.incidents[0]!)).toEqual(['rung:rota']);
		expect(skippedSteps(state.incidents[0]!, [bring], ladder).map((r) => r['step'])).toEqual([
			'Get a second pair of eyes',
			'Brief the top',
		]);
		state = logEscalation(state, id, 'Escalated to Lead', 'rung:lead', T0 + min(20));
		expect(rungsDone(state.incidents[0]!)).toEqual(['rung:rota', 'rung:lead']);
		expect(skippedSteps(state.incidents[0]!, [bring], ladder).map((r) => r['step'])).toEqual(['Brief the top']);
		// A rung the playbook no longer has does not make its step done.
		expect(skippedSteps(state.incidents[0]!, [bring], []).map((r) => r['step'])).toEqual([
			'Ring whoever carries the pager',
			'Get a second pair of eyes',
			'Brief the top',
		]);
	});

	it('does not count as skipped the signs an incident is noticed by (a list marked `signs`), whatever its phase is called', () => {
		const notice: ChecklistSpec = {
			key: 'phase/first-look/how-we-heard',
			label: 'Phase 1: First look — How we heard',
			page: 'Phase 1: First look',
			href: '/process/first-look/',
			opensAfter: 0,
			signs: true,
			steps: [
				{ id: 'pager', text: 'The pager went off' },
				{ id: 'tweets', text: 'Customers wrote in' },
			],
		};
		const triage: ChecklistSpec = { ...notice, key: 'phase/first-look/triage', label: 'Phase 1: First look — Triage', signs: undefined };
		const incident = withIncident({ detectedAt: T0, scenarios: [] }).state.incidents[0]!;
		expect(skippedSteps(incident, [notice, triage], [])).toEqual([
			{ list: 'Phase 1: First look — Triage', step: 'The pager went off' },
			{ list: 'Phase 1: First look — Triage', step: 'Customers wrote in' },
		]);
	});

	it('lists a group of alternatives (`alternatives`) once, as the group, only when none of its options was ticked', () => {
		const fix: ChecklistSpec = {
			key: 'phase/first-look/fix',
			label: 'Phase 1: First look — Apply a fix',
			page: 'Phase 1: First look',
			href: '/process/first-look/',
			opensAfter: 0,
			alternatives: true,
			steps: [
				{ id: 'revert', text: 'Revert the last release', lead: 'If a release:' },
				{ id: 'grow', text: 'Add machines' },
				{ id: 'flag', text: 'Turn the flag off' },
			],
		};
		const watch: ChecklistSpec = { ...fix, key: 'phase/first-look/watch', label: 'Phase 1: First look — Watch', alternatives: undefined };
		let { state, id } = withIncident({ detectedAt: T0, scenarios: [] });
		expect(skippedSteps(state.incidents[0]!, [fix, watch], [])).toEqual([
			{ list: 'Phase 1: First look — Apply a fix', step: 'None of the options' },
			{ list: 'Phase 1: First look — Watch', step: 'If a release: Revert the last release' },
			{ list: 'Phase 1: First look — Watch', step: 'Add machines' },
			{ list: 'Phase 1: First look — Watch', step: 'Turn the flag off' },
		]);
		// One option done is enough: the others were not skipped, they were not needed.
		state = tick(state, id, 'phase/first-look/fix/flag', true, T0 + min(2));
		expect(skippedSteps(state.incidents[0]!, [fix, watch], []).map((r) => r['list'])).toEqual(Array(3).fill('Phase 1: First look — Watch'));
	});

	it("reads a scenario's mitigation as alternatives when the scenario says so: the fixture's High Error Rate", () => {
		const lists = contentChecklists();
		const mitigation = lists.find((l) => l.key === 'scenario/high-error-rate/mitigation')!;
		expect(mitigation.alternatives).toBe(true);
		// A scenario that does not say so keeps every step of its mitigation.
		expect(lists.find((l) => l.key === 'scenario/security-incident/mitigation')?.alternatives).toBeUndefined();
		const rows = (state: State) => skippedSteps(state.incidents[0]!, lists, []).filter((r) => r['list'] === mitigation.label);
		let { state, id } = withIncident({ detectedAt: T0, scenarios: ['high-error-rate'] });
		state = setStatus(state, id, RESOLVED, T0 + min(45));
		expect(rows(state)).toEqual([{ list: mitigation.label, step: 'None of the options' }]);
		state = tick(state, id, `${mitigation.key}/${mitigation.steps[0]!.id}`, true, T0 + min(40));
		expect(rows(state)).toEqual([]);
	});

	it("reads a phase's alternatives from the playbook: the fixture's Immediate Actions, one of which is enough", () => {
		const lists = contentChecklists();
		const immediate = lists.find((l) => l.key.endsWith('/immediate-actions'))!;
		const rows = (state: State) => skippedSteps(state.incidents[0]!, lists, []).filter((r) => r['list'] === immediate.label);
		let { state, id } = withIncident({ detectedAt: T0, scenarios: [] });
		state = setStatus(state, id, RESOLVED, T0 + min(45));
		expect(rows(state)).toEqual([{ list: immediate.label, step: 'None of the options' }]);
		state = tick(state, id, `${immediate.key}/${immediate.steps[1]!.id}`, true, T0 + min(40));
		expect(rows(state)).toEqual([]);
	});

	it('is empty when every step was ticked, and the post-mortem says so', () => {
		let { state, id } = withIncident({ detectedAt: T0, scenarios: [] });
		state = tick(state, id, 'phase/detection-triage/assess-severity/determine-p0-p1-p2-p3', true, T0 + min(1));
		state = tick(state, id, 'phase/detection-triage/assess-severity/check-impact-scope', true, T0 + min(2));
		const incident = state.incidents[0]!;
		expect(skippedSteps(incident, checklists, [])).toEqual([]);
		const template = contentTemplate('post-mortem');
		const values = documentValues(template, incident, T0 + min(5));
		expect(composeMessage(template, values, 'markdown', { drill: false })).toContain(
			"## Steps skipped\nNone: every step of the incident's checklists was ticked.\n",
		);
	});
});

describe('action items', () => {
	it('are added, changed and removed with a clock entry, so another tab merges them', () => {
		const { state, id } = simulated();
		const items = state.incidents[0]!.postMortem.actionItems;
		expect(items.map((a) => [a.item, a.owner, a.due, a.done])).toEqual([
			['Alert at 80% Redis memory', '@alice', '2026-12-03', false],
			['Load-test failover', '', '', false],
		]);
		const changed = updateActionItem(state, id, items[1]!.id, { owner: '@bob', due: '2026-12-10' }, T0 + min(70));
		const removed = removeActionItem(state, id, items[0]!.id, T0 + min(65));
		expect(changed.incidents[0]!.postMortem.actionItems[1]).toMatchObject({ owner: '@bob', due: '2026-12-10' });
		expect(removed.incidents[0]!.postMortem.actionItems.map((a) => a.item)).toEqual(['Load-test failover']);
		// When two tabs meet, the removal in one and the edit of another item in the other both hold.
		for (const merged of [mergeState(removed, changed), mergeState(changed, removed)]) {
			expect(merged.incidents[0]!.postMortem.actionItems.map((a) => [a.item, a.owner])).toEqual([['Load-test failover', '@bob']]);
		}
		expect(updateActionItem(state, id, 'no-such-item', { owner: 'x' }, T0)).toBe(state);
	});
	it('change nothing more when a change is applied twice or late: the page and the next page may both apply it', () => {
		const { state, id } = simulated();
		const added = addActionItem(state, id, { item: 'Canary stage' }, T0 + min(63), 'canary');
		expect(addActionItem(added.state, id, {}, T0 + min(63), 'canary').state).toBe(added.state);
		const edited = updateActionItem(added.state, id, 'canary', { item: 'Canary stage for the API', owner: '@bob' }, T0 + min(66));
		expect(updateActionItem(edited, id, 'canary', { item: 'Canary stage for the API', owner: '@bob' }, T0 + min(66))).toEqual(edited);
		// An older edit of the text, applied late, leaves the later text; its other field is still taken.
		const late = updateActionItem(edited, id, 'canary', { item: 'Canary', due: '2026-12-10' }, T0 + min(64));
		expect(late.incidents[0]!.postMortem.actionItems.at(-1)).toMatchObject({ item: 'Canary stage for the API', due: '2026-12-10' });
		const removed = removeActionItem(edited, id, 'canary', T0 + min(67));
		expect(removeActionItem(removed, id, 'canary', T0 + min(67))).toBe(removed);
		// Added again by a page applying what it held: not brought back.
		expect(addActionItem(removed, id, {}, T0 + min(63), 'canary').state).toBe(removed);
	});
	it('leave out empty rows, and name what each still lacks', () => {
		let { state, id } = simulated();
		state = addActionItem(state, id, {}, T0 + min(63)).state;
		const items = state.incidents[0]!.postMortem.actionItems;
		expect(actionItemRows(items)).toEqual([
			{ item: 'Alert at 80% Redis memory', owner: '@alice', due: '2026-12-03' },
			{ item: 'Load-test failover', owner: '', due: '' },
		]);
		expect(actionItemProblems(items)).toEqual(['Action item 2 is missing an owner and a due date.']);
		expect(actionItemProblems([{ ...items[0]!, item: '', due: '' }])).toEqual(['Action item 1 is missing a description and a due date.']);
	});
});

describe('the post-mortem document', () => {
	const template = contentTemplate('post-mortem');
	const summary = [
		'# Post-Mortem: API returns 503',
		'',
		'## Incident Summary',
		'- **Title:** API returns 503',
		'- **Severity:** P0 Critical (the highest reached; P1 High at the end)',
		'- **Duration:** 2026-11-26 03:10 UTC to 2026-11-26 03:54 UTC (44 min)',
		'- **Impact:** All users cannot log in',
		'',
		'### Time at each severity',
		'| Severity | From | To | Time |',
		'| --- | --- | --- | --- |',
		'| P1 High | 03:10 UTC | 03:19 UTC | 9 min |',
		'| P0 Critical | 03:19 UTC | 03:34 UTC | 15 min |',
		'| P1 High | 03:34 UTC | 03:54 UTC | 20 min |',
		'',
		'## Timeline',
		'| Time | Event |',
		'| --- | --- |',
		'| 03:10 UTC | Incident detected |',
		'| 03:14 UTC | Incident declared: P1, API returns 503 |',
		'| 03:19 UTC | Severity P1 → P0 |',
		'| 03:20 UTC | Phase 1: Detection \\& Triage — Assess Severity: 1 step done |',
		'| 03:21 UTC | Redis \\*primary\\* down \\| failing over |',
		'| 03:22 UTC | Scenario added: high-error-rate |',
		'| 03:22 UTC | High Error Rate: Response: 1 step done |',
		'| 03:34 UTC | Severity P0 → P1 |',
		'| 03:35 UTC | Message copied to post: Status Update (Slack) |',
		'| 03:54 UTC | Resolved |',
		'',
		'## Root Cause',
		'Redis ran out of memory',
		'',
		'## Impact',
		'All users cannot log in',
		'- Users affected: 1,200',
		'- Data impact: None',
		'',
		'## Resolution',
		'Failed over and raised maxmemory',
		'',
		'## Steps skipped',
		'- Phase 1: Detection \\& Triage — Assess Severity: Determine P0/P1/P2/P3',
		'- Phase 2: Investigation — Gather Information: Check logs',
		'- Service Down: Response: Check Redis connectivity',
		'- Service Down: Response: If deployment-related: Rollback immediately',
		'- High Error Rate: Response: Identify error pattern',
		'',
		'## Action Items',
		'- [ ] Alert at 80% Redis memory - Owner: @alice - Due: 2026-12-03',
		'- [ ] Load-test failover',
		'',
		'## Lessons Learned',
		'Alert on memory\\',
		'before eviction',
	].join('\n');
	it('is filled from the incident: summary, time per severity, timeline, skipped steps, action items', () => {
		const { incident } = simulated();
		const values = documentValues(template, incident, T0 + min(90));
		expect(composeMessage(template, values, 'markdown', { drill: false })).toBe(summary);
	});
	it('leaves no heading bare and pastes no [hint] when the responder wrote nothing yet', () => {
		const incident = withIncident({ impact: '', onCall: '', commander: '' }).state.incidents[0]!;
		const values = documentValues(template, incident, T0 + min(90));
		const text = composeMessage(template, values, 'markdown', { drill: false });
		// Every heading has something under it: text, or a heading of a lower level, before the next heading or the end.
		const lines = text.split('\n').filter((line) => line.trim());
		const level = (line = '') => /^(#+) /.exec(line)?.[1]?.length ?? 7;
		expect(lines.filter((line, i) => level(line) < 7 && level(lines[i + 1]) <= level(line))).toEqual([]);
		expect(text).not.toMatch(/\[(?![ xX]\])[^\]]+\](?!\()/);
	});
});

describe('where post-mortem edits are kept', () => {
	it('saves written text on the post-mortem, corrections on the incident, and leaves the record alone', () => {
		expect(postMortemHome('rootCause')).toEqual({ on: 'postMortem', key: 'rootCause' });
		expect(postMortemHome('impact')).toEqual({ on: 'incident', key: 'impact' });
		expect(postMortemHome('actionItems')).toEqual({ on: 'actionItems' });
		expect(
			['title', 'timeline', 'severityPeriods', 'skippedSteps', 'detectedAt', 'duration'].map((s) => postMortemHome(s as 'timeline').on),
		).toEqual(Array(6).fill('record'));
		expect([postMortemHome(undefined), postMortemHome('postMortemLink')]).toEqual([{ on: 'page' }, { on: 'page' }]);
	});
});
