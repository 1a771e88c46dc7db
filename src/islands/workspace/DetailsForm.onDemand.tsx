import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { focusInView } from '../focusInView.ts';
import { focusAtEnd } from '../focusAtEnd.ts';
import type { ClientPlaybook } from '../../lib/clientPlaybook.ts';
import type { IncidentFields } from '../../lib/incidents.ts';
import { detectionProblem, MAX_TITLE_LENGTH } from '../../lib/limits.ts';
import { serviceList } from '../../lib/serviceList.ts';
import type { Incident } from '../../lib/state.ts';
import { scenarioStatusText, useScenarios } from '../useScenarios.ts';
import { DetectedAtField, type Detection } from './DetectedAtField.tsx';

interface Props {
	incident: Incident;
	playbook: ClientPlaybook;
	onSave: (patch: Partial<IncidentFields>) => void;
	onCancel: () => void;
}

/** The details the form changes, and their boxes' labels. */
const LABELS = {
	title: 'Title',
	impact: 'Impact',
	services: 'Affected services',
	onCall: 'On-call',
	commander: 'Commanding',
	scenarios: 'Scenarios',
} as const;
type Detail = keyof typeof LABELS;

/** Two values of a detail, lists in any order. */
const same = (a: string | readonly string[], b: string | readonly string[]) =>
	String(typeof a === 'string' ? a : [...a].sort()) === String(typeof b === 'string' ? b : [...b].sort());

/** How much of a value saved elsewhere the form quotes: enough to tell it, not pages above the buttons. */
const QUOTED = 160;

/** A detail's value as the form tells it. */
const shown = (value: string | readonly string[]) => {
	const text = typeof value === 'string' ? value : value.join(', ');
	return text ? `“${text.length > QUOTED ? `${text.slice(0, QUOTED)}…` : text}”` : 'empty';
};

/** The form that changes an incident's details; loaded on "Edit details", as most incidents are never edited. */
export function DetailsForm({ incident, playbook, onSave, onCancel }: Props) {
	// The details as the form opened with them: what is saved is what differs from them.
	const [opening] = useState(incident);
	const [detection, setDetection] = useState<Detection>({ at: incident.detectedAt, touched: false });
	// Fields changed here that were changed elsewhere too while the form was open, shown before they are saved over.
	const [clashes, setClashes] = useState<Detail[] | undefined>(undefined);
	// Shown, they take the focus, in view: the Enter that saved is not taken again as a save over them.
	const clashNote = useRef<HTMLDivElement>(null);
	useEffect(() => {
		if (clashes && clashNote.current) focusInView(clashNote.current);
	}, [clashes]);
	const [problem, setProblem] = useState('');
	const { scenarios, status } = useScenarios(playbook);
	// Opened by "Edit details": the focus goes into the form, at the end of its first field, where the keyboard and the
	// phone's keys go (at its start, a key typed would go before the title).
	const form = useRef<HTMLFormElement>(null);
	useLayoutEffect(() => {
		focusAtEnd(form.current?.querySelector('input'));
	}, []);
	const save = (e: Event) => {
		e.preventDefault();
		const form = new FormData(e.currentTarget as HTMLFormElement);
		const text = (name: string) => form.get(name)?.toString().trim() ?? '';
		// A detection time the responder did not touch is not sent at all: never rewritten.
		if (detection.touched) {
			const why = detectionProblem(detection.at, Date.now());
			if (why) return setProblem(why);
		}
		const typed = {
			title: text('title') || opening.title,
			impact: text('impact'),
			services: serviceList(text('services')),
			onCall: text('onCall'),
			commander: text('commander'),
			// Until the scenario list is in, the form has no boxes for them: keep the incident's.
			scenarios: status === 'ready' ? form.getAll('scenario').map(String) : opening.scenarios,
		};
		// Only what the responder changed. A box left alone shows a change made meanwhile (Preact moves its default value):
		// the same as the incident's now.
		const changed = (Object.keys(typed) as Detail[]).filter((key) => !same(typed[key], opening[key]) && !same(typed[key], incident[key]));
		// Changed here and, since the form opened, elsewhere too (another tab, a handover): asked once before it is put over.
		const clashing = changed.filter((key) => !same(incident[key], opening[key]));
		if (clashing.some((key) => !clashes?.includes(key))) return setClashes(clashing);
		const patch: Partial<IncidentFields> = Object.fromEntries(changed.map((key) => [key, typed[key]]));
		if (detection.touched) patch.detectedAt = detection.at;
		if (Object.keys(patch).length === 0) return onCancel();
		onSave(patch);
	};
	return (
		<form ref={form} class="details-form" onSubmit={save} aria-label="Edit incident details">
			<label>
				{LABELS.title} <input name="title" defaultValue={incident.title} maxLength={MAX_TITLE_LENGTH} />
			</label>
			<DetectedAtField id="edit-detected" label="Detected at (your local time)" initial={incident.detectedAt} onChange={setDetection} />
			{problem && (
				<p class="form-error" role="alert">
					{problem}
				</p>
			)}
			<label>
				{LABELS.impact} <textarea name="impact" rows={2} defaultValue={incident.impact} />
			</label>
			<label>
				{LABELS.services} <input name="services" defaultValue={incident.services.join(', ')} />
			</label>
			<label>
				{LABELS.onCall} <input name="onCall" defaultValue={incident.onCall} />
			</label>
			<label>
				{LABELS.commander} <input name="commander" defaultValue={incident.commander} />
			</label>
			<fieldset>
				<legend>{LABELS.scenarios}</legend>
				{status !== 'ready' && <p class="muted">{scenarioStatusText(status)}</p>}
				{scenarios.map((s) => (
					<label key={s.id} class="check">
						<input type="checkbox" name="scenario" value={s.id} defaultChecked={incident.scenarios.includes(s.id)} /> {s.title}
					</label>
				))}
			</fieldset>
			{clashes && (
				<div class="form-error" role="alert" tabIndex={-1} ref={clashNote}>
					<p>Changed elsewhere while you were editing:</p>
					<ul>
						{clashes.map((key) => (
							<li key={key}>
								{LABELS[key]} is now {shown(incident[key])}
							</li>
						))}
					</ul>
					<p>Save yours in its place, or Cancel to keep it.</p>
				</div>
			)}
			<p class="actions">
				<button type="submit" class="primary">
					{clashes ? 'Save mine instead' : 'Save details'}
				</button>
				<button type="button" onClick={onCancel}>
					Cancel
				</button>
			</p>
		</form>
	);
}
