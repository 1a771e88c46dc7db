import { useEffect, useState } from 'preact/hooks';
import { severityById, type ChecklistSpec, type ClientPlaybook } from '../lib/clientPlaybook.ts';
import { deadlines, elapsedMs } from '../lib/clocks.ts';
import {
	activeIncident,
	addNote,
	clearDrills,
	deleteIncident,
	logEscalation,
	setActive,
	setSeverity,
	setStatus,
	updateIncident,
} from '../lib/incidents.ts';
import type { DeclareDialog as DeclareDialogType } from './DeclareDialog.onDemand.tsx';
import { StorageNotices } from './StorageNotices.tsx';
import { useScenarios } from './useScenarios.ts';
import { useNow } from './useNow.ts';
import { useIncidentState } from './useStore.ts';
import { ChecklistProgress } from './workspace/ChecklistProgress.tsx';
import type { DeclarePrefill } from './workspace/DeclareForm.tsx';
import { Deadlines } from './workspace/Deadlines.tsx';
import { Exports } from './workspace/Exports.tsx';
import { NextMessage, type NextMessages } from './workspace/NextMessage.tsx';
import { IncidentList } from './workspace/IncidentList.tsx';
import { IncidentSummary } from './workspace/IncidentSummary.tsx';
import { Share } from './workspace/Share.tsx';
import { Timeline } from './workspace/Timeline.tsx';
import { IncidentCourseFigure } from './charts/IncidentCourseFigure.tsx';

interface Props {
	playbook: ClientPlaybook;
	checklists: ChecklistSpec[];
	/** Where the handover message is filled from the incident, when the playbook has one. */
	handoverHref?: string | undefined;
	/** The status update's and the resolution's generators, offered as the next message to send. */
	messages?: NextMessages | undefined;
}

/** The incident workspace: declare, then follow the current incident's clocks, checklists and timeline. */
export default function IncidentWorkspace({ playbook, checklists, handoverHref, messages = {} }: Props) {
	const { state, store } = useIncidentState();
	const now = useNow();
	// Declaring opens the same dialog as on the classifier and runbooks, with what comes next in it.
	const [declare, setDeclare] = useState<{ Dialog: typeof DeclareDialogType; prefill: DeclarePrefill } | undefined>(undefined);
	// Given a function, the prefill is read from the URL by the dialog's module, which alone needs to know how.
	const openDeclare = (prefill: DeclarePrefill | ((m: typeof import('./DeclareDialog.onDemand.tsx')) => DeclarePrefill)) =>
		void import('./DeclareDialog.onDemand.tsx').then((m) =>
			setDeclare({ Dialog: m.DeclareDialog, prefill: typeof prefill === 'function' ? prefill(m) : prefill }),
		);
	// The incident resolved in this tab: what comes next then takes the focus (not when another tab resolves it).
	const [resolvedHere, setResolvedHere] = useState<string | undefined>(undefined);
	// The phases' checklists come with the page; the scenarios' are fetched (see useScenarios).
	const lists = useScenarios(playbook, checklists);
	useEffect(() => {
		// A link that asks for a declaration (the classifier without scripts, a bookmark) opens the form.
		if (new URLSearchParams(location.search).size > 0) openDeclare((m) => m.prefillFromUrl(playbook));
	}, []);

	if (!store) return <p class="workspace-loading">Loading the incidents kept in this browser…</p>;
	const incident = activeIncident(state);
	const level = incident ? severityById(playbook.severities, incident.severity) : undefined;
	const list = incident && level ? deadlines(incident, level, playbook.escalation, now) : [];
	const closeDeclare = (declaredId: string | undefined) => {
		setDeclare(undefined);
		history.replaceState(history.state, '', location.pathname);
		// The dialog's opener may be gone (the empty workspace): focus what was declared instead.
		if (declaredId) focusSummary();
	};

	return (
		// The declare dialog keeps its own state: another tab declaring never takes a typed form away.
		<div class="workspace pb-ui not-content">
			<StorageNotices store={store} showBackups />
			{!incident && (
				<section class="workspace-empty" aria-labelledby="workspace-empty-title">
					<h2 id="workspace-empty-title">
						{state.incidents.length === 0 ? 'No incident is open in this browser' : 'No incident is shown'}
					</h2>
					<p>
						{state.incidents.length > 0 && 'Open one below, or declare a new one. '}
						<button type="button" class="primary" onClick={() => openDeclare({})}>
							Declare an incident
						</button>
					</p>
				</section>
			)}
			{declare && <declare.Dialog playbook={playbook} prefill={declare.prefill} workspaceLink={false} onClose={closeDeclare} />}
			{incident && (
				<>
					<IncidentSummary
						incident={incident}
						playbook={playbook}
						elapsed={elapsedMs(incident, now)}
						onSeverity={(id) => store.update((s, t) => setSeverity(s, incident.id, id, t))}
						onStatus={(id) => {
							const status = playbook.statuses.find((s) => s.id === id);
							if (!status) return;
							store.update((s, t) => setStatus(s, incident.id, status, t));
							// What comes next once it is resolved here: the resolution message and the post-mortem.
							if (status.closes) setResolvedHere(incident.id);
						}}
						onEdit={(patch) => store.update((s, t) => updateIncident(s, incident.id, patch, t))}
					>
						<NextMessage
							key={incident.id}
							incident={incident}
							store={store}
							playbook={playbook}
							deadlines={list}
							messages={messages}
							focus={resolvedHere === incident.id}
						/>
					</IncidentSummary>
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
					<Share key={incident.id} incident={incident} store={store} playbook={playbook} deadlines={list} handoverHref={handoverHref} />
				</>
			)}
			<Exports
				incident={incident}
				state={state}
				store={store}
				playbook={playbook}
				checklists={lists.checklists}
				listsStatus={lists.status}
			/>
			{state.incidents.length > 0 && (
				<IncidentList
					state={state}
					playbook={playbook}
					onSwitch={(id) => store.update((s, t) => setActive(s, id, t))}
					onDelete={(id) => store.update((s, t) => deleteIncident(s, id, t))}
					onClearDrills={() => store.update((s, t) => clearDrills(s, t))}
					onNew={() => openDeclare({})}
				/>
			)}
		</div>
	);
}

/** Move focus to the incident's summary, as the view to work from. */
function focusSummary(): void {
	const title = document.getElementById('incident-title');
	if (!title) return;
	title.tabIndex = -1;
	title.focus();
}
