import { useEffect, useRef, useState } from 'preact/hooks';
import { pageShown } from '../lib/pageShown.ts';
import { urls } from '../lib/urls.ts';
import { alertDeclaration, alertPrefill, type AlertPrefill } from '../lib/alertParams.ts';
import { focusBack } from './declare/focusBack.ts';
import type { ClientPlaybook } from '../lib/clientPlaybook.ts';
import type { DeclareDialog as DeclareDialogType } from './DeclareDialog.onDemand.tsx';
import type { DeclarePrefill } from './workspace/DeclareForm.tsx';

interface Props {
	playbook: ClientPlaybook;
	/** The runbook page's scenario. */
	scenario: string;
}

/** Links on the runbook page that declare in place once scripts run (they lead to the workspace without them). */
export const DECLARE_HERE = 'data-declare-here';

/**
 * Declaring from a runbook page, in a dialog over the runbook: from the page's "Declare an
 * incident" link, or, opened from an alert's link (`?alert=HighErrorRate&severity=P1&service=api`),
 * from a note that names the alert, with the form prefilled from it (the page's own link then
 * prefills from the alert too: it is the first button a phone shows). It never declares by itself,
 * and loads the form only when asked.
 */
export default function AlertDeclare({ playbook, scenario }: Props) {
	const [alert, setAlert] = useState<AlertPrefill | undefined>(undefined);
	// The dialog, and the incident already open as it opened (the one its alert may be added to).
	const [open, setOpen] = useState<{ Dialog: typeof DeclareDialogType; prefill: DeclarePrefill; openId?: string | undefined } | undefined>(
		undefined,
	);
	const [, rerender] = useState(0);
	const [added, setAdded] = useState<string | undefined>(undefined);
	const note = useRef<HTMLDivElement>(null);
	// The alert the page was opened from, until declared or dismissed: the page's own Declare link declares from it too.
	const current = useRef<AlertPrefill | undefined>(undefined);
	current.current = alert;
	const declare = (prefill: DeclarePrefill, openId?: string) =>
		void import('./DeclareDialog.onDemand.tsx').then((m) => setOpen({ Dialog: m.DeclareDialog, prefill, openId }));
	useEffect(() => {
		const fromLink = alertPrefill(
			new URLSearchParams(location.search),
			playbook.severities.map((s) => s.id),
		);
		// The incident open in this browser comes from the incident bar's cheap read, there on every page: the store
		// loads only when the alert is added to it.
		const unsubscribe = fromLink ? pageShown().subscribe(() => rerender((n) => n + 1)) : undefined;
		setAlert(fromLink);
		current.current = fromLink;
		const onClick = (event: Event) => {
			if (!(event.target instanceof Element) || !event.target.closest(`[${DECLARE_HERE}]`)) return;
			event.preventDefault();
			declare(current.current ? alertDeclaration(current.current, [scenario]) : { scenarios: [scenario] });
		};
		document.addEventListener('click', onClick);
		return () => {
			unsubscribe?.();
			document.removeEventListener('click', onClick);
		};
	}, []);
	useEffect(() => {
		if (added) note.current?.focus();
	}, [added]);
	// The page's own Declare button says it declares from the alert while it does (playbook.css).
	useEffect(() => void document.documentElement.toggleAttribute('data-alert-link', !!alert), [alert]);
	// The incident the responder has open (the one the bar shows): the alert is offered to it before a new declaration.
	const active = alert ? pageShown().get().active : undefined;
	const openIncident = active && active.resolvedAt === undefined && !active.drill ? active : undefined;
	// The alert's note has done its job (added to an incident, or declared from, or dismissed): neither the note, nor a
	// reload, nor Back from the workspace, may offer it again. Added, the note says where, until closed.
	const done = (addedTo?: string) => {
		history.replaceState(history.state, '', location.pathname);
		if (addedTo) setAdded(addedTo);
		else setAlert(undefined);
	};
	const doneWithAlert = () => {
		done();
		// The note and its buttons are gone: the focus goes on to the runbook's first step, not to <body>.
		setTimeout(() => focusBack(null));
	};
	// Done with as soon as the declaration is made, while the dialog still shows what comes next.
	const declared = (id: string) => done(id === open?.openId ? id : undefined);
	const close = (declaredId: string | undefined) => {
		setOpen(undefined);
		if (declaredId && declaredId !== open?.openId) setTimeout(() => focusBack(null));
	};
	const addToOpen = (id: string) => {
		if (!alert) return;
		// The store and the model load on this press: a runbook opened from an alert link loads neither to show the note.
		void import('./alertAdd.onDemand.ts').then(async ({ addAlertTo }) => {
			await addAlertTo(id, alert);
			done(id);
		});
	};
	return (
		<>
			{alert && (
				<div ref={note} class="alert-declare pb-ui not-content" tabIndex={-1}>
					<p class="alert-note">
						Opened from alert <code>{alert.alert ?? 'without a name'}</code>
						{alert.severity && <> at {alert.severity}</>}
						{alert.services.length > 0 && <> for {alert.services.join(', ')}</>}.{' '}
						{added ? <>Added to {added}: noted on its timeline.</> : openIncident ? '' : 'Check the details, then declare.'}
					</p>
					{!added && openIncident && (
						<p class="alert-open">
							Already open: <strong>{openIncident.severity}</strong> {openIncident.title} ({openIncident.id}). If the alert is part of it,
							add it there; declare a new incident only if this is a different one.
						</p>
					)}
					<p class="actions">
						{added ? (
							<a class="button primary" href={urls.incident()}>
								Open the incident workspace
							</a>
						) : openIncident ? (
							<>
								<button type="button" class="primary" onClick={() => addToOpen(openIncident.id)}>
									Add the alert to {openIncident.id}
								</button>
								<a class="button" href={urls.incident()}>
									Open {openIncident.id}
								</a>
								<button type="button" onClick={() => declare(alertDeclaration(alert, [scenario]), openIncident.id)}>
									Declare a new incident
								</button>
							</>
						) : (
							<button type="button" class="primary" onClick={() => declare(alertDeclaration(alert, [scenario]))}>
								Declare from this alert
							</button>
						)}
						<button type="button" onClick={doneWithAlert}>
							{added ? 'Close' : 'Dismiss'}
						</button>
					</p>
				</div>
			)}
			{open && <open.Dialog playbook={playbook} prefill={open.prefill} onClose={close} onDeclared={declared} />}
		</>
	);
}
