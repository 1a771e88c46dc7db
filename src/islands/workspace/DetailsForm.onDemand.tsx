import { useLayoutEffect, useRef, useState } from 'preact/hooks';
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

/** The form that changes an incident's details; loaded on "Edit details", as most incidents are never edited. */
export function DetailsForm({ incident, playbook, onSave, onCancel }: Props) {
	const [detection, setDetection] = useState<Detection>({ at: incident.detectedAt, touched: false });
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
		onSave({
			title: text('title') || incident.title,
			impact: text('impact'),
			services: serviceList(text('services')),
			onCall: text('onCall'),
			commander: text('commander'),
			// Until the scenario list is in, the form has no boxes for them: keep the incident's.
			scenarios: status === 'ready' ? form.getAll('scenario').map(String) : incident.scenarios,
			...(detection.touched ? { detectedAt: detection.at } : {}),
		});
	};
	return (
		<form ref={form} class="details-form" onSubmit={save} aria-label="Edit incident details">
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
				<button type="button" onClick={onCancel}>
					Cancel
				</button>
			</p>
		</form>
	);
}
