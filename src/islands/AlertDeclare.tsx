import { useEffect, useState } from 'preact/hooks';
import { alertPrefill, type AlertPrefill } from '../lib/alertParams.ts';
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

/** What the declare form starts with when opened from an alert's link. */
function fromAlert(alert: AlertPrefill, scenario: string): DeclarePrefill {
	return {
		severity: alert.severity,
		scenarios: [scenario],
		services: alert.services,
		alert: alert.alert,
		impact: alert.summary,
		title: alert.alert ? `${alert.alert}${alert.services.length > 0 ? ` on ${alert.services.join(', ')}` : ''}` : undefined,
	};
}

/**
 * Declaring from a runbook page, in a dialog over the runbook: from the page's "Declare an
 * incident" link, or, opened from an alert's link (`?alert=HighErrorRate&severity=P1&service=api`),
 * from a note that names the alert, with the form prefilled from it. It never declares by itself,
 * and loads the form only when asked.
 */
export default function AlertDeclare({ playbook, scenario }: Props) {
	const [alert, setAlert] = useState<AlertPrefill | undefined>(undefined);
	const [open, setOpen] = useState<{ Dialog: typeof DeclareDialogType; prefill: DeclarePrefill } | undefined>(undefined);
	const declare = (prefill: DeclarePrefill) =>
		void import('./DeclareDialog.onDemand.tsx').then((m) => setOpen({ Dialog: m.DeclareDialog, prefill }));
	useEffect(() => {
		setAlert(
			alertPrefill(
				new URLSearchParams(location.search),
				playbook.severities.map((s) => s.id),
			),
		);
		const onClick = (event: Event) => {
			if (!(event.target instanceof Element) || !event.target.closest(`[${DECLARE_HERE}]`)) return;
			event.preventDefault();
			declare({ scenarios: [scenario] });
		};
		document.addEventListener('click', onClick);
		return () => document.removeEventListener('click', onClick);
	}, []);
	const close = (declaredId: string | undefined) => {
		setOpen(undefined);
		if (!declaredId) return;
		// Declared: the alert's note has done its job, and a reload should not offer it again.
		setAlert(undefined);
		history.replaceState(history.state, '', location.pathname);
	};
	return (
		<>
			{alert && (
				<div class="alert-declare pb-ui not-content">
					<p class="alert-note">
						Opened from alert <code>{alert.alert ?? 'without a name'}</code>
						{alert.severity && <> at {alert.severity}</>}
						{alert.services.length > 0 && <> for {alert.services.join(', ')}</>}. Check the details, then declare.
					</p>
					<p class="actions">
						<button type="button" class="primary" onClick={() => declare(fromAlert(alert, scenario))}>
							Declare from this alert
						</button>
						<button
							type="button"
							onClick={() => {
								setAlert(undefined);
								history.replaceState(history.state, '', location.pathname);
							}}
						>
							Dismiss
						</button>
					</p>
				</div>
			)}
			{open && <open.Dialog playbook={playbook} prefill={open.prefill} onClose={close} />}
		</>
	);
}
