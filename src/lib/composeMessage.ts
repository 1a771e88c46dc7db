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
	/** The message says the incident is over (see the template schema). */
	whenClosed?: boolean | undefined;
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

/** A Markdown heading line and its words. */
const HEADING = /^#+ +(.+)/;

/** A placeholder hint in a template's text: "[Action item]", "[Name]" (not a task box "[ ]" nor a link). */
const HINT = /\[(?![ xX]\])[^\]]+\](?!\()/;

/**
 * The template's text without the lines that insert a value not known: "Impact: {{impact}}" goes
 * when the impact is empty, rather than being sent half-written. Only lines outside a `{{#list}}`
 * repeat and holding no section tag of their own are left out, so the template keeps its shape.
 * Rows of a `{{^list}}` (written when the list is empty) holding a [hint] go too, since in a
 * download "- [ ] [Action item] - Owner: [Name]" reads as an item: `none` gives the line that
 * says the list is empty instead. So does a heading whose every line was left out: it says its
 * section is empty rather than standing bare ("## Lessons Learned" and nothing under it).
 */
export function withoutUnknownLines(
	text: string,
	known: (name: string) => boolean,
	none?: (empty: { list: string } | { heading: string }) => string,
): string {
	let depth = 0;
	let empty: { at: number; name: string; dropped?: boolean } | undefined;
	let section: { at: number; heading: string; dropped?: boolean } | undefined;
	const out: string[] = [];
	const endSection = () => {
		if (section?.dropped && none && out.slice(section.at).every((l) => !l.trim())) out.splice(section.at, 0, none(section));
		section = undefined;
	};
	for (const line of text.split('\n')) {
		const tags = [...line.matchAll(TAG)];
		const outside = depth === 0;
		const heading = outside ? HEADING.exec(line) : null;
		if (heading) endSection();
		for (const [, sigil, name = ''] of tags) {
			if (sigil === '#') depth++;
			else if (sigil === '/' && depth > 0) depth--;
			if (sigil === '^') empty = { at: out.length + 1, name };
			if (sigil === '/' && empty?.name === name) {
				if (empty.dropped && none && out.slice(empty.at).every((l) => !l.trim())) out.push(none({ list: name }));
				empty = undefined;
			}
		}
		if (empty && tags.length === 0 && HINT.test(line)) empty.dropped = true;
		else if (!outside || tags.some(([, sigil]) => sigil !== '') || tags.every(([, , name = '']) => known(name))) out.push(line);
		else if (section) section.dropped = true;
		// A heading with a value in it ("# Review: {{title}}") is a title, not a section to say is empty.
		if (heading?.[1] && tags.length === 0) section = { at: out.length, heading: heading[1] };
	}
	endSection();
	return out.join('\n');
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
	const none = (empty: { list: string } | { heading: string }) =>
		`No ${('heading' in empty ? empty.heading : (template.fields.find((f) => f.name === empty.list)?.label ?? 'items')).toLowerCase()} recorded yet.`;
	const text = withoutUnknownLines(template.text, known, none);
	const asWritten = new Set(template.fields.filter((f) => f.markdown).map((f) => f.name));
	const body = renderTemplate(text, shown, format, asWritten).trim();
	return options.drill ? `${drillLine(format)}\n\n${body}` : body;
}

/** The required fields left empty, to warn about before sending. */
export function missingRequired(fields: readonly TemplateField[], values: FieldValues): TemplateField[] {
	return fields.filter((field) => field.required && isBlank(values[field.name]));
}

/** The required values left empty, in words, to show before sending. */
export function missingWarnings(fields: readonly TemplateField[], values: FieldValues): string[] {
	return missingRequired(fields, values).map((f) => `${f.label} is missing: the text goes without it until you fill it in.`);
}
