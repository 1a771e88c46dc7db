/**
 * The part of declaring that writes the message: loaded once the responder starts on the declare
 * form (a user action), so pages that only offer the form do not carry the template engine.
 */
import type { ClientPlaybook } from '../../lib/clientPlaybook';
import type { GeneratorTemplate } from '../../lib/composeMessage';
import { copiedLabel, declarationText } from '../../lib/declaration';
import { messageFormat } from '../../lib/declareDefaults';
import { findIncident, logMessage } from '../../lib/incidents';
import type { Store } from '../../lib/store';
import { copyText } from '../copyText';
import type { CopiedDeclaration } from './Declared';

export { Declared } from './Declared';

/**
 * Copy the new incident's declaration in this browser's format and log it once copied. Call it in
 * the submit's own task: the clipboard call is made before anything is awaited.
 */
export function copyDeclaration(store: Store, template: GeneratorTemplate, playbook: ClientPlaybook, id: string): Promise<CopiedDeclaration | undefined> {
	const state = store.get();
	const incident = findIncident(state, id);
	if (!incident) return Promise.resolve(undefined);
	const format = messageFormat(state);
	const text = declarationText(template, incident, playbook, format, Date.now());
	return copyText(text).then((copied) => {
		if (copied) logCopy(store, template, id, format);
		return { text, format, copied };
	});
}

/** Log on the timeline that the declaration was copied (by the clipboard or by hand). */
export function logCopy(store: Store, template: GeneratorTemplate, id: string, format: CopiedDeclaration['format']): void {
	store.update((s, at) => logMessage(s, id, copiedLabel(template, format), at));
}
