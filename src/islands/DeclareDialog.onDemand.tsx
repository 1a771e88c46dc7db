import { useEffect, useRef, useState } from 'preact/hooks';
import type { ClientPlaybook } from '../lib/clientPlaybook';
import type { GeneratorTemplate } from '../lib/composeMessage';
import { DeclareFlow } from './declare/DeclareFlow';
import { useIncidentState, useNow } from './useStore';
import type { DeclarePrefill } from './workspace/DeclareForm';

interface Props {
	playbook: ClientPlaybook;
	template?: GeneratorTemplate | undefined;
	prefill: DeclarePrefill;
	onClose: () => void;
}

/**
 * The declare form in a dialog over the page it was opened from (the classifier, a runbook): no
 * navigation, the title focused; once declared, what comes next, in the same place.
 */
export function DeclareDialog({ playbook, template, prefill, onClose }: Props) {
	const { state, store } = useIncidentState();
	const now = useNow();
	const dialog = useRef<HTMLDialogElement>(null);
	const [declared, setDeclared] = useState(false);
	useEffect(() => {
		if (!dialog.current?.open) dialog.current?.showModal();
	}, []);
	const close = () => dialog.current?.close();
	return (
		<dialog ref={dialog} class="declare-dialog pb-ui not-content" aria-labelledby={declared ? 'declared-title' : 'declare-title'} onClose={onClose}>
			{store ? (
				<DeclareFlow playbook={playbook} state={state} store={store} template={template} prefill={prefill} now={now} onCancel={close} onDone={() => setDeclared(true)} />
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
