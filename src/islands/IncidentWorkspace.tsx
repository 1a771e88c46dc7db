import { useEffect, useState } from 'preact/hooks';
import { severityById, type ChecklistSpec, type ClientPlaybook } from '../lib/clientPlaybook.ts';
import { deadlines, elapsedMs } from '../lib/clocks.ts';
import { clockWarning } from '../lib/clockSkew.ts';
import { loadedStore } from '../lib/pageStoreLoader.ts';
import { workingIncident } from '../lib/stateRead.ts';
import { INCIDENT_QUERY } from '../lib/urls.ts';
import { INCIDENT_ID } from '../lib/incidentIds.ts';
import type { DeclareDialog as DeclareDialogType } from './DeclareDialog.onDemand.tsx';
import { useScenarios } from './useScenarios.ts';
import { useNow } from './useNow.ts';
import { useNamedIncident, useStoredRead } from './useStoredRead.ts';
import { validatedState } from '../lib/stateRead.ts';
import { ChecklistProgress } from './workspace/ChecklistProgress.tsx';
import type { DeclarePrefill } from './workspace/DeclareForm.tsx';
import { Deadlines } from './workspace/Deadlines.tsx';
import { Exports } from './workspace/Exports.tsx';
import { NextMessage, type NextMessages } from './workspace/NextMessage.tsx';
import { AlsoOpen } from './workspace/AlsoOpen.tsx';
import { IncidentList } from './workspace/IncidentList.tsx';
import { showIncident } from './workspace/showIncident.ts';
import { IncidentSummary } from './workspace/IncidentSummary.tsx';
import { Share } from './workspace/Share.tsx';
import { Timeline } from './workspace/Timeline.tsx';
import { useNoticesView } from './workspace/useNoticesView.ts';
import { changeWorkspace, editWorkspace, prepareWorkspaceChange, workspaceChanges } from './workspace/workspaceChange.ts';
import { NotSaved } from './NotSaved.tsx';
import { IncidentCourseFigure } from './charts/IncidentCourseFigure.tsx';

interface Props {
	playbook: ClientPlaybook;
	checklists: ChecklistSpec[];
	/** Where the handover message is filled from the incident, when the playbook has one. */
	handoverHref?: string | undefined;
	/** The status update's and the resolution's generators, offered as the next message to send. */
	messages?: NextMessages | undefined;
}

/**
 * The incident workspace: declare, then follow the current incident's clocks, checklists and
 * timeline. The incidents are read validated without the store (useStoredRead); the store and the
 * workspace's changes load on the first sign of a change (a press, a key, focus in the workspace),
 * and changes made before they are in are applied in order once they are.
 */
