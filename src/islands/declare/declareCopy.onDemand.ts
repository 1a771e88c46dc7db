/**
 * The part of declaring that writes the message: loaded once the responder starts on the declare
 * form (a user action), with the declaration template fetched from the scenario data, so pages
 * that only offer the form carry neither the template nor the template engine.
 */
import type { ClientPlaybook } from '../../lib/clientPlaybook.ts';
import type { GeneratorTemplate } from '../../lib/composeMessage.ts';
import { copiedLabel, declarationMissing, declarationText, messageFormat } from '../../lib/declaration.ts';
import { findIncident, logMessage } from '../../lib/incidents.ts';
import type { Store } from '../../lib/store.ts';
import { urls } from '../../lib/urls.ts';
import { copyText } from '../copyText.ts';
import { loadScenarioData } from '../useScenarios.ts';
import type { CopiedDeclaration } from './Declared.tsx';
import { loadDeclareStyles } from './declareStyles.ts';

export { Declared } from './Declared.tsx';
export { NotKept } from './NotKept.tsx';

// What comes next is styled, and the template is in, by the time the responder submits.
void loadDeclareStyles();
let template: GeneratorTemplate | undefined;
const templateLoaded = loadScenarioData(urls.scenarioData()).then(
	(data) => (template = data.declaration),
	() => undefined,
);

/** The declaration template: at once once fetched, so the copy stays within the submit's task. */
function withTemplate<T>(use: (t: GeneratorTemplate | undefined) => Promise<T>): Promise<T> {
	return template ? use(template) : templateLoaded.then(() => use(template));
}

/**
 * Copy the new incident's declaration in this browser's format and log it once copied. Call it in
 * the submit's own task: the clipboard call is made before anything is awaited (once the template
 * is in, which it is unless the responder submitted within moments of opening the form).
 */
export function copyDeclaration(store: Store, playbook: ClientPlaybook, id: string): Promise<CopiedDeclaration | undefined> {
	return withTemplate((declaration) => {
		const state = store.get();
		const incident = findIncident(state, id);
		if (!declaration || !incident) return Promise.resolve(undefined);
		const format = messageFormat(state);
		const now = Date.now();
		const text = declarationText(declaration, incident, playbook, format, now);
		const missing = declarationMissing(declaration, incident, playbook, now);
		return copyText(text).then((copied) => {
			if (copied) logCopy(store, id, format);
			return { text, format, copied, missing };
		});
	});
}

/** Log on the timeline that the declaration was copied (by the clipboard or by hand). */
export function logCopy(store: Store, id: string, format: CopiedDeclaration['format']): void {
	if (template) store.update((s, at) => logMessage(s, id, copiedLabel(template!, format), at));
}
