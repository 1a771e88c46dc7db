/**
 * Runs inline in a runbook page, right after the alert's note (AlertNote.astro), before the page is
 * drawn: opened from an alert's link, the note is filled in from the address and the incident open
 * in this browser, so it is in the first paint and nothing under it moves; opened without one, the
 * note is taken out. From then on the note's own code redraws it (alertNote.onDemand.ts). A press
 * on the note before the runbook's script runs is kept for it (`data-pressed`). Built into the page by
 * prePaintScripts (src/build).
 */
import { alertPrefill } from '../lib/alertParams.ts';
import { ALERT_DONE_KEY, noteView, showAlertNote } from './alertNote.ts';
import { ALERT_NOTE_ID } from './alertNoteNames.ts';

const note = document.getElementById(ALERT_NOTE_ID);
if (note) {
	let alert = alertPrefill(new URLSearchParams(location.search), JSON.parse(note.dataset['severities']!) as string[]);
	// As kept (undefined without an alert, which no stored text equals).
	const kept = JSON.stringify(alert) as string | undefined;
	// Done with in this tab already (an address further back in its history still carries it): not offered again.
	try {
		if (sessionStorage.getItem(ALERT_DONE_KEY) === kept) alert = undefined;
	} catch {
		// No session storage: the alert is offered.
	}
	if (alert) note.dataset['alert'] = kept;
	showAlertNote(note, alert, noteView(alert));
	// Until the runbook's script runs (runbookDeclare.ts), which takes this out and does what was pressed.
	note.onclick = (event) => {
		const action = (event.target as Element).closest<HTMLElement>('[data-action]')?.dataset['action'];
		if (action) note.dataset['pressed'] = action;
	};
}
