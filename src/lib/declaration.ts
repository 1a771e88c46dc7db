/**
 * Declaring in one gesture: the declaration message, filled from the new incident, as it is
 * copied and logged. (What the form starts from is in declareDefaults.ts, which stays light.)
 */
import { composeMessage, FORMAT_LABELS, missingRequired, type GeneratorTemplate } from './composeMessage.ts';
import type { ClientPlaybook } from './clientPlaybook.ts';
import { incidentValues } from './messageValues.ts';
import { DOCUMENT_ROWS } from './postMortem.ts';
import type { MessageFormat } from './renderMessage.ts';
import type { Incident, State } from './state.ts';

/** The declaration message of an incident, filled from it, as it is copied. */
export function declarationText(
	template: Pick<GeneratorTemplate, 'text' | 'fields' | 'kind'>,
	incident: Incident,
	playbook: Pick<ClientPlaybook, 'severities' | 'statuses'>,
	format: MessageFormat,
	now: number,
): string {
	const values = incidentValues(template.fields, {
		incident,
		playbook,
		checklists: [],
		kind: 'message',
		now,
		rows: DOCUMENT_ROWS,
	});
	return composeMessage(template, values, format, { drill: incident.drill });
}

/** How the copy is logged on the timeline, as the message generators log theirs. */
export function copiedLabel(template: Pick<GeneratorTemplate, 'title'>, format: MessageFormat): string {
	return `Copied ${template.title} (${FORMAT_LABELS[format]})`;
}

/** The format messages are copied in: the one chosen once in this browser, Slack until then. */
export function messageFormat(state: State): MessageFormat {
	return state.messageFormat ?? 'slack';
}

/** The required values of the declaration the incident does not know yet: left out of the message, and named beside it. */
export function declarationMissing(
	template: Pick<GeneratorTemplate, 'fields'>,
	incident: Incident,
	playbook: Pick<ClientPlaybook, 'severities' | 'statuses'>,
	now: number,
): string[] {
	const values = incidentValues(template.fields, { incident, playbook, checklists: [], kind: 'message', now, rows: DOCUMENT_ROWS });
	return missingRequired(template.fields, values).map((f) => f.label);
}
