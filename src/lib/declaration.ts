/**
 * Declaring in one gesture: what a new declaration starts from (this browser's last incident,
 * the classifier's reasons) and the declaration message copied as the incident is declared.
 */
import { composeMessage, FORMAT_LABELS, type GeneratorTemplate } from './composeMessage';
import type { ClientPlaybook } from './clientPlaybook';
import { lastIncident } from './incidents';
import { incidentValues } from './messageValues';
import type { MessageFormat } from './renderMessage';
import type { Incident, State } from './state';

/** Who is on it and what is hit, as this browser's last incident had them: a new one starts there. */
export interface RememberedDetails {
	services: string[];
	onCall: string;
	commander: string;
	responder: string;
}

/** The details a new declaration starts from, remembered from the last incident declared here. */
export function rememberedDetails(state: State): RememberedDetails {
	const last = lastIncident(state);
	return {
		services: last?.services ?? [],
		onCall: last?.onCall ?? '',
		commander: last?.commander ?? '',
		responder: state.responder,
	};
}

/** The impact a classification implies: the criteria that matched, in the playbook's words. */
export function impactFromReasons(reasons: readonly string[]): string {
	return [...new Set(reasons.map((r) => r.trim()).filter(Boolean))].join('; ');
}

/** The format messages are copied in: the one chosen once in this browser, Slack until then. */
export function messageFormat(state: State): MessageFormat {
	return state.messageFormat ?? 'slack';
}

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
	});
	return composeMessage(template, values, format, { drill: incident.drill });
}

/** How the copy is logged on the timeline, as the message generators log theirs. */
export function copiedLabel(template: Pick<GeneratorTemplate, 'title'>, format: MessageFormat): string {
	return `Copied ${template.title} (${FORMAT_LABELS[format]})`;
}
