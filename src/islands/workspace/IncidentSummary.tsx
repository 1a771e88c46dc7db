import { urls } from '../../lib/urls';
import { useState } from 'preact/hooks';
import { severityById, type ClientPlaybook } from '../../lib/clientPlaybook';
import { formatClock, formatUtcDateTime } from '../../lib/clocks';
import type { IncidentFields } from '../../lib/incidents';
import { detectionProblem, MAX_TITLE_LENGTH } from '../../lib/limits';
import type { Incident } from '../../lib/state';
import { SeverityBadge } from '../SeverityBadge';
import { scenarioStatusText, useScenarios } from '../useScenarios';
import { DetectedAtField, type Detection } from './DetectedAtField';

interface Props {
	incident: Incident;
	playbook: ClientPlaybook;
	elapsed: number;
	onSeverity: (id: string) => void;
	onStatus: (id: string) => void;
	onEdit: (patch: Partial<IncidentFields>) => void;
}

/** The incident at a glance: severity, status, elapsed time and details, each changeable. */
export function IncidentSummary({ incident, playbook, elapsed, onSeverity, onStatus, onEdit }: Props) {
	const [editing, setEditing] = useState(false);
	const [detection, setDetection] = useState<Detection>({ at: incident.detectedAt, touched: false });
	const [problem, setProblem] = useState('');
	const edit = (on: boolean) => {
		setDetection({ at: incident.detectedAt, touched: false });
		setProblem('');
		setEditing(on);
	};
	const { scenarios, status } = useScenarios(playbook);
	const severity = severityById(playbook.severities, incident.severity);
	const save = (e: Event) => {
		e.preventDefault();
		const form = new FormData(e.currentTarget as HTMLFormElement);
		const text = (name: string) => form.get(name)?.toString().trim() ?? '';
		// A detection time the responder did not touch is not sent at all: never rewritten.
		if (detection.touched) {
			const why = detectionProblem(detection.at, Date.now());
			if (why) return setProblem(why);
		}
		onEdit({
			title: text('title') || incident.title,
			impact: text('impact'),
			services: text('services')
				.split(',')
				.map((s) => s.trim())
				.filter(Boolean),
			onCall: text('onCall'),
			commander: text('commander'),
			// Until the scenario list is in, the form has no boxes for them: keep the incident's.
			scenarios: status === 'ready' ? form.getAll('scenario').map(String) : incident.scenarios,
			...(detection.touched ? { detectedAt: detection.at } : {}),
		});
		edit(false);
	};

	return (
		<section class="incident-summary" aria-labelledby="incident-title">
			<h2 id="incident-title">
				{incident.drill && <span class="drill-badge">DRILL</span>}{' '}
				{severity ? <SeverityBadge severity={severity} named /> : incident.severity} {incident.title}
			</h2>
			<p class="elapsed">
				<span class="elapsed-label">{incident.resolvedAt === undefined ? 'Since detection' : 'Lasted'}</span>{' '}
				<span class="elapsed-clock" data-elapsed>
					{formatClock(elapsed)}
				</span>
			</p>
			<div class="status-buttons" role="group" aria-label="Status">
				{playbook.statuses.map((s) => (
					<button
						key={s.id}
						type="button"
						aria-pressed={incident.status === s.id}
						class={incident.status === s.id ? 'primary' : ''}
						onClick={() => onStatus(s.id)}
					>
						{s.label}
					</button>
				))}
			</div>
			<div class="severity-change">
				<label for="severity-select">Severity</label>
				<select id="severity-select" value={incident.severity} onChange={(e) => onSeverity(e.currentTarget.value)}>
					{playbook.severities.map((s) => (
						<option key={s.id} value={s.id}>
							{s.id} {s.name}
						</option>
					))}
				</select>
			</div>
			{editing ? (
				<form class="details-form" onSubmit={save} aria-label="Edit incident details">
					<label>
						Title <input name="title" defaultValue={incident.title} maxLength={MAX_TITLE_LENGTH} />
					</label>
					<DetectedAtField id="edit-detected" label="Detected at (your local time)" initial={incident.detectedAt} onChange={setDetection} />
					{problem && (
						<p class="form-error" role="alert">
							{problem}
						</p>
					)}
					<label>
						Impact <textarea name="impact" rows={2} defaultValue={incident.impact} />
					</label>
					<label>
						Affected services <input name="services" defaultValue={incident.services.join(', ')} />
					</label>
					<label>
						On-call <input name="onCall" defaultValue={incident.onCall} />
					</label>
					<label>
						Commanding <input name="commander" defaultValue={incident.commander} />
					</label>
					<fieldset>
						<legend>Scenarios</legend>
						{status !== 'ready' && <p class="muted">{scenarioStatusText(status)}</p>}
						{scenarios.map((s) => (
							<label key={s.id} class="check">
								<input type="checkbox" name="scenario" value={s.id} defaultChecked={incident.scenarios.includes(s.id)} /> {s.title}
							</label>
						))}
					</fieldset>
					<p class="actions">
						<button type="submit" class="primary">
							Save details
						</button>
						<button type="button" onClick={() => edit(false)}>
							Cancel
						</button>
					</p>
				</form>
			) : (
				<>
					<dl class="facts">
						<dt>Detected</dt>
						<dd>{formatUtcDateTime(incident.detectedAt)}</dd>
						<dt>Declared</dt>
						<dd>{formatUtcDateTime(incident.declaredAt)}</dd>
						{incident.resolvedAt !== undefined && (
							<>
								<dt>Resolved</dt>
								<dd>{formatUtcDateTime(incident.resolvedAt)}</dd>
							</>
						)}
						<dt>Channel</dt>
						<dd>
							<code>{incident.channel}</code>
						</dd>
						<dt>Impact</dt>
						<dd>{incident.impact || <span class="muted">not stated yet</span>}</dd>
						<dt>Services</dt>
						<dd>{incident.services.join(', ') || <span class="muted">not stated</span>}</dd>
						<dt>On-call</dt>
						<dd>{incident.onCall || <span class="muted">not stated</span>}</dd>
						<dt>Commanding</dt>
						<dd>{incident.commander || <span class="muted">not stated</span>}</dd>
						<dt>Scenarios</dt>
						<dd>
							{incident.scenarios.length === 0 && <span class="muted">none chosen</span>}
							{incident.scenarios.map((id, i) => (
								<span key={id}>
									{i > 0 && ', '}
									<a href={urls.scenario(id)}>{scenarios.find((s) => s.id === id)?.title ?? id}</a>
								</span>
							))}
						</dd>
						{incident.alert && (
							<>
								<dt>Alert</dt>
								<dd>
									<code>{incident.alert}</code>
								</dd>
							</>
						)}
					</dl>
					<button type="button" onClick={() => edit(true)}>
						Edit details
					</button>
				</>
			)}
		</section>
	);
}
