/**
 * The metrics as files to keep or paste: the page's tables (metricsTables.ts) as CSV for a
 * spreadsheet (the incidents) and as a Markdown review document (all of them).
 */
import { formatUtcDateTime } from './timeText.ts';
import type { Metrics } from './metrics.ts';
import type { MetricsTable } from './metricsTables.ts';

/**
 * A CSV cell. Text a spreadsheet would run as a formula (it starts with = + - @, a tab or a carriage
 * return: an incident title typed by anyone, or read from a file someone sent) gets a leading ' so it
 * is shown as text; quoting alone does not stop Excel from running it.
 */
const csvCell = (text: string) => {
	const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
	return /[",\n\r]/.test(safe) || safe !== text ? `"${safe.replaceAll('"', '""')}"` : safe;
};

/** A table as CSV (RFC 4180, CRLF line ends): a header row, then one row per row. */
export function metricsCsv(table: MetricsTable): string {
	const { columns, rows } = table;
	const lines = [columns.map((c) => csvCell(c.label)), ...rows.map((row) => columns.map((c) => csvCell(c.value(row))))];
	return `${lines.map((cells) => cells.join(',')).join('\r\n')}\r\n`;
}

const mdCell = (text: string) => text.replaceAll('\\', '\\\\').replaceAll('|', '\\|').replaceAll('\n', ' ') || '–';

function markdownTable({ columns, rows }: MetricsTable): string {
	return [
		`| ${columns.map((c) => mdCell(c.label)).join(' | ')} |`,
		`| ${columns.map(() => '---').join(' | ')} |`,
		...rows.map((row) => `| ${columns.map((c) => mdCell(c.value(row))).join(' | ')} |`),
	].join('\n');
}

/** The metrics as a Markdown document: the count, then each of the page's tables under its caption. */
export function metricsMarkdown(
	metrics: Pick<Metrics, 'incidents' | 'drillsLeftOut'>,
	tables: readonly MetricsTable[],
	now: number,
): string {
	const drills = metrics.drillsLeftOut > 0 ? ` ${metrics.drillsLeftOut} drill${metrics.drillsLeftOut === 1 ? '' : 's'} left out.` : '';
	return [
		'# Incident metrics',
		'',
		`${metrics.incidents.length} incident${metrics.incidents.length === 1 ? '' : 's'}, computed ${formatUtcDateTime(now)}. ` +
			`Times are minutes from detection.${drills}`,
		...tables.flatMap((table) => ['', `## ${table.caption}`, '', markdownTable(table)]),
		'',
	].join('\n');
}
