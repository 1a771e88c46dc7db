/**
 * Runs inline in a runbook page, right after the alert's note (AlertNote.astro), before the page is
 * drawn: opened from an alert's link, the note is filled in from the address and the incident open
 * in this browser, so it is in the first paint and nothing under it moves; opened without one, the
 * note is taken out. From then on the note's own code redraws it (alertNote.onDemand.ts). A press
 * on the note before the runbook's script runs is kept for it (`data-pressed`). Built into the page by
 * prePaintScripts (src/build).
 */
import { pickActive } from '../lib/activeIncident.ts';
import { alertPrefill } from '../lib/alertParams.ts';
import { STATE_KEY, STATE_VERSION } from '../lib/stateKey.ts';
import { offered, showAlertNote, type NoteIncident } from './alertNote.ts';
import { ALERT_NOTE_ID } from './alertNoteNames.ts';

const note = document.getElementById(ALERT_NOTE_ID);
if (note) {
	const alert = alertPrefill(new URLSearchParams(location.search), JSON.parse(note.dataset['severities']!) as string[]);
	if (alert) note.dataset['alert'] = JSON.stringify(alert);
	let open: NoteIncident | undefined;
	try {
		const stored = JSON.parse(localStorage.getItem(STATE_KEY)!) as {
			version: number;
			state: { incidents: (NoteIncident & { resolvedAt?: number; drill?: boolean })[]; activeId: string | null };
		} | null;
		// As the cheap read shows it (storageRead.ts). What that read refuses (an odd shape) the runbook's script corrects once it has read it.
		if (stored?.version === STATE_VERSION) open = offered(pickActive(stored.state.incidents, stored.state.activeId));
	} catch {
		// Nothing readable stored: no incident to offer.
	}
	showAlertNote(note, alert, { open });
	// Until the runbook's script runs (runbookDeclare.ts), which takes this out and does what was pressed.
	note.onclick = (event) => {
		const action = (event.target as Element).closest<HTMLElement>('[data-action]')?.dataset['action'];
		if (action) note.dataset['pressed'] = action;
	};
}
