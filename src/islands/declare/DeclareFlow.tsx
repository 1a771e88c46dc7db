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
	/**
	 * Called once the incident is declared and the message copied (or offered). A parent that
	 * shows what comes next itself (the workspace) returns true, and this flow shows nothing more.
	 */
	onDone?: ((id: string, message: CopiedDeclaration | undefined) => boolean | void) | undefined;
	/** Show a link to the workspace once declared (not on the workspace itself). */
	workspaceLink?: boolean | undefined;
	/** Focus the title as the form opens: it was opened by a click, not met on a page. */
	focusTitle?: boolean | undefined;
}

/**
 * Declare and post in one gesture: the submit declares the incident and, in the same task (so the
 * browser allows the clipboard), copies the declaration message in this browser's format and logs
 * it; then shows what comes next.
 */
export function DeclareFlow({ playbook, state, store, template, prefill, now, onCancel, onDone, workspaceLink, focusTitle = true }: Props) {
	const [declared, setDeclared] = useState<{ id: string; message?: CopiedDeclaration | undefined } | undefined>(undefined);
	const finish = (id: string, message?: CopiedDeclaration) => {
		if (onDone?.(id, message) !== true) setDeclared({ id, message });
	};
	const incident = declared && findIncident(state, declared.id);
	const log = (id: string, format: CopiedDeclaration['format']) => template && store.update((s, at) => logMessage(s, id, copiedLabel(template, format), at));

	const onDeclared = (id: string) => {
		const current = store.get();
		const fresh = findIncident(current, id);
		if (!template || !fresh) return finish(id);
		const format = messageFormat(current);
		const text = declarationText(template, fresh, playbook, format, Date.now());
		// No await before this call: the clipboard is allowed only within the submit's own task.
		void copyText(text).then((copied) => {
			if (copied) log(id, format);
			finish(id, { text, format, copied });
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
			focusTitle={focusTitle}
			submitLabel={template ? 'Declare and copy the message' : 'Declare incident'}
		/>
	);
}
