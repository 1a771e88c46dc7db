import { useEffect, useState } from 'preact/hooks';
import { alertPrefill, type AlertPrefill } from '../lib/alertParams';
import type { ClientPlaybook } from '../lib/clientPlaybook';
import type { GeneratorTemplate } from '../lib/composeMessage';
import { useIncidentState, useNow } from './useStore';
import type { DeclareDialog as DeclareDialogType } from './DeclareDialog.onDemand';
import type { DeclareFlow as DeclareFlowType } from './declare/DeclareFlow';

interface Props {
	playbook: ClientPlaybook;
	/** The runbook page's scenario. */
	scenario: string;
	/** The declaration message, copied as the incident is declared from this page. */
	declaration?: GeneratorTemplate | undefined;
}

/** Links on the runbook page that declare in place once scripts run (they lead to the workspace without them). */
export const DECLARE_HERE = 'data-declare-here';

/**
 * Declaring from a runbook page. Opened from an alert's link (`?alert=HighErrorRate&severity=P1&service=api`),
 * a declare form prefilled with the alert's details; it never declares by itself. The page's
 * "Declare an incident" link opens the same form in a dialog over the runbook. Without alert
 * parameters it shows nothing and loads nothing until that link is used.
 */
export default function AlertDeclare({ playbook, scenario, declaration }: Props) {
	const { state, store } = useIncidentState();
	const now = useNow();
	const [alert, setAlert] = useState<AlertPrefill | undefined>(undefined);
	const [Flow, setFlow] = useState<typeof DeclareFlowType | undefined>(undefined);
	const [Dialog, setDialog] = useState<typeof DeclareDialogType | undefined>(undefined);
	useEffect(() => {
		const found = alertPrefill(new URLSearchParams(location.search), playbook.severities.map((s) => s.id));
		setAlert(found);
		if (found) void import('./declare/DeclareFlow').then((m) => setFlow(() => m.DeclareFlow));
		const open = (event: Event) => {
			if (!(event.target instanceof Element) || !event.target.closest(`[${DECLARE_HERE}]`)) return;
			event.preventDefault();
			void import('./DeclareDialog.onDemand').then((m) => setDialog(() => m.DeclareDialog));
		};
		document.addEventListener('click', open);
		return () => document.removeEventListener('click', open);
	}, []);
	const dialog = Dialog && <Dialog playbook={playbook} template={declaration} prefill={{ scenarios: [scenario] }} onClose={() => setDialog(undefined)} />;
	if (!alert || !store) return dialog ?? null;
	return (
		<div class="alert-declare pb-ui not-content">
			<p class="alert-note">
				Opened from alert <code>{alert.alert ?? 'without a name'}</code>
				{alert.severity && <> at {alert.severity}</>}
				{alert.services.length > 0 && <> for {alert.services.join(', ')}</>}. Check the details, then declare.
			</p>
			{Flow && (
				<Flow
					playbook={playbook}
					state={state}
					store={store}
					template={declaration}
					now={now}
					focusTitle={false}
					prefill={{
						severity: alert.severity,
						scenarios: [scenario],
						services: alert.services,
						alert: alert.alert,
						impact: alert.summary,
						title: alert.alert ? `${alert.alert}${alert.services.length > 0 ? ` on ${alert.services.join(', ')}` : ''}` : undefined,
					}}
					onDone={() => {
						// The declared incident, not the alert's form, is what a reload should show.
						history.replaceState(history.state, '', location.pathname);
					}}
					onCancel={() => {
						setAlert(undefined);
						history.replaceState(history.state, '', location.pathname);
					}}
				/>
			)}
			{dialog}
		</div>
	);
}
