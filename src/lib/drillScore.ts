/**
 * A drill scored against the playbook itself: its own response targets, update cadence,
 * escalation path and runbook, applied to what the players did. Pure: the incident record, the
 * drill's script and the playbook in, points and the reason for each out.
 */
import type { EscalationStep } from '../schemas/escalation.ts';
import type { DrillData } from '../schemas/drill.ts';
import { itemKey, severityById, type ChecklistSpec } from './clientPlaybook.ts';
import { DUE_WINDOW_MS, firstResponseAt } from './clocks.ts';
import { formatSpan } from './timeText.ts';
import { conditionHolds, escalationPlan } from './escalationLadder.ts';
import { formatMinutes } from './format.ts';
import type { MetricsLevel } from './metrics.ts';
import { updateCadence } from './updateCadence.ts';
import { severityPeriods } from './severityPeriods.ts';
import type { Incident } from './state.ts';

const MINUTE = 60_000;

/** The parts of a drill's script the score reads (durations in minutes). */
export type DrillScript = Pick<DrillData, 'title' | 'scenario' | 'severity' | 'injects'>;

/** One thing the score checks. */
export interface ScoreItem {
	id: 'declare' | 'severity' | 'response' | 'first-message' | 'updates' | 'escalations' | 'runbook' | 'post-mortem';
	label: string;
	points: number;
	max: number;
	met: boolean;
	/** Why, in one sentence, with the figures. */
	reason: string;
}

/** The score of a drill. */
export interface DrillScore {
	items: ScoreItem[];
	points: number;
	max: number;
	/** When the drill started (its opening alert) and when the score was taken (resolution, or now). */
	startedAt: number;
	endedAt: number;
	/** How long the drill had run when the score was taken, as the score words it ("12 min"). */
	ranFor: string;
}

/** When an inject falls due. */
export function injectAt(startedAt: number, inject: { after: number }): number {
	return startedAt + inject.after * MINUTE;
}

/** The injects that have fallen due by `now`, in order. */
export function dueInjects<T extends { after: number }>(injects: readonly T[], startedAt: number, now: number): T[] {
	return [...injects].sort((a, b) => a.after - b.after).filter((i) => injectAt(startedAt, i) <= now);
}

/** The level the script implies at a time: the opening severity, raised by each inject due by then. */
export function impliedSeverity(
	script: Pick<DrillScript, 'severity' | 'injects'>,
	severities: readonly Pick<MetricsLevel, 'id' | 'rank'>[],
	startedAt: number,
	at: number,
): string {
	const rank = (id: string) => severityById(severities, id)?.rank ?? Number.POSITIVE_INFINITY;
	return dueInjects(script.injects, startedAt, at).reduce(
		(level, inject) => (inject.severity && rank(inject.severity) < rank(level) ? inject.severity : level),
		script.severity,
	);
}

const proportional = (max: number, done: number, total: number) => (total === 0 ? max : Math.round((max * done) / total));
const span = (ms: number) => formatSpan(Math.max(0, ms));

