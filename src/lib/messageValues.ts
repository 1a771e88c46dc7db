/**
 * The values a template is filled with, read from the open incident: each field names the
 * incident source it comes from (`from` in the template), and the responder's edits win over it.
 */
import type { IncidentSource } from '../schemas/template.ts';
import { severityById, type ChecklistSpec, type ClientPlaybook } from './clientPlaybook.ts';
import { formatUtcTime } from './clocks.ts';
import { formatSpan, formatUtcDateTime } from './timeText.ts';
import type * as PostMortemLists from './postMortem.ts';
import { incidentEnd, peakSeverity, severityLabel, shownDuration } from './severityPeriods.ts';
import type { FieldValues, ListItem } from './renderMessage.ts';
import type { EventKind, Handover, Incident } from './state.ts';

/** What the values are read from. */
export interface ValueContext {
	incident: Incident;
	/** The levels and statuses; and the escalation path, for the steps skipped (a message lists none). */
	playbook: Pick<ClientPlaybook, 'severities' | 'statuses'> & Partial<Pick<ClientPlaybook, 'escalation'>>;
	/** Every checklist of the playbook, for the steps skipped. */
	checklists: readonly ChecklistSpec[];
	/** A chat message shows the latest events; a document the whole timeline. */
	kind: 'message' | 'document';
	now: number;
	/**
	 * The post-mortem's lists (postMortem.ts: `DOCUMENT_ROWS`), passed in rather than imported, so a page
	 * whose templates list none of them does not load them: the communication page loads them only for a
	 * template that lists one (`listsRows`). Without them those lists are empty.
	 */
	rows?: DocumentRows | undefined;
}

/** The post-mortem's lists of an incident: its whole timeline, its levels over time, the steps skipped, the action items. */
export type DocumentRows = Pick<typeof PostMortemLists, 'timelineRows' | 'severityRows' | 'skippedSteps' | 'actionItemRows'>;

/** Whether a template lists one of the post-mortem's lists (a message lists its latest events without them). */
export function listsRows(fields: readonly SourcedField[], kind: ValueContext['kind']): boolean {
	return fields.some(
		(f) =>
			f.from === 'severityPeriods' ||
			f.from === 'skippedSteps' ||
			f.from === 'actionItems' ||
			(f.from === 'timeline' && kind === 'document'),
	);
}

/** The parts of a template field that say where its value comes from. */
export interface SourcedField {
	name: string;
	from?: IncidentSource | undefined;
}

/** How many timeline events a status message lists. */
export const MESSAGE_EVENTS = 5;
/** Events worth telling stakeholders about: not ticks, edits or copies of earlier messages. */
const NEWSWORTHY: readonly EventKind[] = ['detected', 'declared', 'severity', 'status', 'note', 'escalation', 'handover'];

const MINUTE = 60_000;

/**
 * When the next status update is due if this message is sent now: the severity's update interval
 * after it. Copying the message logs it, so the incident clock then counts to the same time.
 */
export function nextUpdateAt(incident: Incident, updateEvery: number, now: number): number {
	const lastMessage = Math.max(incident.declaredAt, ...incident.events.filter((e) => e.kind === 'message').map((e) => e.at));
	return Math.max(now, lastMessage) + updateEvery * MINUTE;
}

/** The latest newsworthy events, oldest first, with the time of day (and the date when not today). */
export function latestEvents(incident: Incident, now: number, count = MESSAGE_EVENTS): ListItem[] {
	const today = new Date(now).toISOString().slice(0, 10);
	const stamp = (at: number) => (new Date(at).toISOString().startsWith(today) ? formatUtcTime(at) : formatUtcDateTime(at));
	return (
		incident.events
			// A deadline falling due ("due:…") is for responders; someone brought in ("rung:…") is news.
			.filter((e) => NEWSWORTHY.includes(e.kind) && !(e.kind === 'escalation' && e.value?.startsWith('due:')))
			.sort((a, b) => a.at - b.at)
			.slice(-count)
			.map((e) => ({ time: stamp(e.at), event: e.text }))
	);
}

