import { useState } from 'preact/hooks';
import type { ClientPlaybook } from '../lib/clientPlaybook.ts';
import { computeMetrics, uniqueIncidents, type GroupFigures, type MetricsIncident } from '../lib/metrics.ts';
import { metricsTables, minutes, type MetricsTable } from '../lib/metricsTables.ts';
import type { StateReader } from '../lib/pageShown.ts';
import { parseStored, shownIncidents, STATE_VERSION } from '../lib/storageRead.ts';
import { BarChart } from './charts/BarChart.tsx';
import { useNow } from './useNow.ts';
import { useStoredRead } from './useStoredRead.ts';

interface Props {
	playbook: ClientPlaybook;
}

/** A table that scrolls sideways on a narrow screen, reachable by keyboard. */
function Table({ caption, columns, rows, rowKey }: MetricsTable) {
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

/**
 * The incidents kept in this browser, read as every page reads the one it shows (storageRead.ts):
 * each field the figures use, of its type, without the store's schemas, as the page changes nothing.
 * Stored text of another version or shape is left to the store's full read, which migrates, sets
 * aside and tells.
 */
const keptIncidents: StateReader<readonly MetricsIncident[]> = {
	fromText(raw) {
		if (raw === null) return [];
		const parsed = parseStored(raw);
		return parsed?.version === STATE_VERSION ? shownIncidents(parsed.state) : undefined;
	},
	fromStore: (state) => state.incidents,
	empty: () => [],
};

/** The code that reads added files and makes the downloads, loaded when one is added or asked for. */
const fileCode = () => import('./metricsFiles.onDemand.ts');

const minutesText = (ms: number | undefined) => (ms === undefined ? '' : `${minutes(ms)} min`);

/**
 * Metrics across incidents: this browser's, and any exported incident files dropped on the page.
 * Files are read here and kept only while the page is open; nothing is uploaded or stored.
 */
export default function IncidentMetrics({ playbook }: Props) {
	const { value: kept, ready } = useStoredRead(keptIncidents);
	const now = useNow(60_000);
	const [files, setFiles] = useState<{ name: string; incident: MetricsIncident }[]>([]);
	const [problems, setProblems] = useState<string[]>([]);
	const [dragging, setDragging] = useState(false);
	const [includeBrowser, setIncludeBrowser] = useState(true);

	const read = async (list: FileList | null | undefined) => {
		if (!list || list.length === 0) return;
		const { added, refused } = await (await fileCode()).readIncidentFiles(Array.from(list));
		setFiles((current) => [...current, ...added]);
		setProblems(refused);
	};

	if (!ready) return <p>Loading the incidents kept in this browser…</p>;
	const incidents = uniqueIncidents(
		includeBrowser ? kept : [],
		files.map((f) => f.incident),
	);
	const metrics = computeMetrics(incidents, playbook.severities, playbook.statuses, now);
	// One bar per group (a severity, a month), with its value as text.
	const bars = (groups: readonly GroupFigures[], value: (g: GroupFigures) => number | undefined, text: (v: number) => string) =>
		groups.map((g) => {
			const v = value(g);
			return { label: g.key, value: v, text: v === undefined ? '' : text(v) };
		});
	const tables = metricsTables(metrics);
	const percent = (s: { met: number; known: number }) => (s.known === 0 ? undefined : Math.round((100 * s.met) / s.known));

	return (
		<div class="metrics pb-ui not-content">
			<section aria-labelledby="metrics-sources">
				<h2 id="metrics-sources">Incidents counted</h2>
				<label class="check-row">
					<input type="checkbox" checked={includeBrowser} onChange={(e) => setIncludeBrowser(e.currentTarget.checked)} /> This browser’s
					incidents ({kept.filter((i) => !i.drill).length})
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
								bars={bars(metrics.bySeverity, (g) => g.toResolve, minutesText)}
								tableNote="the table By severity"
							/>
							<BarChart
								title="Response target met, by severity"
								bars={bars(
									metrics.bySeverity,
									(g) => percent(g.response),
									(v) => `${v}%`,
								)}
								tableNote="the table By severity"
							/>
							<BarChart
								title="Incidents per month"
								bars={bars(metrics.byMonth, (g) => g.incidents, String)}
								tableNote="the table By month"
							/>
							<BarChart
								title="Median time to resolve, by month"
								bars={bars(metrics.byMonth, (g) => g.toResolve, minutesText)}
								tableNote="the table By month"
							/>
						</div>
					</section>
					<section aria-labelledby="metrics-tables">
						<h2 id="metrics-tables">Figures</h2>
						<div class="metrics-actions">
							<button type="button" onClick={() => void fileCode().then((d) => d.downloadCsv(tables.incidents))}>
								Download CSV
							</button>
							<button type="button" onClick={() => void fileCode().then((d) => d.downloadMarkdown(metrics, Object.values(tables), now))}>
								Download Markdown
							</button>
						</div>
						{Object.values(tables).map((table) => (
							<Table key={table.caption} {...table} />
						))}
					</section>
				</>
			)}
		</div>
	);
}
