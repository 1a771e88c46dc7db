/** The metrics as files to keep or paste: CSV for a spreadsheet, Markdown for a review document. */
import { formatUtcDateTime } from './clocks.ts';
import type { GroupFigures, IncidentFigures, Metrics, Share } from './metrics.ts';

/** Milliseconds as minutes with at most one decimal, as the tables show them ("" when unknown). */
export function minutes(ms: number | undefined): string {
	return ms === undefined ? '' : String(Math.round(ms / 6_000) / 10);
}

/** "3/4" or "" when nothing is known. */
export function shareText(share: Share): string {
	return share.known === 0 ? '' : `${share.met}/${share.known}`;
}

const yesNo = (v: boolean | undefined) => (v === undefined ? '' : v ? 'met' : 'missed');

/** The columns of the per-incident table, shared by the page, the CSV and the Markdown. */
export function incidentColumns(levels: readonly string[]): { label: string; value: (row: IncidentFigures) => string }[] {
	return [
		{ label: 'Incident', value: (r) => r.id },
		{ label: 'Title', value: (r) => r.title },
		{ label: 'Severity', value: (r) => r.severity },
		{ label: 'Detected', value: (r) => formatUtcDateTime(r.detectedAt) },
		{ label: 'To declare (min)', value: (r) => minutes(r.toDeclare) },
		{ label: 'To first message (min)', value: (r) => minutes(r.toFirstMessage) },
		{ label: 'To mitigate (min)', value: (r) => minutes(r.toMitigate) },
		{ label: 'To resolve (min)', value: (r) => minutes(r.toResolve) },
		...levels.map((id) => ({ label: `At ${id} (min)`, value: (r: IncidentFigures) => minutes(r.atLevel[id]) })),
		{ label: 'Response target', value: (r) => yesNo(r.responseMet) },
		{ label: 'Resolved before escalation', value: (r) => yesNo(r.resolvedInTime) },
		{ label: 'Updates on time', value: (r) => (r.updates.due === 0 ? '' : `${r.updates.due - r.updates.late}/${r.updates.due}`) },
	];
}

/** The columns of a by-severity or by-month table. */
export function groupColumns(first: string): { label: string; value: (row: GroupFigures) => string }[] {
	return [
		{ label: first, value: (g) => g.key },
		{ label: 'Incidents', value: (g) => String(g.incidents) },
		{ label: 'Median to declare (min)', value: (g) => minutes(g.toDeclare) },
		{ label: 'Median to first message (min)', value: (g) => minutes(g.toFirstMessage) },
		{ label: 'Median to mitigate (min)', value: (g) => minutes(g.toMitigate) },
		{ label: 'Median to resolve (min)', value: (g) => minutes(g.toResolve) },
		...(first === 'Severity' ? [{ label: 'Time at level (min)', value: (g: GroupFigures) => minutes(g.atLevel) }] : []),
		{ label: 'Response target met', value: (g) => shareText(g.response) },
		{ label: 'Resolved before escalation', value: (g) => shareText(g.resolvedInTime) },
		{ label: 'Updates on time', value: (g) => shareText(g.updates) },
	];
}

/** The severity ids that appear in the per-incident columns, in the order of the by-severity table. */
export function levelsOf(metrics: Metrics): string[] {
	return metrics.bySeverity.map((g) => g.key);
}

const csvCell = (text: string) => (/[",\n\r]/.test(text) || /^[=+\-@]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);

/** One row per incident, as CSV (RFC 4180, CRLF line ends). */
export function metricsCsv(metrics: Metrics): string {
	const columns = incidentColumns(levelsOf(metrics));
	const lines = [columns.map((c) => csvCell(c.label)), ...metrics.incidents.map((row) => columns.map((c) => csvCell(c.value(row))))];
	return `${lines.map((cells) => cells.join(',')).join('\r\n')}\r\n`;
}

const mdCell = (text: string) => text.replaceAll('\\', '\\\\').replaceAll('|', '\\|').replaceAll('\n', ' ') || '–';

function table<T>(columns: { label: string; value: (row: T) => string }[], rows: readonly T[]): string {
	return [
		`| ${columns.map((c) => mdCell(c.label)).join(' | ')} |`,
		`| ${columns.map(() => '---').join(' | ')} |`,
		...rows.map((row) => `| ${columns.map((c) => mdCell(c.value(row))).join(' | ')} |`),
	].join('\n');
}

/** The metrics as a Markdown document: by severity, by month, then every incident. */
export function metricsMarkdown(metrics: Metrics, now: number): string {
	const drills = metrics.drillsLeftOut > 0 ? ` ${metrics.drillsLeftOut} drill${metrics.drillsLeftOut === 1 ? '' : 's'} left out.` : '';
	return [
		'# Incident metrics',
		'',
		`${metrics.incidents.length} incident${metrics.incidents.length === 1 ? '' : 's'}, computed ${formatUtcDateTime(now)}. ` +
			`Times are minutes from detection.${drills}`,
		'',
		'## By severity',
		'',
		table(groupColumns('Severity'), metrics.bySeverity),
		'',
		'## By month',
		'',
		table(groupColumns('Month'), metrics.byMonth),
		'',
		'## Incidents',
		'',
		table(incidentColumns(levelsOf(metrics)), metrics.incidents),
		'',
	].join('\n');
}
