/** The names a runbook's alert note (AlertNote.astro) and the scripts that run it share, in a module of its own: every runbook loads it. */

/** The alert's note in a runbook page. */
export const ALERT_NOTE_ID = 'alert-note';

/** What a button of the alert's note does, by `data-action`. */
export type NoteAction = 'declare' | 'add' | 'declareNew' | 'dismiss';