export default function IncidentWorkspace({ playbook, checklists, handoverHref, messages = {} }: Props) {
	const { value: state, ready, deciding } = useStoredRead(validatedState);
	const notices = useNoticesView(ready && !deciding);
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
	// The incident a link names (the incident bar's, which shows one still open once the one worked on is resolved):
	// shown at once, and the one worked on from then on.
	const [named, setNamed] = useState(useNamedIncident());
	// An incident a link named that this browser does not hold, said until another is opened or declared.
	const [unheld, setUnheld] = useState<string | null>(null);
	useEffect(() => {
		const query = new URLSearchParams(location.search);
		// A link that asks for a declaration (the classifier without scripts, a bookmark) opens the form; one naming an
		// incident, even none (empty), does not.
		if (!named && [...query.keys()].some((key) => key !== INCIDENT_QUERY)) openDeclare((m) => m.prefillFromUrl(playbook));
	}, []);
	useEffect(() => {
		if (!named || !ready || deciding) return;
		if (new URLSearchParams(location.search).has(INCIDENT_QUERY))
			history.replaceState(history.state, '', location.pathname + location.hash);
		const held = state.incidents.some((i) => i.id === named);
		if (state.activeId !== named && held) void changeWorkspace((c) => c.open(named));
		else {
			// Not here (declared on another device, removed): said, not silently replaced by the one worked on.
			if (!held) setUnheld(named);
			setNamed(null);
		}
	}, [named, ready, deciding, state]);

	// Another incident shown: its title takes the focus, at the top, not <body> where the pressed button was.
	const switchTo = (id: string) => {
		setNamed(null);
		setUnheld(null);
		void changeWorkspace((c) => c.open(id));
		showIncident(id);
	};
	// Until what is stored is read (by the store's full read when the validated read refuses it) and what it has to tell is in.
	if (!ready || deciding || notices.waiting) return <p class="workspace-loading">Loading the incidents kept in this browser…</p>;
	const incident = state.incidents.find((i) => i.id === named) ?? workingIncident(state);
	const level = incident ? severityById(playbook.severities, incident.severity) : undefined;
	const clockNote = incident && clockWarning(incident, now);
	const list = incident && level ? deadlines(incident, level, playbook.escalation, now, playbook.severities) : [];
	const closeDeclare = (declaredId: string | undefined) => {
		setDeclare(undefined);
		if (declaredId) {
			setNamed(null);
			setUnheld(null);
		}
		history.replaceState(history.state, '', location.pathname);
		// The dialog's opener may be gone (the empty workspace): focus what was declared instead.
		if (declaredId) focusSummary();
	};

	return (
		// The declare dialog keeps its own state: another tab declaring never takes a typed form away.
		<div
			class="workspace pb-ui not-content"
			onPointerDown={prepareWorkspaceChange}
			onKeyDown={prepareWorkspaceChange}
			onFocusIn={prepareWorkspaceChange}
		>
			<NotSaved changes={workspaceChanges} />
			{notices.View && <notices.View store={loadedStore()} showBackups />}
			{unheld && (
				<p class="workspace-warning" role="status">
					The link names {INCIDENT_ID.test(unheld) ? `incident ${unheld}, which` : 'an incident'} this browser does not hold
					{incident ? `: shown here is ${incident.title}.` : '.'} Incidents are kept in the browser they were declared in: ask for its
					encrypted link, or for its .json file to import below.
				</p>
			)}
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
			{declare && (
				<declare.Dialog
					playbook={playbook}
					prefill={declare.prefill}
					workspaceLink={false}
					// Declared, or the open incident changed instead: the address that asked for it is done with (a reload asks no more).
					onDeclared={() => history.replaceState(history.state, '', location.pathname)}
					onClose={closeDeclare}
				/>
			)}
			{incident && (
				<>
					{clockNote && <p class="workspace-warning">{clockNote}</p>}
					<AlsoOpen state={state} shown={incident?.id} playbook={playbook} now={now} onSwitch={switchTo} />
					<IncidentSummary
						incident={incident}
						playbook={playbook}
						elapsed={elapsedMs(incident, now)}
						onSeverity={(id) => void editWorkspace(incident, { severity: id })}
						onStatus={(id) => {
							const status = playbook.statuses.find((s) => s.id === id);
							if (!status) return;
							void editWorkspace(incident, { status: { id: status.id, label: status.label, closes: status.closes } });
							// What comes next once it is resolved here: the resolution message and the post-mortem.
							if (status.closes) setResolvedHere(incident.id);
						}}
						onEdit={(patch) => void changeWorkspace((c) => c.editDetails(incident.id, patch))}
					>
						<NextMessage
							key={incident.id}
							incident={incident}
							playbook={playbook}
							deadlines={list}
							now={now}
							messages={messages}
							focus={resolvedHere === incident.id}
						/>
					</IncidentSummary>
					<section aria-labelledby="deadlines-title">
						<h3 id="deadlines-title">Deadlines and escalation</h3>
						<Deadlines
							deadlines={list}
							now={now}
							onEscalated={(d) => editWorkspace(incident, { escalated: { text: `Escalated to ${d.label}`, value: d.id } })}
						/>
					</section>
					<ChecklistProgress incident={incident} checklists={lists.checklists} />
					<IncidentCourseFigure id="workspace-course" incident={incident} playbook={playbook} now={now} />
					<Timeline
						events={incident.events}
						onNote={(text) => void editWorkspace(incident, { note: text })}
						responder={state.responder}
						onName={(name) => void changeWorkspace((c) => c.rename(name))}
					/>
					<Share
						key={incident.id}
						incident={incident}
						playbook={playbook}
						deadlines={list}
						handoverHref={handoverHref}
						responder={state.responder}
					/>
				</>
			)}
			<Exports incident={incident} state={state} playbook={playbook} checklists={lists.checklists} listsStatus={lists.status} />
			{state.incidents.length > 0 && (
				<IncidentList
					state={state}
					playbook={playbook}
					onSwitch={switchTo}
					onDelete={(id) => void changeWorkspace((c) => c.remove(id))}
					onClearDrills={() => void changeWorkspace((c) => c.removeDrills())}
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
