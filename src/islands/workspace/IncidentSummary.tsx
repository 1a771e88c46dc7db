import { urls } from '../../lib/urls.ts';
import type { ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { severityById, type ClientPlaybook } from '../../lib/clientPlaybook.ts';
import { formatClock } from '../../lib/clocks.ts';
import { shownDuration } from '../../lib/severityPeriods.ts';
import { formatSpan, formatUtcDateTime } from '../../lib/timeText.ts';
import type { IncidentFields } from '../../lib/incidents.ts';
import type { Incident } from '../../lib/state.ts';
import type { Status } from '../../schemas/site.ts';
import { SeverityBadge } from '../SeverityBadge.tsx';
import { useScenarios } from '../useScenarios.ts';
import type { DetailsForm as DetailsFormType } from './DetailsForm.onDemand.tsx';

interface Props {
	incident: Incident;
	playbook: ClientPlaybook;
	elapsed: number;
	onSeverity: (id: string) => void;
	onStatus: (id: string) => void;
	onEdit: (patch: Partial<IncidentFields>) => void;
	/** What to do next (the next message), shown right under the status, within reach on a phone. */
	children?: ComponentChildren;
}

/** The incident at a glance: severity, status, elapsed time and details, each changeable. */
export function IncidentSummary({ incident, playbook, elapsed, onSeverity, onStatus, onEdit, children }: Props) {
	// The form is fetched on the first "Edit details": the button stays, marked busy, until it is in.
	// A status that closes the incident (resolved) stops its clocks, and one that reopens it starts them and the incident
	// bar again: each asks once before it does.
	const [confirming, setConfirming] = useState<Status | undefined>(undefined);
	const resolved = incident.resolvedAt !== undefined;
	const current = playbook.statuses.find((s) => s.id === incident.status);
	// Asked only while it still says what the tap would do: resolved or reopened meanwhile (another tab), it goes.
	const asking = confirming && confirming.closes !== resolved && confirming.id !== incident.status ? confirming : undefined;
	// Gone for good: it does not come back should the incident be resolved or reopened again.
	useEffect(() => {
		if (confirming && !asking) setConfirming(undefined);
	}, [confirming, asking]);
	// The focus goes to the way that changes nothing, so an Enter pressed twice does not do what was asked about.
	const keepButton = useRef<HTMLButtonElement>(null);
	useLayoutEffect(() => keepButton.current?.focus(), [asking?.id]);
	const statusButtons = useRef<HTMLDivElement>(null);
	// Put away: the focus goes back to the status pressed.
	const keep = (status: Status) => {
		setConfirming(undefined);
		statusButtons.current?.querySelector<HTMLElement>(`[data-status="${CSS.escape(status.id)}"]`)?.focus();
	};
	const [editing, setEditing] = useState<typeof DetailsFormType | 'loading' | undefined>(undefined);
	const edit = () => {
		if (editing) return;
		setEditing('loading');
		void import('./DetailsForm.onDemand.tsx').then(
			(m) => setEditing(() => m.DetailsForm),
			() => setEditing(undefined),
		);
	};
	const { scenarios } = useScenarios(playbook);
	const severity = severityById(playbook.severities, incident.severity);
	const Form = typeof editing === 'function' ? editing : undefined;
	// Saved or cancelled, the focus goes back to "Edit details", not to the page's start.
	const editButton = useRef<HTMLButtonElement>(null);
	const wasEditing = useRef(false);
	useLayoutEffect(() => {
		if (wasEditing.current && !Form) editButton.current?.focus();
		wasEditing.current = !!Form;
	}, [Form]);

	return (
		<section class="incident-summary" aria-labelledby="incident-title" data-incident={incident.id}>
			<h2 id="incident-title" tabIndex={-1}>
				{incident.drill && <span class="drill-badge">DRILL</span>}{' '}
				{severity ? <SeverityBadge severity={severity} named /> : incident.severity} {incident.title}
			</h2>
			{/* A level the playbook lacks (from another playbook, or from before the levels were renamed): said first, as it
			    leaves the incident with no deadline or cadence, and the severity list (SeverityChange) shows it as it is. */}
			{!severity && (
				<p id="severity-unknown" class="workspace-warning">
					“{incident.severity}” is not a level of this playbook: pick the incident's level under Severity for its deadlines and messages.
				</p>
			)}
			<p class="elapsed">
				<span class="elapsed-label">{incident.resolvedAt === undefined ? 'Since detection' : 'Lasted'}</span>{' '}
				<span class="elapsed-clock" data-elapsed>
					{/* Ended, as its messages and post-mortem say it: by the times they show (13:05 to 14:09, 1 h 4 min). */}
					{incident.resolvedAt === undefined ? formatClock(elapsed) : formatSpan(shownDuration(incident.detectedAt, incident.resolvedAt))}
				</span>
			</p>
			<div class="status-buttons" role="group" aria-label="Status" ref={statusButtons}>
				{playbook.statuses.map((s) => (
					<button
						key={s.id}
						data-status={s.id}
						type="button"
						aria-pressed={incident.status === s.id}
						class={incident.status === s.id ? 'primary' : ''}
						onClick={() => ((s.closes || resolved) && incident.status !== s.id ? setConfirming(s) : onStatus(s.id))}
					>
						{s.label}
					</button>
				))}
			</div>
			{asking && (
				<div
					class="status-confirm"
					role="group"
					aria-labelledby="status-confirm-text"
					onKeyDown={(e) => e.key === 'Escape' && keep(asking)}
				>
					<p id="status-confirm-text">
						{asking.label}:{' '}
						{asking.closes ? 'this stops the clocks and ends the incident.' : 'this reopens the incident and starts its clocks again.'}
					</p>
					<button
						type="button"
						class="primary"
						onClick={() => {
							keep(asking);
							onStatus(asking.id);
						}}
					>
						{asking.closes ? 'Mark' : 'Reopen as'} {asking.label.toLowerCase()}
					</button>{' '}
					<button type="button" ref={keepButton} onClick={() => keep(asking)}>
						{asking.closes ? 'Not yet' : `Keep it ${current?.label.toLowerCase() ?? 'closed'}`}
					</button>
				</div>
			)}
			{children}
			<SeverityChange incident={incident} playbook={playbook} onSeverity={onSeverity} />
			{Form ? (
				<Form
					incident={incident}
					playbook={playbook}
					onSave={(patch) => {
						onEdit(patch);
						setEditing(undefined);
					}}
					onCancel={() => setEditing(undefined)}
				/>
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
					<button ref={editButton} type="button" onClick={edit} aria-busy={editing === 'loading'}>
						Edit details
					</button>
				</>
			)}
		</section>
	);
}

/** Keys that move a closed list's choice, each firing a change in most desktop browsers. */
const LOOKING_KEYS = new Set(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Home', 'End', 'PageUp', 'PageDown']);

/**
 * The severity list. A level picked with the pointer or a phone's picker applies at once; one reached
 * with the arrow keys only once confirmed with Enter, so looking through the levels (or an arrow
 * pressed by mistake while tabbing through) does not change the incident, its deadlines and its
 * timeline. Escape, or leaving the list, keeps the level.
 */
function SeverityChange({ incident, playbook, onSeverity }: Pick<Props, 'incident' | 'playbook' | 'onSeverity'>) {
	const [looking, setLooking] = useState<string | undefined>(undefined);
	const byKeys = useRef(false);
	const shown = looking ?? incident.severity;
	const apply = () => {
		if (looking !== undefined && looking !== incident.severity) onSeverity(looking);
		setLooking(undefined);
	};
	const onKeyDown = (event: KeyboardEvent) => {
		if (event.key === 'Enter') {
			event.preventDefault();
			apply();
		} else if (event.key === 'Escape' && looking !== undefined) {
			event.preventDefault();
			setLooking(undefined);
		} else byKeys.current = LOOKING_KEYS.has(event.key) || event.key.length === 1;
	};
	const onChange = (event: Event) => {
		const picked = (event.currentTarget as HTMLSelectElement).value;
		if (byKeys.current) setLooking(picked);
		else if (picked !== incident.severity) onSeverity(picked);
	};
	const level = looking === undefined ? undefined : severityById(playbook.severities, looking);
	// A level the playbook lacks (an incident imported from another playbook, kept from before the levels were renamed):
	// shown as it is, not as the first level, with no deadline or cadence until one of the playbook's is picked.
	const unknown = !severityById(playbook.severities, incident.severity);
	return (
		<div class="severity-change">
			<label for="severity-select">Severity</label>
			<select
				id="severity-select"
				value={shown}
				aria-describedby={level ? 'severity-confirm' : unknown ? 'severity-unknown' : undefined}
				onKeyDown={onKeyDown}
				onPointerDown={() => (byKeys.current = false)}
				onChange={onChange}
				onBlur={() => setLooking(undefined)}
			>
				{unknown && (
					<option value={incident.severity} disabled>
						{incident.severity}
					</option>
				)}
				{playbook.severities.map((s) => (
					<option key={s.id} value={s.id}>
						{s.id} {s.name}
					</option>
				))}
			</select>
			<p id="severity-confirm" class="hint" role="status">
				{level && `Enter changes the severity to ${level.id} ${level.name}; Escape keeps ${incident.severity}.`}
			</p>
		</div>
	);
}