/** Score a drill: the incident that played it, its script, and the playbook's levels, escalation path and checklists. */
export function scoreDrill(
	incident: Incident,
	script: DrillScript,
	playbook: { severities: readonly MetricsLevel[]; escalation: readonly EscalationStep[]; checklists: readonly ChecklistSpec[] },
	now: number,
): DrillScore {
	const { severities } = playbook;
	const startedAt = incident.exercise?.startedAt ?? incident.detectedAt;
	const endedAt = Math.max(startedAt, incident.resolvedAt ?? now);
	const expected = severityById(severities, script.severity);
	const rank = (id: string) => severityById(severities, id)?.rank ?? Number.POSITIVE_INFINITY;
	const items: ScoreItem[] = [];
	const item = (id: ScoreItem['id'], label: string, max: number, points: number, met: boolean, reason: string) =>
		items.push({ id, label, max, points, met, reason });

	// Time to declare: within the response target of the level the alert implies.
	const toDeclare = incident.declaredAt - startedAt;
	const declareTarget = (expected?.responseTime ?? 0) * MINUTE;
	const declaredInTime = toDeclare <= declareTarget;
	item(
		'declare',
		'Time to declare',
		10,
		declaredInTime ? 10 : 0,
		declaredInTime,
		`Declared ${span(toDeclare)} after the alert; the target at ${script.severity} is ${formatMinutes(expected?.responseTime ?? 0)}.`,
	);

	// Severity: the declared level, and every level an inject implies reached within its response time.
	const declared = incident.events.find((e) => e.kind === 'declared')?.value ?? incident.severity;
	const periods = severityPeriods(incident, now);
	// Each more severe level an inject implies, judged once its response time has passed.
	const raises = [...script.injects]
		.sort((x, y) => x.after - y.after)
		.map((inject) => ({ inject, level: impliedSeverity(script, severities, startedAt, injectAt(startedAt, inject)) }))
		.filter(
			(r, index, all) =>
				r.inject.severity !== undefined && rank(r.level) < rank(script.severity) && index === all.findIndex((o) => o.level === r.level),
		)
		.map((r) => ({ ...r, by: injectAt(startedAt, r.inject) + (severityById(severities, r.level)?.responseTime ?? 0) * MINUTE }))
		.map((r) => ({ ...r, raised: periods.some((p) => rank(p.severity) <= rank(r.level) && p.from <= r.by) }))
		.filter((r) => r.raised || r.by <= endedAt);
	const lateRaises = raises.filter((r) => !r.raised);
	const severityMet = declared === script.severity && lateRaises.length === 0;
	const severityReasons = [
		declared === script.severity
			? `Declared at ${declared}, as the alert implies.`
			: `Declared at ${declared}; the alert implies ${script.severity} (${rank(declared) < rank(script.severity) ? 'too high' : 'too low'}).`,
		...raises.map(({ inject, level, raised }) =>
			raised
				? `Raised to ${level} in time after "${inject.text}".`
				: `"${inject.text}" (minute ${inject.after}) implies ${level}: ` +
					`not raised within ${formatMinutes(severityById(severities, level)?.responseTime ?? 0)}.`,
		),
	];
	item(
		'severity',
		'Severity',
		15,
		(declared === script.severity ? 10 : 0) + (lateRaises.length === 0 ? 5 : 0),
		severityMet,
		severityReasons.join(' '),
	);

	// Response target: someone working on it within the response time of the implied level.
	const responded = firstResponseAt(incident);
	const responseBy = startedAt + declareTarget;
	const responseMet = responded !== undefined && responded <= responseBy;
	item(
		'response',
		'Response target',
		10,
		responseMet ? 10 : 0,
		responseMet,
		responded === undefined
			? 'Nobody ticked a step, changed the status, noted or sent anything after declaring.'
			: `First response ${span(responded - startedAt)} after the alert; target ${formatMinutes(expected?.responseTime ?? 0)}.`,
	);

	// First status message: within one update interval of the declaration (the workspace's own clock).
	const levelAt = (at: number) => severityById(severities, impliedSeverity(script, severities, startedAt, at));
	const firstMessage = incident.events.find((e) => e.kind === 'message' && e.at >= incident.declaredAt)?.at;
	const firstDue = incident.declaredAt + (levelAt(incident.declaredAt)?.updateEvery ?? 0) * MINUTE;
	// Not due yet when the score is taken (the drill ended, or is scored while it runs, before it): nothing missed, as
	// for the updates below.
	const notDueYet = firstMessage === undefined && endedAt < firstDue;
	const firstMet = notDueYet || (firstMessage !== undefined && firstMessage <= firstDue);
	item(
		'first-message',
		'First status message',
		10,
		firstMet ? 10 : 0,
		firstMet,
		notDueYet
			? `Not due yet when the score was taken (due ${span(firstDue - incident.declaredAt)} after declaring).`
			: firstMessage === undefined
				? `No status message was sent (due ${span(firstDue - incident.declaredAt)} after declaring).`
				: `Sent ${span(firstMessage - incident.declaredAt)} after declaring; due within ${span(firstDue - incident.declaredAt)}.`,
	);

	// Updates on the cadence of the level the script implies at each moment.
	const cadence = updateCadence(incident, levelAt, endedAt);
	item(
		'updates',
		'Updates on cadence',
		15,
		proportional(15, cadence.due - cadence.late, cadence.due),
		cadence.late === 0,
		cadence.due === 0
			? 'No update fell due during the drill.'
			: `${cadence.due - cadence.late} of ${cadence.due} updates on time ` +
					`(every ${formatMinutes(levelAt(startedAt)?.updateEvery ?? 0)} at ${script.severity}).`,
	);

	// Escalations: each rung the implied level reaches, logged within the due window of its time.
	// The same plan the workspace's clocks follow (escalationPlan); a rung brought in by its condition
	// alone is due with the response.
	const peakLevel = severityById(severities, impliedSeverity(script, severities, startedAt, endedAt));
	const due = (peakLevel ? escalationPlan(playbook.escalation, peakLevel) : [])
		.filter(({ rung }) => conditionHolds(rung, [script.scenario]))
		.map(({ rung, after }) => ({ rung, at: after !== undefined ? startedAt + after * MINUTE : responseBy }))
		.filter(({ at }) => at <= endedAt);
	const escalatedAt = (id: string) => incident.events.find((e) => e.kind === 'escalation' && e.value === `rung:${id}`)?.at;
	const late = due.filter(({ rung, at }) => (escalatedAt(rung.id) ?? Number.POSITIVE_INFINITY) > at + DUE_WINDOW_MS);
	item(
		'escalations',
		'Escalations on time',
		15,
		proportional(15, due.length - late.length, due.length),
		late.length === 0,
		due.length === 0
			? 'No escalation fell due during the drill.'
			: late.length === 0
				? `All ${due.length} escalations on time.`
				: `Late or missing: ${late.map(({ rung }) => rung.role).join(', ')} (of ${due.length} due).`,
	);

	// Runbook: the scenario's response and mitigation steps ticked.
	const lists = playbook.checklists.filter(
		(c) => c.key === `scenario/${script.scenario}/response` || c.key === `scenario/${script.scenario}/mitigation`,
	);
	const keys = lists.flatMap((c) => c.steps.map((s) => itemKey(c.key, s.id)));
	const ticked = keys.filter((k) => incident.ticks[k]?.done).length;
	if (keys.length === 0)
		item(
			'runbook',
			'Runbook steps ticked',
			15,
			0,
			false,
			`The steps of the ${script.scenario} runbook are not known here (not loaded yet?).`,
		);
	else
		item(
			'runbook',
			'Runbook steps ticked',
			15,
			proportional(15, ticked, keys.length),
			ticked === keys.length,
			`${ticked} of ${keys.length} steps of the runbook ticked.`,
		);

	// Post-mortem started: anything written in it.
	const { actionItems, ...text } = incident.postMortem;
	const started = Object.values(text).some((v) => v.trim() !== '') || actionItems.length > 0;
	item(
		'post-mortem',
		'Post-mortem started',
		10,
		started ? 10 : 0,
		started,
		started ? 'The post-mortem has been started.' : 'Nothing written in the post-mortem yet.',
	);

	return {
		items,
		points: items.reduce((s, i) => s + i.points, 0),
		max: items.reduce((s, i) => s + i.max, 0),
		startedAt,
		endedAt,
		ranFor: span(endedAt - startedAt),
	};
}
