/** The metrics' tables, as the page shows them and its downloads hold them (metricsExport.ts). */
import { formatUtcDateTime } from './timeText.ts';
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

/** One table of figures: its caption, columns and rows. */
export interface MetricsTable<T = unknown> {
	caption: string;
	columns: { label: string; value: (row: T) => string }[];
	rows: readonly T[];
	rowKey: (row: T) => string;
}

const tableOf = <T>(table: MetricsTable<T>) => table as MetricsTable;

/** The page's tables, in its order (`Object.values`): by severity, by month, then every incident. */
export function metricsTables(metrics: Metrics): { bySeverity: MetricsTable; byMonth: MetricsTable; incidents: MetricsTable } {
	return {
		bySeverity: tableOf({ caption: 'By severity', columns: groupColumns('Severity'), rows: metrics.bySeverity, rowKey: (g) => g.key }),
		byMonth: tableOf({ caption: 'By month', columns: groupColumns('Month'), rows: metrics.byMonth, rowKey: (g) => g.key }),
		incidents: tableOf({ caption: 'Incidents', columns: incidentColumns(levelsOf(metrics)), rows: metrics.incidents, rowKey: (r) => r.id }),
	};
}
