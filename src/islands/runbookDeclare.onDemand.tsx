/**
 * The declare dialog over a runbook page, loaded on the first press that asks for it
 * (runbookDeclare.ts): prefilled from the alert the page was opened from, if any, offering the
 * incident already open. Adding the alert to that incident loads the store on that press.
 */
import { render } from 'preact';
import { alertDeclaration } from '../lib/alertParams.ts';
import { noteAlert, offeredIncident } from '../scripts/alertNote.ts';
import { alertDone, alertNote } from '../scripts/alertNote.onDemand.ts';
import { DECLARE_DATA_ID, type DeclareAction, type DeclareData } from '../scripts/runbookDeclare.ts';
import { DeclareDialog } from './DeclareDialog.onDemand.tsx';
import { focusBack } from '../lib/focusBack.ts';
import type { DeclarePrefill } from './workspace/DeclareForm.tsx';

/** On the note while its alert is being added (playbook.css shows it busy). */
const ADDING = 'data-adding';

let data: DeclareData | undefined;
const pageData = () => (data ??= JSON.parse(document.getElementById(DECLARE_DATA_ID)!.textContent!) as DeclareData);
let host: HTMLElement | undefined;

/** Open the dialog with `prefill` (again: as it was left, unless asked for another level); `openId`: the incident open as it opened. */
function show(prefill: DeclarePrefill, openId?: string) {
	if (!host) host = document.body.appendChild(document.createElement('div'));
	const target = host;
	const close = (declaredId: string | undefined) => {
		// After the dialog's own close has run to its end (it leaves its history entry, then follows a link), as a
		// state change would: taken away right now, it would leave its entry first and cut the link's navigation short.
		queueMicrotask(() => render(null, target));
		if (declaredId && declaredId !== openId) setTimeout(() => focusBack(null));
	};
	// Done with as soon as the declaration is made, while the dialog still shows what comes next.
	const declared = (id: string) => alertDone(id === openId ? id : undefined);
	render(<DeclareDialog playbook={pageData().playbook} prefill={prefill} onClose={close} onDeclared={declared} />, target);
}

/** Do what a press on the runbook asked: declare (from the alert, or plainly), or add the alert to the open incident. */
export function declareHere(action: Exclude<DeclareAction, 'dismiss'>): void {
	const { scenario } = pageData();
	const note = alertNote();
	const alert = noteAlert(note);
	const open = offeredIncident();
	if (action === 'here' || !alert) show({ scenarios: [scenario] });
	else if (action === 'declare') show(alertDeclaration(alert, [scenario]));
	else if (action === 'declareNew') show(alertDeclaration(alert, [scenario]), open?.id);
	else if (open && note && !note.hasAttribute(ADDING)) {
		// Once: a second press (a double tap, Enter twice) while the store loads would note the alert twice.
		note.toggleAttribute(ADDING, true);
		// The store and the model load on this press: a runbook opened from an alert link loads neither to show the note.
		void import('./alertAdd.onDemand.ts')
			.then(async ({ addAlertTo }) => {
				await addAlertTo(open.id, alert);
				alertDone(open.id);
			})
			// Added (the note now says where, with its own buttons), or not (a press may try again).
			.finally(() => note.removeAttribute(ADDING));
	}
}
