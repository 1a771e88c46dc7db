/**
 * What the post-mortem reads off the incident record: the time spent at each severity, the
 * timeline as table rows, the checklist steps nobody ticked, and the action items.
 */
import { itemKey, type ChecklistSpec, type ClientSeverity } from './clientPlaybook.ts';
import { formatUtcTime } from './clocks.ts';
import { formatSpan, formatUtcDateTime } from './timeText.ts';
import type { ListItem } from './renderMessage.ts';
import type { DocumentRows } from './messageValues.ts';
import type { Step } from '../schemas/step.ts';
import type { IncidentSource } from '../schemas/template.ts';
import type { IncidentFields } from './incidents.ts';
import { incidentEnd, severityLabel, severityPeriods, shownSpan } from './severityPeriods.ts';
import { holdsSteps, incidentChecklists, keyParts, touched } from './incidentChecklists.ts';
import type { ActionItem, EventKind, Incident, PostMortem, TimelineEvent } from './state.ts';
import type { EscalationStep } from '../schemas/escalation.ts';
import { rungDoneAt, scenarioAdded } from './escalationLadder.ts';

const MINUTE = 60_000;

/** A time stamp: the time of day when the whole span lies in one UTC day, the date as well otherwise. */
export function stampFor(from: number, to: number): (at: number) => string {
	const sameDay = new Date(from).toISOString().slice(0, 10) === new Date(to).toISOString().slice(0, 10);
	return sameDay ? formatUtcTime : formatUtcDateTime;
}

/**
 * The severity periods as rows of the post-mortem table. Each period's time runs between its ends
 * as shown (shownSpan: in whole minutes, or seconds when the whole incident is under a minute), so
 * it is what the times beside it say, and the rows add up to the duration as shown.
 */
export function severityRows(incident: Incident, severities: readonly Pick<ClientSeverity, 'id' | 'name'>[], now: number): ListItem[] {
	const start = incident.detectedAt;
	const end = incidentEnd(incident, now);
	const stamp = stampFor(start, end);
	const unit = end - start < MINUTE ? 1000 : MINUTE;
	return severityPeriods(incident, now).map((p) => {
		const span = shownSpan(p.from, p.to, unit);
		return {
			severity: severityLabel(severities, p.severity),
			from: stamp(p.from),
			to: stamp(p.to),
			// A stretch within one unit shows its own seconds, short of the unit it adds nothing to.
			duration: formatSpan(span || p.to - p.from),
		};
	});
}

/** Events that are bookkeeping rather than part of what happened; ticks are summarised per list instead. */
const NOT_IN_REPORT: readonly EventKind[] = ['tick', 'untick', 'reset', 'imported', 'edited'];

/** How an event reads in the report: a message as copied to post, a deadline as having fallen due. */
function reportText(e: TimelineEvent): string {
	if (e.kind === 'message') return `Message copied to post: ${e.text.replace(/^Copied\s+/i, '')}`;
	if (e.kind === 'escalation' && e.value?.startsWith('due:')) return e.text.replace(/^Due:\s*/, 'Deadline reached: ');
	return e.text;
}

/** One row per checklist with steps done: how many, and over which span of time. */
function tickSummaries(incident: Incident, stamp: (at: number) => string): { at: number; row: ListItem }[] {
	const byList = new Map<string, number[]>();
	for (const tick of Object.values(incident.ticks)) if (tick.done) byList.set(tick.list, [...(byList.get(tick.list) ?? []), tick.at]);
	return [...byList].map(([list, times]) => {
		const first = Math.min(...times);
		const last = Math.max(...times);
		const steps = `${times.length} ${times.length === 1 ? 'step' : 'steps'} done`;
		return { at: first, row: { time: stamp(first), event: `${list}: ${steps}${last > first ? ` (until ${stamp(last)})` : ''}` } };
	});
}

