/**
 * A template and its values, written out as the text a responder sends: blanks left empty show
 * their placeholder, a drill says so on its first line, and required blanks left empty are named
 * before sending.
 */
import type { TemplateField } from '../schemas/template';
import { escapeText, renderTemplate, type FieldValues, type ListItem, type MessageFormat } from './renderMessage';

/** A template as the generators get it, as plain data. */
export interface GeneratorTemplate {
	id: string;
	title: string;
	kind: 'message' | 'document';
	text: string;
	fields: TemplateField[];
}

/** The name of each format as responders know it. */
export const FORMAT_LABELS: Record<MessageFormat, string> = { slack: 'Slack', markdown: 'Markdown', plain: 'Plain text' };

/** What a drill's messages say first, so no one mistakes a game day for an outage. */
export const DRILL_NOTICE = 'This is a drill, not a real incident.';

/** The first line of every message and document about a drill, in a format. */
export function drillLine(format: MessageFormat): string {
	const marker = escapeText('[DRILL]', format);
	const bold = format === 'slack' ? `*${marker}*` : format === 'markdown' ? `**${marker}**` : marker;
	return `${bold} ${escapeText(DRILL_NOTICE, format)}`;
}

const hasText = (item: ListItem) => Object.values(item).some((v) => v.trim() !== '');
const trimItem = (item: ListItem): ListItem => Object.fromEntries(Object.entries(item).map(([k, v]) => [k, v.trim()]));

/** Is a value empty: no text, or a list with no row typed in? */
export function isBlank(value: FieldValues[string]): boolean {
	if (Array.isArray(value)) return !value.some(hasText);
	return (value ?? '').trim() === '';
}

/**
 * The values as they are shown and sent: text trimmed, an empty blank shows its placeholder,
 * and with no incident an empty list shows the template's example rows. With an incident, an
 * empty list stays empty (nothing was skipped, say), for the template's `{{^list}}` to speak of.
 */
export function shownValues(fields: readonly TemplateField[], values: FieldValues, hasIncident: boolean): FieldValues {
	return Object.fromEntries(
		fields.map((field) => {
			const value = values[field.name];
			if (field.items) {
				const rows = Array.isArray(value) ? value.filter(hasText).map(trimItem) : [];
				return [field.name, rows.length === 0 && !hasIncident ? (field.example ?? []) : rows];
			}
			const text = typeof value === 'string' ? value.trim() : '';
			return [field.name, text || field.placeholder];
		}),
	);
}

/** Options of {@link composeMessage}. */
export interface ComposeOptions {
	/** The incident is a drill: the text says so first. */
	drill: boolean;
	/** The values come from an incident (an empty list then means none, not "fill me in"). */
	hasIncident: boolean;
}

/** The text to send: the template filled with the values, in a format. */
export function composeMessage(template: Pick<GeneratorTemplate, 'text' | 'fields'>, values: FieldValues, format: MessageFormat, options: ComposeOptions): string {
	const body = renderTemplate(template.text, shownValues(template.fields, values, options.hasIncident), format).trim();
	return options.drill ? `${drillLine(format)}\n\n${body}` : body;
}

/** The required fields left empty, to warn about before sending. */
export function missingRequired(fields: readonly TemplateField[], values: FieldValues): TemplateField[] {
	return fields.filter((field) => field.required && isBlank(values[field.name]));
}
