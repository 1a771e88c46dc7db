/** The metrics page's downloads, loaded when one is asked for. */
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
