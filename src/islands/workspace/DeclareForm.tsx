import { urls } from '../../lib/urls.ts';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ClientPlaybook } from '../../lib/clientPlaybook.ts';
import { rememberedDetails } from '../../lib/declareDefaults.ts';
import { attachScratch, declareIncident, setResponder } from '../../lib/incidents.ts';
import { detectionProblem, MAX_TITLE_LENGTH } from '../../lib/limits.ts';
import type { State } from '../../lib/state.ts';
import type { Store } from '../../lib/store.ts';
import { scenarioStatusText, useScenarios } from '../useScenarios.ts';
import { DetectedAtField, type Detection } from './DetectedAtField.tsx';

/** Values the form starts with (from the classifier, a runbook page or an alert link). */
export interface DeclarePrefill {
	severity?: string | undefined;
	scenarios?: string[] | undefined;
	services?: string[] | undefined;
	alert?: string | undefined;
	title?: string | undefined;
	impact?: string | undefined;
}

interface Props {
	playbook: ClientPlaybook;
	state: State;
	store: Store;
	prefill: DeclarePrefill;
	/** Called in the submit's own task (so it may still use the clipboard), with the new incident's id. */
	onDeclared: (id: string) => void;
	onCancel?: (() => void) | undefined;
	/** The submit button's words, e.g. "Declare and copy the message". */
	submitLabel?: string | undefined;
	/** Focus the title as the form opens (a form opened by a click, not one met on a page). */
	focusTitle?: boolean | undefined;
}

const list = (text: string) =>
	text
		.split(',')
		.map((s) => s.trim())
		.filter(Boolean);

/** Declare an incident: what it is, how bad, since when, who is on it. Never submits by itself. */
export function DeclareForm({
	playbook,
	state,
	store,
	prefill,
	onDeclared,
	onCancel,
	submitLabel = 'Declare incident',
	focusTitle = false,
}: Props) {
	// Untouched, the detection time is the moment the form opened, to the millisecond.
	const [opened] = useState(() => Date.now());
	const [detection, setDetection] = useState<Detection>({ at: opened, touched: false });
	const [error, setError] = useState('');
	// Controlled: Preact has no defaultValue for <select>.
	const [severity, setSeverityChoice] = useState(prefill.severity ?? '');
	const { scenarios, status } = useScenarios(playbook);
	const scratchCount = Object.values(state.scratch).filter((t) => t.done).length;
	const detectedAt = detection.at;
	// Who is on call and what is hit rarely change between two incidents: start from the last one.
	const [remembered] = useState(() => rememberedDetails(state));
	const title = useRef<HTMLInputElement>(null);
	useEffect(() => {
		if (focusTitle) title.current?.focus();
	}, []);

	const submit = (event: Event) => {
		event.preventDefault();
		const form = new FormData(event.currentTarget as HTMLFormElement);
		const text = (name: string) => form.get(name)?.toString().trim() ?? '';
		if (!playbook.severities.some((s) => s.id === severity)) return setError('Choose a severity.');
		if (!text('title')) return setError('Give the incident a title: what is broken, in a few words.');
		const problem = detectionProblem(detectedAt, Date.now());
		if (problem) return setError(problem);
		setError('');
		let id = '';
		store.update((s, now) => {
			const named = setResponder(s, text('responder'));
			const declared = declareIncident(
				named,
				{
					title: text('title'),
					severity,
					status: playbook.statuses[0]?.id ?? '',
					detectedAt,
					impact: text('impact'),
					services: list(text('services')),
					onCall: text('onCall'),
					commander: text('commander'),
					scenarios: form.getAll('scenario').map(String),
					drill: form.get('drill') === 'on',
					alert: prefill.alert,
				},
				playbook.channelPrefix,
				now,
			);
			id = declared.id;
			return form.get('attach') === 'on' ? attachScratch(declared.state, declared.id, now) : declared.state;
		});
		onDeclared(id);
	};

	return (
		<form class="declare-form" onSubmit={submit} aria-labelledby="declare-title" noValidate>
			<h2 id="declare-title">Declare an incident</h2>
			{prefill.alert && (
				<p class="from-alert">
					From alert <code>{prefill.alert}</code>
				</p>
			)}
			<div class="field">
				<label for="declare-title-input">Title</label>
				<input
					ref={title}
					id="declare-title-input"
					name="title"
					required
					maxLength={MAX_TITLE_LENGTH}
					defaultValue={prefill.title ?? ''}
					placeholder="What is broken, e.g. API returns 503"
				/>
			</div>
			<div class="field">
				<label for="declare-severity">Severity</label>
				<select id="declare-severity" name="severity" required value={severity} onChange={(e) => setSeverityChoice(e.currentTarget.value)}>
					<option value="" disabled>
						Choose a level
					</option>
					{playbook.severities.map((s) => (
						<option key={s.id} value={s.id}>
							{s.id} {s.name} ({s.urgency})
						</option>
					))}
				</select>
				<a class="hint" href={urls.classify()}>
					Not sure? Classify it
				</a>
			</div>
			<DetectedAtField id="declare-detected" label="Detected at (your local time)" initial={opened} onChange={setDetection} />
			<div class="field">
				<label for="declare-impact">Impact</label>
				<textarea
					id="declare-impact"
					name="impact"
					rows={2}
					maxLength={1000}
					defaultValue={prefill.impact ?? ''}
					placeholder="Who is affected and how"
				/>
			</div>
			<div class="field">
				<label for="declare-services">Affected services (comma-separated)</label>
				<input
					id="declare-services"
					name="services"
					defaultValue={(prefill.services?.length ? prefill.services : remembered.services).join(', ')}
				/>
			</div>
			<div class="field-row">
				<div class="field">
					<label for="declare-oncall">On-call</label>
					<input id="declare-oncall" name="onCall" defaultValue={remembered.onCall} placeholder="@engineer" />
				</div>
				<div class="field">
					<label for="declare-commander">Commanding</label>
					<input id="declare-commander" name="commander" defaultValue={remembered.commander} placeholder="@lead" />
				</div>
				<div class="field">
					<label for="declare-responder">Your name (recorded with your ticks)</label>
					<input id="declare-responder" name="responder" defaultValue={remembered.responder} autoComplete="name" />
				</div>
			</div>
			<fieldset class="field">
				<legend>Scenarios</legend>
				<div class="choices">
					{status !== 'ready' && <p class="muted">{scenarioStatusText(status)}</p>}
					{scenarios.map((s) => (
						<label key={s.id}>
							<input type="checkbox" name="scenario" value={s.id} defaultChecked={prefill.scenarios?.includes(s.id) ?? false} /> {s.title}
						</label>
					))}
				</div>
			</fieldset>
			<label class="check">
				<input type="checkbox" name="drill" /> This is a drill (game day): marked as a drill everywhere
			</label>
			{scratchCount > 0 && (
				<label class="check">
					<input type="checkbox" name="attach" defaultChecked /> Add the {scratchCount} step{scratchCount === 1 ? '' : 's'} ticked before
					declaring
				</label>
			)}
			{error && (
				<p class="form-error" role="alert">
					{error}
				</p>
			)}
			<p class="actions">
				<button type="submit" class="primary">
					{submitLabel}
				</button>
				{onCancel && (
					<button type="button" onClick={onCancel}>
						Cancel
					</button>
				)}
			</p>
		</form>
	);
}
