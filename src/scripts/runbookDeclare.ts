/**
 * Declaring from a runbook page, in a dialog over the runbook (runbookDeclare.onDemand.tsx, loaded
 * on the first press): from the page's "Declare an incident" link, or, opened from an alert's link,
 * from the note that names the alert (AlertNote.astro; its script draws it before the page is,
 * alertNote.ts). Here is only what every runbook runs as it loads: presses are sent on; the note's
 * own code (alertNote.onDemand.ts) loads only on a page opened from an alert.
 */
import type { ClientPlaybook } from '../lib/clientPlaybook.ts';
import { ALERT_NOTE_ID, type NoteAction } from './alertNoteNames.ts';

/** Links on the runbook page that declare in place once scripts run (they lead to the workspace without them). */
export const DECLARE_HERE = 'data-declare-here';

/** Where a runbook page keeps what its declare form needs (ScenarioRunbook.astro), read when the form opens. */
export const DECLARE_DATA_ID = 'declare-data';

/** What the page gives the form: its scenario, and the playbook the form offers. */
export interface DeclareData {
	scenario: string;
	playbook: ClientPlaybook;
}

/** What a press asks for: a button of the note, or the page's own Declare link ('here'). */
export type DeclareAction = NoteAction | 'here';

/** Do what a press asked, with the code it needs. */
export const act = (action: DeclareAction): void =>
	void (action === 'dismiss'
		? import('./alertNote.onDemand.ts').then((note) => note.dismissAlert())
		: import('../islands/runbookDeclare.onDemand.tsx').then((dialog) => dialog.declareHere(action)));

/** Send the runbook's presses on; opened from an alert, keep its note current. */
export function startRunbookDeclare(): void {
	document.addEventListener('click', (event) => {
		if (!(event.target instanceof Element)) return;
		const action = event.target.closest<HTMLElement>(`#${ALERT_NOTE_ID} [data-action]`)?.dataset['action'];
		if (action) act(action as NoteAction);
		else if (event.target.closest(`[${DECLARE_HERE}]`)) {
			event.preventDefault();
			act('here');
		}
	});
	const note = document.getElementById(ALERT_NOTE_ID);
	if (!note) return;
	// Presses are sent on from now on; one made before is done once the note's code is in (followNote).
	note.onclick = null;
	void import('./alertNote.onDemand.ts').then((shown) => shown.followNote());
}
