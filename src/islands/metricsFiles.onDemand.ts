/** The files the metrics page reads and writes: exported incidents added, and its downloads. Loaded when one is added or asked for. */
import { parseImport } from '../lib/incidentJson.ts';
import type { Incident } from '../lib/state.ts';
import { MAX_IMPORT_BYTES } from '../lib/limits.ts';
import type { Metrics } from '../lib/metrics.ts';
import { metricsCsv, metricsMarkdown } from '../lib/metricsExport.ts';
import type { MetricsTable } from '../lib/metricsTables.ts';
import { downloadText } from './copyText.ts';

/** The per-incident table as CSV, for a spreadsheet. */
export function downloadCsv(incidents: MetricsTable): void {
	downloadText('incident-metrics.csv', metricsCsv(incidents), 'text/csv');
}

/** Every table as a Markdown document, for a review. */
export function downloadMarkdown(metrics: Metrics, tables: readonly MetricsTable[], now: number): void {
	downloadText('incident-metrics.md', metricsMarkdown(metrics, tables, now));
}

/** Exported incident files read and checked: those that are incidents, and why each other one was refused. */
export async function readIncidentFiles(
	files: readonly File[],
): Promise<{ added: { name: string; incident: Incident }[]; refused: string[] }> {
	const added: { name: string; incident: Incident }[] = [];
	const refused: string[] = [];
	for (const file of files) {
		// An oversized file is refused on its size alone, before it is read.
		const result = file.size > MAX_IMPORT_BYTES ? parseImport('', file.size) : parseImport(await file.text(), file.size);
		if (result.ok) added.push({ name: file.name, incident: result.incident });
		else refused.push(`${file.name}: ${result.reason}`);
	}
	return { added, refused };
}
