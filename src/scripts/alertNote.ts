/**
 * The note a runbook shows when opened from an alert's link (`?alert=HighErrorRate&severity=P1&service=api`):
 * it names the alert and offers what to do with it. Its parts are in the page's HTML
 * (AlertNote.astro). The script that fills them in runs inline, before the page is drawn
 * (alertNote.prePaint.ts), so the note is in the first paint and nothing under it moves. It keeps
 * the alert it found in `data-alert`; from then on the note's own code (alertNote.onDemand.ts),
 * loaded only on a page opened from an alert, redraws it from that with the same function.
 *
 * Parts carry `data-text`, `data-when` and `data-unless` (NotePart); its buttons carry
 * `data-action` (NoteAction, alertNoteNames.ts).
 */
import { pickActive } from '../lib/activeIncident.ts';
import { declaredFrom, type AlertPrefill } from '../lib/alertParams.ts';
import { STATE_KEY, STATE_VERSION } from '../lib/stateKey.ts';

/** The incident the alert may be added to, as the note names it. */
export interface NoteIncident {
	id: string;
	severity: string;
	title: string;
	/** The alert it was declared from. */
	alert?: string;
}

/** What the note offers beside the alert: the incident open in this browser, or the one the alert was added to. */
export type NoteView = { open: NoteIncident | undefined; added?: never } | { added: string; open?: never };

/**
 * What the note's parts say: `data-text="k"` is replaced by part k; `data-when="k"` shows only when
 * part k is said, `data-unless="k l"` only when none of them is.
 */
export type NotePart = 'alert' | 'severity' | 'services' | 'added' | 'openSeverity' | 'openTitle' | 'openId';

type Stored = NoteIncident & { resolvedAt?: number; drill?: boolean };

/**
 * What the note offers for `alert` now. Of the real incidents stored in this browser (a real alert is not
 * part of a drill, and a drill under way must not hide a real incident): when an open one was declared from
 * this alert (in another tab; shown or not), that the alert is on it, and nothing to add; else the one every
 * page shows (pickActive), if still open, to add the alert to. Nothing when the text is not of this version's shape.
 */
export function noteView(alert: AlertPrefill | undefined): NoteView {
	let incidents: Stored[] = [];
	let activeId: unknown;
	try {
		const { version, state } = JSON.parse(localStorage.getItem(STATE_KEY)!) as {
			version: number;
			state: { incidents: Stored[]; activeId: unknown };
		};
		if (version === STATE_VERSION) {
			incidents = state.incidents.filter((i) => !i.drill);
			activeId = state.activeId;
		}
	} catch {
		// Nothing stored, or nothing readable.
	}
	const from = incidents.find((i) => i.resolvedAt === undefined && declaredFrom(i, alert?.alert));
	const shown = pickActive(incidents, activeId);
	return from ? { added: from.id } : { open: shown?.resolvedAt === undefined ? shown : undefined };
}

/** The incident an alert's note offers to add an alert to (noteView's), if any. */
export const offeredIncident = (): NoteIncident | undefined => noteView(undefined).open;

/** Where this tab keeps the alert last done with (declared from, added, dismissed), so no Back to an address that still carries it offers it again. */
export const ALERT_DONE_KEY = 'playbook:alert-done';

/**
 * Shows the note for `alert` with `view`, or takes it out of the page for good when there is no
 * alert or no view (the alert is done with). The page's own Declare button waits while the note
 * shows (playbook.css).
 */
export function showAlertNote(note: HTMLElement, alert: AlertPrefill | undefined, view: NoteView | undefined): void {
	if (!alert || !view) {
		note.remove();
		return;
	}
	const { added = '', open } = view;
	const parts: Record<NotePart, string> = {
		alert: alert.alert ?? '',
		severity: alert.severity ?? '',
		services: alert.services.join(', '),
		added,
		openSeverity: open?.severity ?? '',
		openTitle: open?.title ?? '',
		openId: open?.id ?? '',
	};
	const said = (names = '') => names.split(' ').some((name) => parts[name as NotePart]);
	for (const part of note.querySelectorAll<HTMLElement>('[data-text]')) part.textContent = parts[part.dataset['text'] as NotePart];
	for (const part of note.querySelectorAll<HTMLElement>('[data-when],[data-unless]'))
		part.hidden = part.dataset['when'] ? !said(part.dataset['when']) : said(part.dataset['unless']);
	note.hidden = false;
}

/** The alert the note was drawn for (undefined: the page was not opened from an alert, or the note is gone). */
export function noteAlert(note: HTMLElement | null): AlertPrefill | undefined {
	const json = note?.isConnected ? note.dataset['alert'] : undefined;
	return json ? (JSON.parse(json) as AlertPrefill) : undefined;
}

/** Shows the note as `view` says now, for the alert it was drawn for; null: it is done with, and leaves the page. */
export function updateNote(note: HTMLElement, view: NoteView | null): void {
	showAlertNote(note, noteAlert(note), view ?? undefined);
}