/** The incident's timeline as rows of the post-mortem table, oldest first: ticks summarised per list. */
export function timelineRows(incident: Incident, now: number): ListItem[] {
	const stamp = stampFor(incident.detectedAt, incidentEnd(incident, now));
	const events = incident.events
		// A scenario added after the declaration stays: the rungs it brings count from then (clocks.ts).
		.filter((e) => !NOT_IN_REPORT.includes(e.kind) || e.value?.startsWith(scenarioAdded('')))
		.map((e) => ({ at: e.at, row: { time: stamp(e.at), event: reportText(e) } }));
	return [...events, ...tickSummaries(incident, stamp)].sort((a, b) => a.at - b.at).map((e) => e.row);
}

/** How far the incident's record goes: its resolution, or the last thing logged while it is open. */
function recordEnd(incident: Pick<Incident, 'resolvedAt' | 'declaredAt' | 'events'>): number {
	return incident.resolvedAt ?? Math.max(incident.declaredAt, ...incident.events.map((e) => e.at));
}

/**
 * The phases (by page id) the incident reached: those whose window had opened by the end of its
 * record, and any phase a step of it or of a later phase was ticked in. Phases that run after
 * resolution (the post-mortem) are never among them: they are under way while the report is written.
 */
export function reachedPhases(
	incident: Pick<Incident, 'detectedAt' | 'resolvedAt' | 'declaredAt' | 'events' | 'ticks'>,
	checklists: readonly ChecklistSpec[],
): Set<string> {
	const phases = checklists.filter((spec) => keyParts(spec).area === 'phase' && spec.opensAfter !== 'resolution');
	const order = [...new Set(phases.map((spec) => keyParts(spec).page))];
	const elapsed = recordEnd(incident) - incident.detectedAt;
	const opensAt = (spec: ChecklistSpec) => (typeof spec.opensAfter === 'number' ? spec.opensAfter : 0) * MINUTE;
	const byTime = phases.filter((spec) => opensAt(spec) <= elapsed).map((spec) => order.indexOf(keyParts(spec).page));
	const byTicks = phases.filter((spec) => touched(spec, incident)).map((spec) => order.indexOf(keyParts(spec).page));
	const furthest = Math.max(-1, ...byTicks);
	return new Set(order.filter((_, index) => index <= furthest || byTime.includes(index)));
}

/**
 * Lists whose unticked steps count as skipped: the incident's scenario steps (not symptoms) and its
 * reached phases, but not a list of signs the incident is noticed by.
 */
function listsToReport<T extends ChecklistSpec>(incident: Incident, checklists: readonly T[]): T[] {
	const reached = reachedPhases(incident, checklists);
	return incidentChecklists(incident, checklists).filter((spec) => {
		const { area, page } = keyParts(spec);
		return holdsSteps(spec) && !spec.signs && (area !== 'phase' || reached.has(page));
	});
}

/** Did declaring the incident do this step: does the incident record what the step's `doneByDeclaring` names? */
export function doneByDeclaring(step: Step, incident: Pick<Incident, 'severity' | 'channel' | 'onCall' | 'commander'>): boolean {
	return step.doneByDeclaring !== undefined && incident[step.doneByDeclaring].trim() !== '';
}

/** Was this step done by bringing in its escalation rung: does the workspace show that rung done (see rungDoneAt)? */
export function doneByEscalating(step: Step, incident: Incident, ladder: readonly EscalationStep[]): boolean {
	return step.doneByEscalating !== undefined && rungDoneAt(incident, ladder, step.doneByEscalating) !== undefined;
}

/** A step's words as two lists that ask for the same thing compare them: spaces and case aside. */
const sameWords = (text: string) => text.replace(/\s/g, '').toLowerCase();

/**
 * The steps not ticked on the incident's scenario lists and the phases it reached, list by list in
 * playbook order; a step done another way is not skipped: by the declaration (choosing the level,
 * opening the channel), by the escalation rung it names, once the workspace shows that rung done, or
 * on another of its lists in the same words (a phase's "Check recent deployments" done on the runbook).
 * A list of alternatives (one is enough) is skipped only when none of its steps is done, in one row.
 */
