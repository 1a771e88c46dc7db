import { useEffect, useRef, useState } from 'preact/hooks';
import { alertDeclaration, alertPrefill } from '../lib/alertParams.ts';
import type { CLASSIFIED_QUERY } from '../lib/classify.ts';
import type { ClientPlaybook } from '../lib/clientPlaybook.ts';
import { DeclareFlow } from './declare/DeclareFlow.tsx';
import { focusBack } from '../lib/focusBack.ts';
import { loadDeclareStyles } from './declare/declareStyles.ts';
import { useNow } from './useNow.ts';
import { useIncidentState } from './useStore.ts';
import type { DeclarePrefill } from './workspace/DeclareForm.tsx';
import { offeredChange } from '../lib/declareInput.ts';
import type { State } from '../lib/state.ts';

/**
 * The dialog's history entry (lib/dialogEntry.ts), loaded apart as the search dialog does: a module
 * shared by two dialogs would otherwise join the preload lists of the code every runbook loads.
 * Asked for as this code loads, it is in long before the form shows; the calls keep their order.
 * Not to be had (offline before it was cached): Back leaves the page as it would without it, and a
 * link in the dialog is still followed.
 */
const entry = import('../lib/dialogEntry.ts');
entry.catch(() => undefined);
const enterDialog = (back: () => void) =>
	void entry.then(
		(rules) => rules.enterDialog(back),
		() => undefined,
	);
const leaveDialog = (then?: () => void) => void entry.then((rules) => rules.leaveDialog(then), then);
const carryAddress = () =>
	void entry.then(
		(rules) => rules.carryAddress(),
		() => undefined,
	);

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
	 * left (with what was typed), unless it is asked for another level. Without it, each new `prefill`
	 * object asks (a page that makes one per render passes this).
	 */
	opened?: number | undefined;
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
	return {
		...alertDeclaration(alert, prefill.scenarios ?? []),
		severity: prefill.severity,
		classified: prefill.classified,
		alertSummary: alert.summary,
		impact: alert.summary ?? prefill.impact,
	};
}

/**
 * What the dialog opened with `given` (and the address's alert) offers first, as its opener's Declare
 * says it: "Raise P2 to P0", or undefined when declaring is the offer (offeredChange).
 */
export const declareLabel = (playbook: ClientPlaybook, state: State, given: DeclarePrefill): string | undefined =>
	offeredChange(playbook.severities, state, withAlertFromUrl(playbook, given));

/** What the URL asks the declare form to start with (the workspace opened from an alert's link, or `?scenario=`). */
export function prefillFromUrl(playbook: ClientPlaybook): DeclarePrefill {
	const params = new URLSearchParams(location.search);
	// An unknown id matches no box in the form, so it is dropped there.
	const scenarios = [...new Set(params.getAll('scenario').filter(Boolean))];
	const alert = alertFromAddress(playbook);
	const prefill: DeclarePrefill = alert ? alertDeclaration(alert, scenarios) : { scenarios };
	// The classifier's Declare, opened in a new tab (or with no scripts yet): its level is a classification's there too.
	const classified = prefill.severity !== undefined && params.has('classified' satisfies typeof CLASSIFIED_QUERY);
	// There the impact is the alert's own summary, if any (the criteria do not come with the link).
	return classified ? { ...prefill, classified, alertSummary: prefill.impact } : prefill;
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
	// A new form (nothing typed) when it opens again for another level (the classification changed).
	const [form, setForm] = useState(0);
	const level = useRef(given.severity);
	const { state, store } = useIncidentState();
	const now = useNow();
	const dialog = useRef<HTMLDialogElement>(null);
	const [declared, setDeclared] = useState<string | undefined>(undefined);
	const done = useRef<string | undefined>(undefined);
	const [styled, setStyled] = useState(false);
	// What opened the dialog gets the focus back as it closes (Escape, Cancel or Close), never <body>. Opened by
	// its page from a link (the workspace's ?scenario=), the page's own Declare button stands for the opener.
	const [opener, setOpener] = useState(() =>
		document.activeElement === document.body ? document.querySelector('main button.primary') : document.activeElement,
	);
	// Closed by Back or Escape with nothing declared, it is only put away: its page keeps it, to show again as it was.
	const hide = useRef(false);
	const shown = useRef(false);
	// A link in the dialog, followed once its history entry is gone (Back from there returns to the page, not the dialog).
	const link = useRef<string | undefined>(undefined);
	useEffect(() => void loadDeclareStyles().then(() => setStyled(true)), []);
	// Opened once its styles apply, so it never shows unstyled; again each time its page asks.
	useEffect(() => {
		const element = dialog.current;
		if (!styled || !element || element.open) return;
		if (level.current !== given.severity) {
			level.current = given.severity;
			setPrefill(startWith());
			setForm((n) => n + 1);
		}
		if (shown.current) setOpener(document.activeElement);
		shown.current = true;
		element.showModal();
		enterDialog(() => {
			hide.current = done.current === undefined;
			element.close();
		});
	}, [styled, opened ?? given]);
	// Taken away by its page while open: its entry goes with it.
	useEffect(() => () => leaveDialog(), []);
	const close = () => dialog.current?.close();
	return (
		<dialog
			ref={dialog}
			class="declare-dialog pb-ui not-content"
			aria-labelledby={declared ? 'declared-title' : 'declare-title'}
			onCancel={() => {
				// Escape, or a phone's back gesture: put away, not thrown away, unless declared.
				hide.current = done.current === undefined;
			}}
			onClick={(event) => {
				const a = event.target instanceof Element ? event.target.closest<HTMLAnchorElement>('a[href]') : null;
				if (!a || event.defaultPrevented || event.button || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || a.target)
					return;
				event.preventDefault();
				link.current = a.href;
				hide.current = done.current === undefined;
				dialog.current?.close();
			}}
			onClose={() => {
				const to = link.current;
				link.current = undefined;
				const follow = to ? () => location.assign(to) : undefined;
				if (!to) focusBack(opener);
				if (hide.current) {
					hide.current = false;
					return leaveDialog(follow);
				}
				onClose(declared);
				leaveDialog(follow);
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
						done.current = id;
						const before = location.href;
						onDeclared?.(id);
						if (location.href !== before) carryAddress();
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
