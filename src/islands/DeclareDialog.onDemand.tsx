import { useEffect, useRef, useState } from 'preact/hooks';
import { alertDeclaration, alertPrefill } from '../lib/alertParams.ts';
import type { ClientPlaybook } from '../lib/clientPlaybook.ts';
import { DeclareFlow } from './declare/DeclareFlow.tsx';
import { focusBack } from './declare/focusBack.ts';
import { loadDeclareStyles } from './declare/declareStyles.ts';
import { useNow } from './useNow.ts';
import { useIncidentState } from './useStore.ts';
import type { DeclarePrefill } from './workspace/DeclareForm.tsx';

interface Props {
	playbook: ClientPlaybook;
	prefill: DeclarePrefill;
	/** Called as the dialog closes, with the incident declared in it, if any. */
	onClose: (declaredId: string | undefined) => void;
	/** Called as soon as an incident is declared (or an alert added to one) in it, while it still shows what comes next. */
	onDeclared?: ((id: string) => void) | undefined;
	/** Offer the workspace once declared (not when opened on the workspace). */
	workspaceLink?: boolean | undefined;
	/** Add what the page's address says of an alert (the classifier opened for one no runbook lists). */
	alertFromUrl?: boolean | undefined;
}

/** The alert the page's address names (its link's parameters), if any. */
const alertFromAddress = (playbook: ClientPlaybook) =>
	alertPrefill(
		new URLSearchParams(location.search),
		playbook.severities.map((s) => s.id),
	);

/**
 * The prefill with the alert the page's address names: its name and services as the title, its
 * services, its summary as the impact. The prefill's level and runbooks stand (the classification decides).
 */
export function withAlertFromUrl(playbook: ClientPlaybook, prefill: DeclarePrefill): DeclarePrefill {
	const alert = alertFromAddress(playbook);
	if (!alert) return prefill;
	return { ...alertDeclaration(alert, prefill.scenarios ?? []), severity: prefill.severity, impact: alert.summary ?? prefill.impact };
}

/** What the URL asks the declare form to start with (the workspace opened from an alert's link, or `?scenario=`). */
export function prefillFromUrl(playbook: ClientPlaybook): DeclarePrefill {
	const scenario = new URLSearchParams(location.search).get('scenario') ?? '';
	// An unknown id matches no box in the form, so it is dropped there.
	const scenarios = scenario ? [scenario] : [];
	const alert = alertFromAddress(playbook);
	return alert ? alertDeclaration(alert, scenarios) : { scenarios };
}

/**
 * The declare form in a dialog over the page it was opened from (the classifier, a runbook): no
 * navigation, the title focused; once declared, what comes next, in the same place.
 */
export function DeclareDialog({ playbook, prefill: given, onClose, onDeclared, workspaceLink = true, alertFromUrl = false }: Props) {
	const [prefill] = useState(() => (alertFromUrl ? withAlertFromUrl(playbook, given) : given));
	const { state, store } = useIncidentState();
	const now = useNow();
	const dialog = useRef<HTMLDialogElement>(null);
	const [declared, setDeclared] = useState<string | undefined>(undefined);
	const [styled, setStyled] = useState(false);
	// What opened the dialog gets the focus back as it closes (Escape, Cancel or Close), never <body>.
	const [opener] = useState(() => document.activeElement);
	useEffect(() => void loadDeclareStyles().then(() => setStyled(true)), []);
	// Opened once its styles apply, so it never shows unstyled.
	useEffect(() => {
		if (styled && !dialog.current?.open) dialog.current?.showModal();
	}, [styled]);
	const close = () => dialog.current?.close();
	return (
		<dialog
			ref={dialog}
			class="declare-dialog pb-ui not-content"
			aria-labelledby={declared ? 'declared-title' : 'declare-title'}
			onClose={() => {
				focusBack(opener);
				onClose(declared);
			}}
		>
			{store ? (
				<DeclareFlow
					playbook={playbook}
					state={state}
					store={store}
					prefill={prefill}
					now={now}
					onCancel={close}
					onDone={(id) => {
						setDeclared(id);
						onDeclared?.(id);
					}}
					workspaceLink={workspaceLink}
				/>
			) : (
				<p role="status">Loading the incidents kept in this browser…</p>
			)}
			{declared && (
				<p class="actions">
					<button type="button" onClick={close}>
						Close
					</button>
				</p>
			)}
		</dialog>
	);
}