/** The latest handover of command of an incident, if there was one. */
export function lastHandover(incident: Pick<Incident, 'events'>): Handover | undefined {
	return incident.events.findLast((e) => e.kind === 'handover' && e.handover)?.handover;
}

/** The value of one incident source. */
export function sourceValue(source: IncidentSource, context: ValueContext): string | ListItem[] {
	const { incident, playbook, now, rows } = context;
	const postMortem = incident.postMortem;
	switch (source) {
		case 'title':
		case 'impact':
		case 'channel':
		case 'onCall':
		case 'commander':
			return incident[source];
		case 'severity': {
			// A message tells the level now; the post-mortem the worst it got, named as such when it ended at another.
			const label = (id: string) => severityLabel(playbook.severities, id);
			const peak = context.kind === 'document' ? peakSeverity(incident, playbook.severities, now) : incident.severity;
			return peak === incident.severity ? label(peak) : `${label(peak)} (the highest reached; ${label(incident.severity)} at the end)`;
		}
		case 'status':
			return playbook.statuses.find((s) => s.id === incident.status)?.label ?? incident.status;
		case 'services':
			return incident.services.join(', ');
		case 'detectedAt':
			return formatUtcDateTime(incident.detectedAt);
		case 'resolvedAt':
			return incident.resolvedAt === undefined ? '' : formatUtcDateTime(incident.resolvedAt);
		case 'duration':
			return formatSpan(shownDuration(incident.detectedAt, incidentEnd(incident, now)));
		case 'nextUpdate': {
			const level = severityById(playbook.severities, incident.severity);
			return incident.resolvedAt === undefined && level ? formatUtcTime(nextUpdateAt(incident, level.updateEvery, now)) : '';
		}
		case 'timeline':
			return context.kind === 'message' ? latestEvents(incident, now) : (rows?.timelineRows(incident, now) ?? []);
		case 'severityPeriods':
			return rows?.severityRows(incident, playbook.severities, now) ?? [];
		case 'skippedSteps':
			return rows?.skippedSteps(incident, context.checklists, playbook.escalation ?? []) ?? [];
		case 'actionItems':
			return rows?.actionItemRows(postMortem.actionItems) ?? [];
		case 'rootCause':
		case 'resolution':
		case 'usersAffected':
		case 'revenueImpact':
		case 'dataImpact':
		case 'lessons':
			return postMortem[source];
		case 'handoverFrom':
		case 'handoverTo':
		case 'handoverDone':
		case 'handoverOpen':
		case 'handoverNext': {
			// Before any handover is recorded, the one handing over is the current commander.
			const handover = lastHandover(incident) ?? { from: incident.commander, to: '', done: '', open: '', next: '' };
			// handoverFrom reads `from`, handoverNext `next`, and so on.
			return handover[source.slice('handover'.length).toLowerCase() as keyof Handover];
		}
		case 'postMortemLink':
			// Where the post-mortem will live is not known to the site: the link the responder pasted, once.
			return incident.typed?.['postMortemLink'] ?? '';
	}
}

/** Where a value typed for a field with no incident source is kept on the incident: under its name. */
export const typedKey = (field: SourcedField) => field.from ?? field.name;

/**
 * The value of every field that names an incident source, and of every field typed in for an
 * earlier message of this incident; fields never typed in are left out.
 */
export function incidentValues(fields: readonly SourcedField[], context: ValueContext): FieldValues {
	const typed = context.incident.typed ?? {};
	return Object.fromEntries(
		fields.flatMap((f): [string, string | ListItem[]][] => {
			if (f.from) return [[f.name, sourceValue(f.from, context)]];
			const value = typed[typedKey(f)];
			return value === undefined ? [] : [[f.name, value]];
		}),
	);
}

/** The values to write with: the responder's edits over the incident's values. */
export function editedValues(fields: readonly SourcedField[], fromIncident: FieldValues, edits: FieldValues): FieldValues {
	return Object.fromEntries(fields.map((f) => [f.name, edits[f.name] ?? fromIncident[f.name]]));
}
