import { useEffect, useState } from 'preact/hooks';
import { alertPrefill } from '../lib/alertParams';
import { severityById, type ChecklistSpec, type ClientPlaybook } from '../lib/clientPlaybook';
import { deadlines, elapsedMs } from '../lib/clocks';
import { activeIncident, addNote, clearDrills, deleteIncident, logEscalation, setActive, setSeverity, setStatus, updateIncident } from '../lib/incidents';
import { StorageNotices } from './StorageNotices';
import { useScenarios } from './useScenarios';
import { useIncidentState, useNow } from './useStore';
import { ChecklistProgress } from './workspace/ChecklistProgress';
import { DeclareForm, type DeclarePrefill } from './workspace/DeclareForm';
import { Deadlines } from './workspace/Deadlines';
import { Exports } from './workspace/Exports';
import { IncidentList } from './workspace/IncidentList';
import { IncidentSummary } from './workspace/IncidentSummary';
import { Timeline } from './workspace/Timeline';
import { IncidentCourseFigure } from './charts/IncidentCourseFigure';

interface Props {
	playbook: ClientPlaybook;
	checklists: ChecklistSpec[];
}

/** What the URL asks the declare form to start with (from the classifier or a runbook page). */
function prefillFromUrl(playbook: ClientPlaybook): DeclarePrefill {
	const params = new URLSearchParams(location.search);
	const alert = alertPrefill(params, playbook.severities.map((s) => s.id));
	const scenario = params.get('scenario') ?? '';
	return {
		severity: alert?.severity,
		// An unknown id matches no box in the form, so it is dropped there.
		scenarios: scenario ? [scenario] : [],
		services: alert?.services,
		alert: alert?.alert,
		impact: alert?.summary,
	};
}

/** The incident workspace: declare, then follow the current incident's clocks, checklists and timeline. */
export default function IncidentWorkspace({ playbook, checklists }: Props) {
	const { state, store } = useIncidentState();
	const now = useNow();
	const [declaring, setDeclaring] = useState(false);
	const [prefill, setPrefill] = useState<DeclarePrefill>({});
	// The phases' checklists come with the page; the scenarios' are fetched (see useScenarios).
	const lists = useScenarios(playbook, checklists);
	useEffect(() => {
		const fromUrl = prefillFromUrl(playbook);
		setPrefill(fromUrl);
		if (new URLSearchParams(location.search).size > 0) setDeclaring(true);
	}, []);

	if (!store) return <p class="workspace-loading">Loading the incidents kept in this browser…</p>;
	const incident = activeIncident(state);
	const level = incident ? severityById(playbook.severities, incident.severity) : undefined;
	const list = incident && level ? deadlines(incident, level, playbook.escalation, now) : [];
	const showForm = declaring || state.incidents.length === 0;
	const declared = () => {
		setDeclaring(false);
		history.replaceState(history.state, '', location.pathname);
	};

	return (
		<div class="workspace pb-ui not-content">
			<StorageNotices store={store} showBackups />
			{showForm && <DeclareForm key={JSON.stringify(prefill)} playbook={playbook} state={state} store={store} prefill={prefill} onDeclared={declared} onCancel={state.incidents.length > 0 ? () => setDeclaring(false) : undefined} />}
			{!showForm && !incident && (
				<p>
					No incident is shown. Open one below, or{' '}
					<button type="button" class="primary" onClick={() => setDeclaring(true)}>
						declare an incident
					</button>
				</p>
			)}
			{!showForm && incident && (
				<>
					<IncidentSummary
						incident={incident}
						playbook={playbook}
						elapsed={elapsedMs(incident, now)}
						onSeverity={(id) => store.update((s, t) => setSeverity(s, incident.id, id, t))}
						onStatus={(id) => {
							const status = playbook.statuses.find((s) => s.id === id);
							if (status) store.update((s, t) => setStatus(s, incident.id, status, t));
						}}
						onEdit={(patch) => store.update((s, t) => updateIncident(s, incident.id, patch, t))}
					/>
					<section aria-labelledby="deadlines-title">
						<h3 id="deadlines-title">Deadlines and escalation</h3>
						<Deadlines
							deadlines={list}
							now={now}
							onEscalated={(d) => store.update((s, t) => logEscalation(s, incident.id, `Escalated to ${d.label}`, d.id, t))}
						/>
					</section>
					<ChecklistProgress incident={incident} checklists={lists.checklists} />
					<IncidentCourseFigure id="workspace-course" incident={incident} playbook={playbook} now={now} />
					<Timeline events={incident.events} onNote={(text) => store.update((s, t) => addNote(s, incident.id, text, t))} />
				</>
			)}
			<Exports incident={incident} state={state} store={store} playbook={playbook} checklists={lists.checklists} listsStatus={lists.status} />
			{state.incidents.length > 0 && (
				<IncidentList
					state={state}
					playbook={playbook}
					onSwitch={(id) => {
						setDeclaring(false);
						store.update((s, t) => setActive(s, id, t));
					}}
					onDelete={(id) => store.update((s, t) => deleteIncident(s, id, t))}
					onClearDrills={() => store.update((s, t) => clearDrills(s, t))}
					onNew={() => {
						setPrefill({});
						setDeclaring(true);
					}}
				/>
			)}
		</div>
	);
}
