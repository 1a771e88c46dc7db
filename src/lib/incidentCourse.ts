/**
 * An incident's course as a chart reads it: the stretches at each severity, the moments that
 * mattered (declaration, status changes, messages, escalations) and each deadline met or missed.
 * The workspace and post-mortem draw it as SVG; the post-mortem's Markdown carries it as Mermaid.
 */
import { deadlineName, listedDeadlines } from './listedDeadlines.ts';
import type { EscalationStep } from '../schemas/escalation.ts';
import { severityById, type ClientSeverity } from './clientPlaybook.ts';
import { deadlines, DUE_WINDOW_MS } from './clocks.ts';
import { formatUtcDateTime } from './timeText.ts';
import { incidentEnd, severityLabel, severityPeriods } from './severityPeriods.ts';
import type { EventKind, Incident } from './state.ts';

/** A stretch of time at one level. */
export interface CourseBand {
	severity: string;
	/** "P0 Critical". */
	label: string;
	tone: ClientSeverity['tone'] | undefined;
	from: number;
	to: number;
}

/** A moment on the course. */
export interface CourseMark {
	kind: Extract<EventKind, 'declared' | 'status' | 'message' | 'escalation'>;
	at: number;
	label: string;
}

/** A deadline of the playbook and how it went. */
export interface CourseDeadline {
	id: string;
	label: string;
	/** Where the chart marks it: when it was met, or when it fell (or falls) due while missed or open. */
	at: number;
	outcome: 'met' | 'missed' | 'open';
}

/** Everything a chart of the incident draws, times in epoch milliseconds. */
export interface IncidentCourse {
	title: string;
	start: number;
	end: number;
	bands: CourseBand[];
	marks: CourseMark[];
	deadlines: CourseDeadline[];
}

const MARKED: readonly CourseMark['kind'][] = ['declared', 'status', 'message', 'escalation'];

/** The course of an incident from detection to resolution (or now). */
export function incidentCourse(
	incident: Incident,
	severities: readonly Pick<ClientSeverity, 'id' | 'name' | 'tone' | 'responseTime' | 'escalateAfter' | 'updateEvery'>[],
	ladder: readonly EscalationStep[],
	now: number,
): IncidentCourse {
	const start = incident.detectedAt;
	const end = Math.max(start, incidentEnd(incident, now));
	const bands = severityPeriods(incident, now).map((p) => ({
		...p,
		label: severityLabel(severities, p.severity),
		tone: severityById(severities, p.severity)?.tone,
	}));
	const marks = incident.events
		.filter((e): e is typeof e & { kind: CourseMark['kind'] } => (MARKED as readonly string[]).includes(e.kind))
		// The site's own "fell due" reminders are not something anyone did.
		.filter((e) => !(e.kind === 'escalation' && e.value?.startsWith('due:')))
		.sort((a, b) => a.at - b.at)
		.map((e) => ({ kind: e.kind, at: e.at, label: e.kind === 'declared' ? `Declared ${e.value ?? ''}`.trim() : e.text }));
	const level = severityById(severities, incident.severity);
	// As the workspace lists them: the level's escalation and the rung it brings in then, one deadline.
	const list = level ? listedDeadlines(deadlines(incident, level, ladder, now, severities)) : [];
	const outcome = (d: (typeof list)[number]): CourseDeadline['outcome'] | undefined => {
		if (d.state === 'done') return d.doneAt === undefined || d.at === undefined || d.doneAt <= d.at + DUE_WINDOW_MS ? 'met' : 'missed';
		if (d.state === 'missed' || d.state === 'overdue') return 'missed';
		if (d.state === 'due' || d.state === 'upcoming') return 'open';
		return undefined;
	};
	const due = list.flatMap((d) => {
		const result = outcome(d);
		// The first responder is "done" at declaration by definition: no deadline to show.
		if (result === undefined || d.at === undefined || d.at === start) return [];
		// A target met is marked when it was met: its deadline may lie after the incident ended.
		return [{ id: d.id, label: deadlineName(d), at: result === 'met' && d.doneAt !== undefined ? d.doneAt : d.at, outcome: result }];
	});
	return { title: incident.title, start, end, bands, marks, deadlines: due };
}

/** Text that Mermaid reads as plain words in a task name (":" ends a name, ";" and "#" are syntax, "%%" starts a comment). */
export function mermaidText(text: string): string {
	return (
		text
			// A colon separates a task's name from its dates: times keep theirs as the look-alike ratio sign (U+2236).
			.replace(/(\d):(\d)/g, '$1\u2236$2')
			.replace(/[:;#{}[\]<>`"]/g, ' ')
			// A percentage keeps its sign ("5xx at 12%"): one is text, two begin a comment to the end of the line.
			.replace(/%+/g, '%')
			.replace(/\s+/g, ' ')
			.trim() || '-'
	);
}

/**
 * A time as the chart writes it: the UTC clock's reading, "2026-11-26 03:14:05". Mermaid shows a chart's
 * times in its reader's time zone; given the UTC reading as a local one, every reader sees UTC, as the
 * post-mortem's title and tables say.
 */
const chartTime = (at: number) => new Date(at).toISOString().slice(0, 19).replace('T', ' ');

/**
 * The course as a Mermaid Gantt chart (rendered by GitHub and GitLab): severity bars, then the
 * moments and deadlines as milestones, to the second, in UTC (chartTime).
 */
export function courseMermaid(course: IncidentCourse): string {
	const milestone = (label: string, at: number, tag = 'milestone') =>
		`    ${mermaidText(label)} :${tag}, ${chartTime(at)}, ${chartTime(at)}`;
	const sections = [
		[
			'Severity',
			course.bands.map(
				(b) =>
					`    ${mermaidText(b.label)} :${b.tone === 'danger' ? 'crit, ' : 'active, '}${chartTime(b.from)}, ${chartTime(Math.max(b.to, b.from + 1000))}`,
			),
		],
		['Status', course.marks.filter((m) => m.kind === 'declared' || m.kind === 'status').map((m) => milestone(m.label, m.at))],
		['Messages', course.marks.filter((m) => m.kind === 'message').map((m) => milestone(m.label, m.at))],
		['Escalations', course.marks.filter((m) => m.kind === 'escalation').map((m) => milestone(m.label, m.at))],
		[
			'Deadlines',
			course.deadlines.map((d) => milestone(`${d.label} ${d.outcome}`, d.at, d.outcome === 'missed' ? 'crit, milestone' : 'milestone')),
		],
	] as const;
	return [
		'```mermaid',
		'gantt',
		`    title ${mermaidText(course.title)} (from ${mermaidText(formatUtcDateTime(course.start))})`,
		'    dateFormat YYYY-MM-DD HH:mm:ss',
		'    axisFormat %H:%M',
		...sections.flatMap(([name, lines]) => (lines.length === 0 ? [] : [`    section ${name}`, ...lines])),
		'```',
	].join('\n');
}
