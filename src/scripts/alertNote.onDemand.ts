/**
 * The alert's note once the page runs (loaded only on a runbook opened from an alert's link): it
 * follows the incident open in this browser (declared or resolved, in another tab too) as the
 * incident bar's cheap read finds it, does what was pressed on it before this loaded, and is done
 * with once the alert is (alertDone).
 */
import { focusBack } from '../islands/declare/focusBack.ts';
import { pageShown } from '../lib/pageShown.ts';
import { noteAlert, offered, updateNote } from './alertNote.ts';
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
		if (shown && !addedTo) updateNote(shown, { open: offered(pageShown().get().active) });
	};
	pageShown().subscribe(follow);
	// What the note showed before the stored state was read as the bar reads it (an odd shape showed no incident).
	follow();
	const pressed = note.dataset['pressed'];
	delete note.dataset['pressed'];
	if (pressed) act(pressed as NoteAction);
}
