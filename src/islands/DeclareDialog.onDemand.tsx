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
	/**
	 * Asked to open again: a new value shows the dialog again after Back or Escape hid it, as it was
	 * left (with what was typed), unless what it was asked to start with changed. Without it, each new
	 * `prefill` object asks (a page that makes one per render passes this).
	 */
	opened?: number | undefined;
}

/** In the state of the history entry the open dialog adds: Back closes the dialog, not the page. */
const DIALOG_ENTRY = 'declareDialog';
const dialogEntry = () => (history.state as Record<string, unknown> | null)?.[DIALOG_ENTRY] === true;

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
export function DeclareDialog({
	playbook,
	prefill: given,
	onClose,
	onDeclared,
	workspaceLink = true,
	alertFromUrl = false,
	opened,
}: Props) {
	const startWith = () => (alertFromUrl ? withAlertFromUrl(playbook, given) : given);
	const [prefill, setPrefill] = useState(startWith);
	// A new form (nothing typed) when it opens again asked to start with something else (another level on the classifier).
	const [form, setForm] = useState(0);
	const asked = useRef(JSON.stringify(given));
	const { state, store } = useIncidentState();
	const now = useNow();
	const dialog = useRef<HTMLDialogElement>(null);
	const [declared, setDeclared] = useState<string | undefined>(undefined);
	const [styled, setStyled] = useState(false);
	// What opened the dialog gets the focus back as it closes (Escape, Cancel or Close), never <body>.
	const [opener, setOpener] = useState(() => document.activeElement);
	// Its history entry is the current one; closed by Back or Escape with nothing declared, it is only hidden
	// (its page keeps it, to show again as it was); the page's address as the dialog leaves it.
	const entry = useRef(false);
	const hide = useRef(false);
	const address = useRef('');
	useEffect(() => void loadDeclareStyles().then(() => setStyled(true)), []);
	// Opened once its styles apply, so it never shows unstyled; again each time its page asks.
	useEffect(() => {
		const element = dialog.current;
		if (!styled || !element || element.open) return;
		if (asked.current !== JSON.stringify(given)) {
			asked.current = JSON.stringify(given);
			setPrefill(startWith());
			setForm((n) => n + 1);
		}
		if (address.current) setOpener(document.activeElement);
		element.showModal();
		if (!entry.current) {
			history.pushState({ ...(history.state as object | null), [DIALOG_ENTRY]: true }, '');
			entry.current = true;
			address.current = location.href;
		}
	}, [styled, opened ?? given]);
	useEffect(() => {
		const onBack = () => {
			if (!entry.current || dialogEntry()) return;
			entry.current = false;
			// What the dialog changed in the address (an alert done with) stays changed.
			if (address.current !== location.href) history.replaceState(history.state, '', address.current);
			hide.current = declared === undefined;
			dialog.current?.close();
		};
		addEventListener('popstate', onBack);
		return () => removeEventListener('popstate', onBack);
	}, [declared]);
	// Leaves the dialog's history entry, keeping the address as the dialog and its page left it.
	const leaveEntry = () => {
		if (!entry.current) return;
		entry.current = false;
		const left = location.href;
		addEventListener('popstate', () => left !== location.href && history.replaceState(history.state, '', left), { once: true });
		history.back();
	};
	// Taken away by its page while open: its entry goes with it.
	useEffect(() => () => leaveEntry(), []);
	const close = () => dialog.current?.close();
	return (
		<dialog
			ref={dialog}
			class="declare-dialog pb-ui not-content"
			aria-labelledby={declared ? 'declared-title' : 'declare-title'}
			onCancel={() => {
				// Escape, or a phone's back gesture: put away, not thrown away, unless declared.
				hide.current = declared === undefined;
			}}
			onClose={() => {
				focusBack(opener);
				if (hide.current) {
					hide.current = false;
					leaveEntry();
					return;
				}
				onClose(declared);
				leaveEntry();
			}}
		>
			{store ? (
				<DeclareFlow
					key={form}
					playbook={playbook}
					state={state}
					store={store}
					prefill={prefill}
					now={now}
					onCancel={close}
					onDone={(id) => {
						setDeclared(id);
						onDeclared?.(id);
						address.current = location.href;
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
