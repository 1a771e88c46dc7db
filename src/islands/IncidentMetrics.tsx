import { useState } from 'preact/hooks';
import type { ClientPlaybook } from '../lib/clientPlaybook.ts';
import { MAX_IMPORT_BYTES, parseImport } from '../lib/incidentJson.ts';
import { computeMetrics, uniqueIncidents } from '../lib/metrics.ts';
import { groupColumns, incidentColumns, levelsOf, metricsCsv, metricsMarkdown, minutes } from '../lib/metricsExport.ts';
import type { Incident } from '../lib/state.ts';
import { BarChart } from './charts/BarChart.tsx';
import { downloadText } from './copyText.ts';
import { useNow } from './useNow.ts';
import { useStateRead } from './useStateRead.ts';

interface Props {
	playbook: ClientPlaybook;
}

interface Column<T> {
	label: string;
	value: (row: T) => string;
}

/** A table that scrolls sideways on a narrow screen, reachable by keyboard. */
function Table<T>({
	caption,
	columns,
	rows,
	rowKey,
}: {
	caption: string;
	columns: Column<T>[];
	rows: readonly T[];
	rowKey: (row: T) => string;
}) {
	return (
		<div class="table-scroll" role="region" aria-label={caption} tabIndex={0}>
			<table>
				<caption>{caption}</caption>
				<thead>
					<tr>
						{columns.map((c) => (
							<th scope="col" key={c.label}>
								{c.label}
							</th>
						))}
					</tr>
				</thead>
				<tbody>
					{rows.map((row) => (
						<tr key={rowKey(row)}>
							{columns.map((c) => (
								<td key={c.label}>{c.value(row) || '–'}</td>
							))}
						</tr>
					))}
				</tbody>
			</table>
		</div>
	);
}

const minutesText = (ms: number | undefined) => (ms === undefined ? '' : `${minutes(ms)} min`);

/**
 * Metrics across incidents: this browser's, and any exported incident files dropped on the page.
 * Files are read here and kept only while the page is open; nothing is uploaded or stored.
 */
