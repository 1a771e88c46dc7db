/**
 * The alert's note once the page runs (loaded only on a runbook opened from an alert's link): it
 * follows the incident open in this browser (declared or resolved, in another tab too), read as the
 * note first was (noteView), does what was pressed on it before this loaded, and is done
 * with once the alert is (alertDone).
 */
import { focusBack } from '../lib/focusBack.ts';
import { pageShown } from '../lib/pageShown.ts';
import { ALERT_DONE_KEY, noteAlert, noteView, updateNote } from './alertNote.ts';
import { ALERT_NOTE_ID, type NoteAction } from './alertNoteNames.ts';
import { act } from './runbookDeclare.ts';

/** The runbook's alert note, while the alert is not done with (its script takes it out of the page once it is). */
export const alertNote = (): HTMLElement | null => document.getElementById(ALERT_NOTE_ID);

/** The incident the alert was added to: the note says so until closed, whatever opens or closes meanwhile. */
let addedTo: string | undefined;

/**
 * The alert's note has done its job (added to an incident, or declared from, or dismissed): neither
 * the note, nor a reload, nor Back from the workspace, may offer it again. Added, the note says
 * where, with the focus on it, until closed.
 */
export function alertDone(added?: string): void {
	history.replaceState(history.state, '', location.pathname);
	addedTo = added;
	const note = alertNote();
	if (!note) return;
	try {
		sessionStorage.setItem(ALERT_DONE_KEY, note.dataset['alert']!);
	} catch {
		// No session storage: an address further back that still carries the alert offers it again.
	}
	updateNote(note, added ? { added } : null);
	if (added) note.focus();
}

/** Dismissed (or closed once added): the note and its buttons are gone, and the focus goes on to the runbook's first step, not to <body>. */
export function dismissAlert(): void {
	alertDone();
	setTimeout(() => focusBack(null));
}

/** Keep the note current from now on, and do what was pressed on it before. */
export function followNote(): void {
	const note = alertNote();
	if (!note || !noteAlert(note)) return;
	const follow = () => {
		const shown = alertNote();
		if (shown && !addedTo) updateNote(shown, noteView(noteAlert(shown)));
	};
	// Told of every change to the stored state, from this tab or another, by the page's read of it.
	pageShown().subscribe(follow);
	const pressed = note.dataset['pressed'];
	delete note.dataset['pressed'];
	if (pressed) act(pressed as NoteAction);
}
