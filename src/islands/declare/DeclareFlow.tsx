import { useState } from 'preact/hooks';
import type { ClientPlaybook } from '../../lib/clientPlaybook';
import type { GeneratorTemplate } from '../../lib/composeMessage';
import { copiedLabel, declarationText, messageFormat } from '../../lib/declaration';
import { findIncident, logMessage } from '../../lib/incidents';
import type { State } from '../../lib/state';
import type { Store } from '../../lib/store';
import { copyText } from '../copyText';
import { DeclareForm, type DeclarePrefill } from '../workspace/DeclareForm';
import { Declared, type CopiedDeclaration } from './Declared';

interface Props {
	playbook: ClientPlaybook;
	state: State;
	store: Store;
	/** The declaration message, copied as the incident is declared. */
	template?: GeneratorTemplate | undefined;
	prefill: DeclarePrefill;
	now: number;
	onCancel?: (() => void) | undefined;
	/** Called once the incident is declared and the message copied (or offered). */
	onDone?: ((id: string) => void) | undefined;
	/** Show a link to the workspace once declared (not on the workspace itself). */
	workspaceLink?: boolean | undefined;
}

/**
 * Declare and post in one gesture: the submit declares the incident and, in the same task (so the
 * browser allows the clipboard), copies the declaration message in this browser's format and logs
 * it; then shows what comes next.
 */
export function DeclareFlow({ playbook, state, store, template, prefill, now, onCancel, onDone, workspaceLink }: Props) {
	const [declared, setDeclared] = useState<{ id: string; message?: CopiedDeclaration | undefined } | undefined>(undefined);
	const incident = declared && findIncident(state, declared.id);
	const log = (id: string, format: CopiedDeclaration['format']) => template && store.update((s, at) => logMessage(s, id, copiedLabel(template, format), at));

	const onDeclared = (id: string) => {
		const current = store.get();
		const fresh = findIncident(current, id);
		if (!template || !fresh) {
			setDeclared({ id });
			onDone?.(id);
			return;
		}
		const format = messageFormat(current);
		const text = declarationText(template, fresh, playbook, format, Date.now());
		// No await before this call: the clipboard is allowed only within the submit's own task.
		void copyText(text).then((copied) => {
			if (copied) log(id, format);
			setDeclared({ id, message: { text, format, copied } });
			onDone?.(id);
		});
	};

	if (declared && incident) {
		return (
			<Declared
				incident={incident}
				playbook={playbook}
				message={declared.message}
				now={now}
				workspaceLink={workspaceLink}
				onCopiedByHand={() => {
					const message = declared.message;
					if (!message || message.copied) return;
					log(declared.id, message.format);
					setDeclared({ ...declared, message: { ...message, copied: true } });
				}}
			/>
		);
	}
	return (
		<DeclareForm
			playbook={playbook}
			state={state}
			store={store}
			prefill={prefill}
			onDeclared={onDeclared}
			onCancel={onCancel}
			focusTitle
			submitLabel={template ? 'Declare and copy the message' : 'Declare incident'}
		/>
	);
}
