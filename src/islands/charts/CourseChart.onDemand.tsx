import chartStyles from '../../styles/charts.css?url';
import type { ClientPlaybook } from '../../lib/clientPlaybook.ts';
import { incidentCourse, type IncidentCourse } from '../../lib/incidentCourse.ts';
import type { Incident } from '../../lib/state.ts';
import { formatSpan } from '../../lib/timeText.ts';
import { stampFor } from '../../lib/postMortem.ts';
import { shownDuration } from '../../lib/severityPeriods.ts';

interface Props {
	course: IncidentCourse;
	/** Prefix of element ids, unique on the page. */
	id: string;
}

const pct = (n: number) => `${(Math.min(1, Math.max(0, n)) * 100).toFixed(2)}%`;

/** A sentence that says what the chart shows, for those who cannot see it. */
export function courseSummary(course: IncidentCourse): string {
	const stamp = stampFor(course.start, course.end);
	const levels = course.bands.map((b) => `${b.label} for ${formatSpan(shownDuration(b.from, b.to))}`).join(', then ');
	const count = (kind: string, word: string) => {
		const n = course.marks.filter((m) => m.kind === kind).length;
		return `${n} ${word}${n === 1 ? '' : word.endsWith('s') ? 'es' : 's'}`;
	};
	const missed = course.deadlines.filter((d) => d.outcome === 'missed').map((d) => d.label);
	return [
		`From ${stamp(course.start)} to ${stamp(course.end)}: ${levels || 'no severity recorded'}.`,
		`${count('status', 'status change')}, ${count('message', 'message')}, ${count('escalation', 'escalation')}.`,
		missed.length > 0 ? `Deadlines missed: ${missed.join(', ')}.` : `No deadline missed.`,
	].join(' ');
}

/**
 * The incident's course as a picture: a band per severity stretch, then a row each for status
 * changes, messages, escalations and deadlines (a filled dot met, a hollow square missed). The
 * picture scales to any width (positions are percentages); the same facts are in the table below it.
 */
export function CourseChart({ course, id }: Props) {
	const span = Math.max(1, course.end - course.start);
	const x = (at: number) => pct((at - course.start) / span);
	const stamp = stampFor(course.start, course.end);
	const rows = [
		{ name: 'Status', marks: course.marks.filter((m) => m.kind === 'declared' || m.kind === 'status') },
		{ name: 'Messages', marks: course.marks.filter((m) => m.kind === 'message') },
		{ name: 'Escalations', marks: course.marks.filter((m) => m.kind === 'escalation') },
	];
	const table = [
		...course.bands.map((b) => ({ at: b.from, what: `${b.label} until ${stamp(b.to)}`, row: 'Severity' })),
		...rows.flatMap((r) => r.marks.map((m) => ({ at: m.at, what: m.label, row: r.name }))),
		...course.deadlines.map((d) => ({ at: d.at, what: `${d.label}: ${d.outcome}`, row: 'Deadline' })),
	].sort((a, b) => a.at - b.at);
	return (
		<figure class="course-chart">
			<div class="course-plot" role="img" aria-labelledby={`${id}-summary`}>
				<div class="course-row">
					<span class="course-label">Severity</span>
					<svg class="course-svg" aria-hidden="true" focusable="false">
						{course.bands.map((b) => (
							<g key={b.from} class={`sev-${b.tone ?? 'note'}`}>
								<rect class="course-band" x={x(b.from)} y="2" width={pct((b.to - b.from) / span)} height="20" />
								{(b.to - b.from) / span > 0.12 && (
									<svg x={x(b.from)} overflow="visible">
										<text class="course-band-label" x="4" y="16">
											{b.severity}
										</text>
									</svg>
								)}
							</g>
						))}
					</svg>
				</div>
				{rows.map((r) => (
					<div class="course-row" key={r.name}>
						<span class="course-label">{r.name}</span>
						<svg class="course-svg" aria-hidden="true" focusable="false">
							<line class="course-rule" x1="0" x2="100%" y1="12" y2="12" />
							{r.marks.map((m) => (
								<circle key={`${m.at}-${m.label}`} class={`course-mark course-${m.kind}`} cx={x(m.at)} cy="12" r="5">
									<title>{`${stamp(m.at)} ${m.label}`}</title>
								</circle>
							))}
						</svg>
					</div>
				))}
				<div class="course-row">
					<span class="course-label">Deadlines</span>
					<svg class="course-svg" aria-hidden="true" focusable="false">
						<line class="course-rule" x1="0" x2="100%" y1="12" y2="12" />
						{course.deadlines.map((d) => (
							<svg key={d.id} x={x(d.at)} overflow="visible">
								{d.outcome === 'met' ? (
									<circle class="course-met" cx="0" cy="12" r="5" />
								) : (
									<rect class={`course-${d.outcome}`} x="-5" y="7" width="10" height="10" />
								)}
							</svg>
						))}
					</svg>
				</div>
				<div class="course-axis" aria-hidden="true">
					<span>{stamp(course.start)}</span>
					<span>{formatSpan(shownDuration(course.start, course.end))}</span>
					<span>{stamp(course.end)}</span>
				</div>
			</div>
			<figcaption id={`${id}-summary`}>{courseSummary(course)}</figcaption>
			<details class="chart-data">
				<summary>The chart as a table</summary>
				<table>
					<thead>
						<tr>
							<th scope="col">Time</th>
							<th scope="col">Row</th>
							<th scope="col">What</th>
						</tr>
					</thead>
					<tbody>
						{table.map((r, i) => (
							<tr key={i}>
								<td>{stamp(r.at)}</td>
								<td>{r.row}</td>
								<td>{r.what}</td>
							</tr>
						))}
					</tbody>
				</table>
			</details>
		</figure>
	);
}

// The chart's styles come with its code, so pages pay for them only when a chart is drawn.
if (typeof document !== 'undefined' && !document.querySelector('link[data-chart-styles]')) {
	const link = Object.assign(document.createElement('link'), { rel: 'stylesheet', href: chartStyles });
	link.dataset['chartStyles'] = '';
	document.head.append(link);
}

/** The chart of one incident's course at `now`, as the workspace and the post-mortem load it. */
export function IncidentCourseChart({
	incident,
	playbook,
	now,
	id,
}: {
	incident: Incident;
	playbook: Pick<ClientPlaybook, 'severities' | 'escalation'>;
	now: number;
	id: string;
}) {
	return <CourseChart id={id} course={incidentCourse(incident, playbook.severities, playbook.escalation, now)} />;
}
