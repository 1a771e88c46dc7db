/**
 * The incident bar's "Post update": the status update filled from the incident, put on the
 * clipboard and logged on the timeline. Loaded on the first click, so pages do not carry the
 * message-rendering code for a button most visits never press.
 */
import { mentionWarnings } from '../lib/broadcastMentions.ts';
import { clockWarning } from '../lib/clockSkew.ts';
import { copiedLine } from '../lib/copiedMessages.ts';
import { formatUtcTime } from '../lib/clocks.ts';
import { composeMessage, FORMAT_LABELS, missingRequired, type GeneratorTemplate } from '../lib/composeMessage.ts';
import type { ClientPlaybook } from '../lib/clientPlaybook.ts';
import { findIncident, logMessage } from '../lib/incidents.ts';
import { incidentValues } from '../lib/messageValues.ts';
import { DOCUMENT_ROWS } from '../lib/postMortem.ts';
import type { MessageFormat } from '../lib/renderMessage.ts';
import type { Store } from '../lib/store.ts';
import { templateHref, urls } from '../lib/urls.ts';

/**
 * What came of a click: copied and logged, or why not (the generator then takes over: `href`, the
 * template's own when it loaded, the communication page otherwise). Copied in one press only when
 * the generator would have nothing to say before sending it: a value to write (`missing`), or a
 * warning (`check`): a mention that notifies the whole channel, times worked out from a clock
 * behind the incident's record.
 */
export type PostOutcome =
	| { done: true; message: string }
	| { done: false; reason: 'refused' | 'gone'; message: string; href: string }
	| { done: false; reason: 'missing'; message: string; href: string; missing: string[]; form: string }
	| { done: false; reason: 'check'; message: string; href: string; form: string };

/**
 * Copy the update for the incident in the format the responder chose once (its template fetched
 * from the site, precached offline) and log it.
 */
export async function postUpdate(
	store: Store,
	incidentId: string,
	playbook: Pick<ClientPlaybook, 'severities' | 'statuses'>,
	format: MessageFormat = store.get().messageFormat ?? 'slack',
): Promise<PostOutcome> {
	const template = (await fetch(urls.updateTemplate())
		.then((r) => r.json())
		.catch(() => null)) as GeneratorTemplate | null;
	const incident = findIncident(store.get(), incidentId);
	if (!template)
		return {
			done: false,
			reason: 'refused',
			message: 'The update template could not be loaded: opening the message page.',
			href: urls.communication(),
		};
	// For this incident (the bar may show one other than the workspace's, once that one is resolved).
	const href = templateHref(template.id, incidentId);
	if (!incident) return { done: false, reason: 'gone', message: 'The incident is no longer open here.', href };
	const now = Date.now();
	const values = incidentValues(template.fields, {
		incident,
		playbook,
		checklists: [],
		kind: 'message',
		now,
		rows: DOCUMENT_ROWS,
	});
	const missing = missingRequired(template.fields, values).map((f) => f.label);
	if (missing.length > 0)
		return {
			done: false,
			reason: 'missing',
			message: `${missing.join(', ')} still to write: opening the ${template.title} form.`,
			href,
			missing,
			form: template.title,
		};
	// What the generator shows by its copy button, said instead of copying.
	const cautions = [...mentionWarnings(template.fields, values), ...[clockWarning(incident, now) ?? []].flat()];
	if (cautions.length > 0)
		return { done: false, reason: 'check', message: `Not copied: ${cautions.join(' ')}`, href, form: template.title };
	const text = composeMessage(template, values, format, { drill: incident.drill });
	try {
		await navigator.clipboard.writeText(text);
	} catch {
		return { done: false, reason: 'refused', message: 'The clipboard was refused: opening the message to copy by hand.', href };
	}
	const label = `${template.title} (${FORMAT_LABELS[format]})`;
	store.update((s, at) => logMessage(s, incidentId, copiedLine(template.title, FORMAT_LABELS[format]), at));
	return { done: true, message: `${label} copied at ${formatUtcTime(Date.now())} and logged. Paste it in ${incident.channel}.` };
}
