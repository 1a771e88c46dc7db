import { urls } from '../lib/urls';
import { useEffect, useState } from 'preact/hooks';
import { alertPrefill, type AlertPrefill } from '../lib/alertParams';
import type { ClientPlaybook } from '../lib/clientPlaybook';
import { useIncidentState } from './useStore';
import type { DeclareForm as DeclareFormType } from './workspace/DeclareForm';

interface Props {
	playbook: ClientPlaybook;
	/** The runbook page's scenario. */
	scenario: string;
}

/**
 * On a runbook page opened from an alert's link (`?alert=HighErrorRate&severity=P1&service=api`),
 * a declare form prefilled with the alert's details. It never declares by itself; without alert
 * parameters it shows nothing and loads nothing more.
 */
export default function AlertDeclare({ playbook, scenario }: Props) {
	const { state, store } = useIncidentState();
	const [alert, setAlert] = useState<AlertPrefill | undefined>(undefined);
	const [Form, setForm] = useState<typeof DeclareFormType | undefined>(undefined);
	const [declared, setDeclared] = useState('');
	useEffect(() => {
		const found = alertPrefill(new URLSearchParams(location.search), playbook.severities.map((s) => s.id));
		setAlert(found);
		if (found) void import('./workspace/DeclareForm').then((m) => setForm(() => m.DeclareForm));
	}, []);
	if (!alert || !store) return null;
	if (declared) {
		return (
			<div class="alert-declare pb-ui not-content" role="status">
				<p>
					Incident <code>{declared}</code> declared. Work through this runbook below; the bar above follows the clocks.{' '}
					<a href={urls.incident()}>Open the workspace</a>
				</p>
			</div>
		);
	}
	return (
		<div class="alert-declare pb-ui not-content">
			<p class="alert-note">
				Opened from alert <code>{alert.alert ?? 'without a name'}</code>
				{alert.severity && <> at {alert.severity}</>}
				{alert.services.length > 0 && <> for {alert.services.join(', ')}</>}. Check the details, then declare.
			</p>
			{Form && (
				<Form
					playbook={playbook}
					state={state}
					store={store}
					prefill={{
						severity: alert.severity,
						scenarios: [scenario],
						services: alert.services,
						alert: alert.alert,
						impact: alert.summary,
						title: alert.alert ? `${alert.alert}${alert.services.length > 0 ? ` on ${alert.services.join(', ')}` : ''}` : undefined,
					}}
					onDeclared={(id) => {
						setDeclared(id);
						history.replaceState(history.state, '', location.pathname);
					}}
					onCancel={() => {
						setAlert(undefined);
						history.replaceState(history.state, '', location.pathname);
					}}
				/>
			)}
		</div>
	);
}