export function skippedSteps(incident: Incident, checklists: readonly ChecklistSpec[], ladder: readonly EscalationStep[]): ListItem[] {
	const done = (key: string, step: Step) =>
		incident.ticks[itemKey(key, step.id)]?.done === true ||
		Object.values(incident.ticks).some((tick) => tick.done && sameWords(tick.text) === sameWords(step.text)) ||
		doneByDeclaring(step, incident) ||
		doneByEscalating(step, incident, ladder);
	return listsToReport(incident, checklists).flatMap((spec) => {
		const left = spec.steps.filter((step) => !done(spec.key, step));
		if (spec.alternatives) return left.length < spec.steps.length ? [] : [{ list: spec.label, step: 'None of the options' }];
		return left.map((step) => ({ list: spec.label, step: step.lead ? `${step.lead} ${step.text}` : step.text }));
	});
}

/** The action items as rows, leaving out rows with nothing typed in. */
export function actionItemRows(items: readonly ActionItem[]): ListItem[] {
	return items.filter((a) => a.item.trim() || a.owner.trim() || a.due.trim()).map(({ item, owner, due }) => ({ item, owner, due }));
}

/** Made on first use: making one reads the browser's locale data, which costs every page importing this module
 * a long task as it loads (about 150 ms on a phone), though few pages ever list what an action item misses. */
let and: Intl.ListFormat | undefined;

/** What is missing from the action items: each needs an owner and a due date to be acted on. */
export function actionItemProblems(items: readonly ActionItem[]): string[] {
	return actionItemRows(items).flatMap((row, index) => {
		const missing = [
			...(row['item']?.trim() ? [] : ['a description']),
			...(row['owner']?.trim() ? [] : ['an owner']),
			...(row['due']?.trim() ? [] : ['a due date']),
		];
		return missing.length > 0
			? [`Action item ${index + 1} is missing ${(and ??= new Intl.ListFormat('en', { type: 'conjunction' })).format(missing)}.`]
			: [];
	});
}

/** Post-mortem fields that are text the responder writes. */
const POST_MORTEM_TEXT = [
	'rootCause',
	'resolution',
	'usersAffected',
	'revenueImpact',
	'dataImpact',
	'lessons',
] as const satisfies readonly (keyof PostMortem)[];
/** Incident fields the post-mortem may correct (the title is renamed in the workspace, where it must never be empty). */
const INCIDENT_TEXT = ['impact', 'onCall', 'commander'] as const satisfies readonly (keyof IncidentFields)[];
const isIn = <T extends string>(list: readonly T[], value: string): value is T => (list as readonly string[]).includes(value);

/** Where an edit of a post-mortem field is kept. */
export type PostMortemHome =
	| { on: 'postMortem'; key: (typeof POST_MORTEM_TEXT)[number] }
	| { on: 'incident'; key: (typeof INCIDENT_TEXT)[number] }
	| { on: 'actionItems' }
	/** Read off the record (times, timeline, ticks): corrected in the workspace, not here. */
	| { on: 'record' }
	/** Not known to the incident (typed in, e.g. a link): kept on this page only. */
	| { on: 'page' };

/** Where an edit of a field filled from this source is saved. */
export function postMortemHome(source: IncidentSource | undefined): PostMortemHome {
	if (source === undefined || source === 'postMortemLink') return { on: 'page' };
	if (source === 'actionItems') return { on: 'actionItems' };
	if (isIn(POST_MORTEM_TEXT, source)) return { on: 'postMortem', key: source };
	if (isIn(INCIDENT_TEXT, source)) return { on: 'incident', key: source };
	return { on: 'record' };
}

/** The lists a template may draw from the incident, handed to its values (messageValues.ts). */
export const DOCUMENT_ROWS: DocumentRows = { timelineRows, severityRows, skippedSteps, actionItemRows };