export default function IncidentMetrics({ playbook }: Props) {
	const { state, ready } = useStateRead();
	const now = useNow(60_000);
	const [files, setFiles] = useState<{ name: string; incident: Incident }[]>([]);
	const [problems, setProblems] = useState<string[]>([]);
	const [dragging, setDragging] = useState(false);
	const [includeBrowser, setIncludeBrowser] = useState(true);

	const read = async (list: FileList | null | undefined) => {
		if (!list || list.length === 0) return;
		const added: { name: string; incident: Incident }[] = [];
		const refused: string[] = [];
		for (const file of Array.from(list)) {
			// Too big a file is refused before it is read.
			const result = file.size > MAX_IMPORT_BYTES ? parseImport('', file.size) : parseImport(await file.text(), file.size);
			if (result.ok) added.push({ name: file.name, incident: result.incident });
			else refused.push(`${file.name}: ${result.reason}`);
		}
		setFiles((current) => [...current, ...added]);
		setProblems(refused);
	};

	if (!ready) return <p>Loading the incidents kept in this browser…</p>;
	const incidents = uniqueIncidents(
		includeBrowser ? state.incidents : [],
		files.map((f) => f.incident),
	);
	const metrics = computeMetrics(incidents, playbook.severities, playbook.statuses, now);
	const severityBars = (value: (g: (typeof metrics.bySeverity)[number]) => number | undefined, text: (v: number) => string) =>
		metrics.bySeverity.map((g) => {
			const v = value(g);
			return { label: g.key, value: v, text: v === undefined ? '' : text(v) };
		});
	const monthBars = (value: (g: (typeof metrics.byMonth)[number]) => number | undefined, text: (v: number) => string) =>
		metrics.byMonth.map((g) => {
			const v = value(g);
			return { label: g.key, value: v, text: v === undefined ? '' : text(v) };
		});
	const percent = (s: { met: number; known: number }) => (s.known === 0 ? undefined : Math.round((100 * s.met) / s.known));

	return (
		<div class="metrics pb-ui not-content">
			<section aria-labelledby="metrics-sources">
				<h2 id="metrics-sources">Incidents counted</h2>
				<label class="check-row">
					<input type="checkbox" checked={includeBrowser} onChange={(e) => setIncludeBrowser(e.currentTarget.checked)} /> This browser’s
					incidents ({state.incidents.filter((i) => !i.drill).length})
				</label>
				<div
					class={`drop-zone${dragging ? ' dragging' : ''}`}
					onDragOver={(e) => {
						e.preventDefault();
						setDragging(true);
					}}
					onDragLeave={() => setDragging(false)}
					onDrop={(e) => {
						e.preventDefault();
						setDragging(false);
						void read(e.dataTransfer?.files);
					}}
				>
					<label for="metrics-files">Add exported incident files (.json), or drop them here</label>
					<input
						id="metrics-files"
						type="file"
						accept=".json,application/json"
						multiple
						onChange={(e) => void read(e.currentTarget.files)}
					/>
					<p class="hint">Files are read in this page only: nothing is uploaded or stored.</p>
				</div>
				{files.length > 0 && (
					<p role="status">
						{files.length} file{files.length === 1 ? '' : 's'} added: {files.map((f) => f.name).join(', ')}.{' '}
						<button type="button" onClick={() => setFiles([])}>
							Remove the files
						</button>
					</p>
				)}
				{problems.length > 0 && (
					<div class="problems" role="alert">
						<ul>
							{problems.map((p) => (
								<li key={p}>{p}</li>
							))}
						</ul>
					</div>
				)}
				<p class="metrics-count" role="status">
					{metrics.incidents.length} incident{metrics.incidents.length === 1 ? '' : 's'} counted.
					{metrics.drillsLeftOut > 0 &&
						` ${metrics.drillsLeftOut} drill${metrics.drillsLeftOut === 1 ? '' : 's'} left out: drills never count.`}{' '}
					Times are minutes from detection; open incidents count up to now.
				</p>
			</section>
			{metrics.incidents.length > 0 && (
				<>
					<section aria-labelledby="metrics-charts">
						<h2 id="metrics-charts">At a glance</h2>
						<div class="chart-grid">
							<BarChart
								title="Median time to resolve, by severity"
								bars={severityBars((g) => g.toResolve, minutesText)}
								tableNote="the table By severity"
							/>
							<BarChart
								title="Response target met, by severity"
								bars={severityBars(
									(g) => percent(g.response),
									(v) => `${v}%`,
								)}
								tableNote="the table By severity"
							/>
							<BarChart title="Incidents per month" bars={monthBars((g) => g.incidents, String)} tableNote="the table By month" />
							<BarChart
								title="Median time to resolve, by month"
								bars={monthBars((g) => g.toResolve, minutesText)}
								tableNote="the table By month"
							/>
						</div>
					</section>
					<section aria-labelledby="metrics-tables">
						<h2 id="metrics-tables">Figures</h2>
						<div class="metrics-actions">
							<button type="button" onClick={() => downloadText('incident-metrics.csv', metricsCsv(metrics), 'text/csv')}>
								Download CSV
							</button>
							<button type="button" onClick={() => downloadText('incident-metrics.md', metricsMarkdown(metrics, now))}>
								Download Markdown
							</button>
						</div>
						<Table caption="By severity" columns={groupColumns('Severity')} rows={metrics.bySeverity} rowKey={(g) => g.key} />
						<Table caption="By month" columns={groupColumns('Month')} rows={metrics.byMonth} rowKey={(g) => g.key} />
						<Table caption="Incidents" columns={incidentColumns(levelsOf(metrics))} rows={metrics.incidents} rowKey={(r) => r.id} />
					</section>
				</>
			)}
		</div>
	);
}
