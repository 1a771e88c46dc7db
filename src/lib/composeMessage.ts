/**
 * A template and its values, written out as the text a responder sends. A copied message holds
 * facts only: a placeholder is a hint inside an input, never pasted as a value; a line whose value
 * is unknown is left out, and a required blank left empty is named before sending (broadcast
 * mentions typed into a chat message are flagged by broadcastMentions.ts). A drill says so first.
 */
import type { TemplateField } from '../schemas/template.ts';
import { TAG } from './templateSyntax.ts';
import { escapeText, renderTemplate, type FieldValues, type ListItem, type MessageFormat } from './renderMessage.ts';

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
 * The values as they are sent: text trimmed, list rows with nothing typed in dropped. An empty
 * blank stays empty (its line is left out, see {@link withoutUnknownLines}): its placeholder and
 * a list's example rows are hints for the inputs and the static page, never values.
 */
export function shownValues(fields: readonly TemplateField[], values: FieldValues): FieldValues {
	return Object.fromEntries(
		fields.map((field) => {
			const value = values[field.name];
			if (field.items) return [field.name, Array.isArray(value) ? value.filter(hasText).map(trimItem) : []];
			return [field.name, typeof value === 'string' ? value.trim() : ''];
		}),
	);
}

/** Which lines of the text stay: see {@link withoutUnknownLines}. */
function keptLines(lines: readonly string[], known: (name: string) => boolean): boolean[] {
	let depth = 0;
	return lines.map((line) => {
		const tags = [...line.matchAll(TAG)];
		const outside = depth === 0;
		for (const [, sigil] of tags) {
			if (sigil === '#') depth++;
			else if (sigil === '/' && depth > 0) depth--;
		}
		if (!outside || tags.some(([, sigil]) => sigil !== '')) return true;
		return tags.every(([, , name = '']) => known(name));
	});
}

/**
 * The template's text without the lines that insert a value not known: "Impact: {{impact}}" goes
 * when the impact is empty, rather than being sent half-written. Only lines outside a `{{#list}}`
 * repeat and holding no section tag of their own are left out, so the template keeps its shape.
 */
export function withoutUnknownLines(text: string, known: (name: string) => boolean): string {
	const lines = text.split('\n');
	const kept = keptLines(lines, known);
	return lines.filter((_, i) => kept[i]).join('\n');
}

const HEADING = /^#{1,6}\s+(.+?)\s*#*\s*$/;

/**
 * {@link withoutUnknownLines}, and a Markdown heading whose lines were all left out shows the known
 * value of the field labelled as the heading instead of standing bare: "## Impact" takes the
 * "Impact" the summary shows when its detailed lines are not written yet.
 */
export function withSectionsFilled(
	text: string,
	fields: readonly Pick<TemplateField, 'name' | 'label' | 'items'>[],
	known: (name: string) => boolean,
	filled: (name: string) => boolean,
): string {
	const lines = text.split('\n');
	const kept = keptLines(lines, known);
	const out: string[] = [];
	lines.forEach((line, i) => {
		if (!kept[i]) return;
		out.push(line);
		const heading = line.match(HEADING)?.[1];
		if (heading === undefined || line.match(TAG)) return;
		const next = lines.findIndex((l, j) => j > i && HEADING.test(l));
		const section = lines.slice(i + 1, next === -1 ? lines.length : next).map((l, j) => ({ line: l, kept: kept[i + 1 + j] }));
		const emptied = section.some((l) => !l.kept) && section.every((l) => !l.kept || l.line.trim() === '');
		const field = fields.find((f) => !f.items && f.label.trim().toLowerCase() === heading.toLowerCase() && filled(f.name));
		if (emptied && field) out.push(`{{${field.name}}}`);
	});
	return out.join('\n');
}

/** A placeholder hint in a template's text: "[Action item]", "[Name]" (not a task box "[ ]" nor a link). */
const HINT = /\[(?![ xX]\])[^\]\n]+\](?!\()/;

/**
 * The text with every `{{^list}}…{{/list}}` (written when the list is empty) rid of placeholder
 * hints: "- [ ] [Action item] - Owner: [Name]" would read as an item in a download, so lines with
 * hints go and, when nothing else is left, say "No action items recorded yet." (the list's label).
 */
export function withoutPlaceholderRows(text: string, fields: readonly Pick<TemplateField, 'name' | 'label'>[]): string {
	return text.replace(
		/(\{\{\s*\^\s*([A-Za-z][A-Za-z0-9_]*)\s*\}\})([\s\S]*?)(\{\{\s*\/\s*\2\s*\}\})/g,
		(all, open: string, name: string, body: string, close: string) => {
			const lines = body.split('\n');
			if (!lines.some((l) => HINT.test(l))) return all;
			const rest = lines.filter((l) => !HINT.test(l));
			if (rest.some((l) => l.trim() !== '')) return `${open}${rest.join('\n')}${close}`;
			const label =
				fields
					.find((f) => f.name === name)
					?.label.trim()
					.toLowerCase() ?? 'items';
			const at = lines.findIndex((l) => HINT.test(l));
			const said = [
				...lines.slice(0, at).filter((l) => !HINT.test(l)),
				`No ${label} recorded yet.`,
				...lines.slice(at + 1).filter((l) => !HINT.test(l)),
			];
			return `${open}${said.join('\n')}${close}`;
		},
	);
}

/** Options of {@link composeMessage}. */
export interface ComposeOptions {
	/** The incident is a drill: the text says so first. */
	drill: boolean;
}

/** The text to send: the template filled with the values, in a format. */
export function composeMessage(
	template: Pick<GeneratorTemplate, 'text' | 'fields'>,
	values: FieldValues,
	format: MessageFormat,
	options: ComposeOptions,
): string {
	const shown = shownValues(template.fields, values);
	const known = (name: string) => !isBlank(shown[name]) || !template.fields.some((f) => f.name === name && !f.items);
	const filled = (name: string) => !isBlank(shown[name]);
	const text = withSectionsFilled(withoutPlaceholderRows(template.text, template.fields), template.fields, known, filled);
	const body = renderTemplate(text, shown, format).trim();
	return options.drill ? `${drillLine(format)}\n\n${body}` : body;
}

/** The required fields left empty, to warn about before sending. */
export function missingRequired(fields: readonly TemplateField[], values: FieldValues): TemplateField[] {
	return fields.filter((field) => field.required && isBlank(values[field.name]));
}

/** The required values left empty, in words, to show before sending. */
export function missingWarnings(fields: readonly TemplateField[], values: FieldValues): string[] {
	return missingRequired(fields, values).map((f) => `${f.label} is missing: its line is left out until you fill it in.`);
}
