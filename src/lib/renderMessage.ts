import { parseTemplate, type TemplateNode } from './templateSyntax.ts';

/** Where a message is pasted: Slack (mrkdwn), GitHub-flavoured Markdown, or plain text. */
export type MessageFormat = 'slack' | 'markdown' | 'plain';

/** The formats a responder can choose between, in the order offered. */
export const MESSAGE_FORMATS: readonly MessageFormat[] = ['slack', 'markdown', 'plain'];

/** A list item of a `{{#list}}` section: its keys and values. */
export type ListItem = Record<string, string>;

/** Values for a template's fields: text for plain fields, items for list fields. */
export type FieldValues = Record<string, string | ListItem[] | undefined>;

const BOLD: Record<MessageFormat, string> = { slack: '*', markdown: '**', plain: '' };
const ZWSP = '\u200B';

/**
 * Make text that a person typed literal in the chosen format: it can never turn into bold,
 * links, headings, mentions or HTML, whatever characters it holds; what it has between backticks
 * stays a code span.
 * Slack has no escape character: formatting marks that could pair up are fenced with zero-width
 * spaces. `&`, `<` and `>` stay as typed: the text is pasted into Slack's message box,
 * which shows them literally (entities are for the API and would show as "&lt;").
 */
export function escapeText(text: string, format: MessageFormat, inTable = false): string {
	if (format === 'plain') return text;
	// Both formats first match a code span on one line, a command to keep as typed: nothing in one formats, links or
	// mentions, so it is kept. Slack's is one backtick each side, not inside a word; Markdown's a run of them, closed by a
	// run as long (``a`b``).
	// A backtick touching another outside such a span is literal. A match of one character is a mark to make literal.
	if (format === 'slack') {
		// A mark between two letters or digits cannot open or close formatting in Slack: left as typed, so a name such
		// as db_primary copied from the channel into a shell is that name, with no invisible characters in it.
		return text.replace(/(?<![`\p{L}\p{N}])`[^`\n]+`(?![`\p{L}\p{N}])|`|(?<![\p{L}\p{N}])[*_~]|[*_~](?![\p{L}\p{N}])/gu, (mark) =>
			mark.length > 1 ? mark : `${ZWSP}${mark}${ZWSP}`,
		);
	}
	const escaped = text
		// Not in a table cell, where a pipe in a span ends the cell (and its escape is read before the span): literal there.
		.replace(inTable ? /[\\`*_[\]<>#|~!&{}]/g : /(?<!`)(`+)(?=[^`\n])[^\n]*?[^`\n]\1(?!`)|[\\`*_[\]<>#|~!&{}]/g, (c) =>
			c.length > 1 ? c : `\\${c}`,
		)
		.replace(/^(\s*)([-+=])/gm, '$1\\$2')
		.replace(/^(\s*\d+)([.)])/gm, '$1\\$2');
	return inTable ? escaped.replace(/\s*\r?\n\s*/g, ' ') : escaped.replace(/\r?\n/g, '\\\n');
}

/** Drop the line break after a section tag that stands alone on its line. */
function standalone(text: string): string {
	return text.replace(/^[ \t]*(\{\{\s*[#^/][^}]*\}\})[ \t]*\r?\n/gm, '$1');
}

/** Parse template text, treating section tags on their own lines as taking no line. */
export function compileTemplate(text: string): TemplateNode[] {
	return parseTemplate(standalone(text));
}

/**
 * The text written so far, as pieces joined once at the end, and whether the line being written
 * starts with a pipe (a Markdown table row). Kept as it goes, so rendering stays linear in the
 * output: re-reading the whole output at each value made 10,000 timeline rows take seconds.
 */
class Output {
	private readonly parts: string[] = [];
	/** The first non-blank character of the current line, '' while it has none. */
	private lineStart = '';

	write(text: string): void {
		if (!text) return;
		this.parts.push(text);
		const newline = text.lastIndexOf('\n');
		const tail = newline === -1 ? text : text.slice(newline + 1);
		if (newline !== -1) this.lineStart = '';
		if (this.lineStart === '') this.lineStart = tail.trimStart().charAt(0);
	}

	/** Is the insertion point inside a Markdown table row (a line that starts with a pipe)? */
	inTableRow(): boolean {
		return this.lineStart === '|';
	}

	text(): string {
		return this.parts.join('');
	}
}

/**
 * The label a template writes before a value, and the separator before the label: " - Owner: " of
 * "{{item}} - Owner: {{owner}}", in bold or not. The separator stays on its line.
 */
const LABEL = /(?<separator>[ \t]*[-–—|,;·/][ \t]*|[ \t]+)?(?:\*\*)?\p{L}[\p{L}\p{N} ]*:(?:\*\*)?[ \t]*$/u;

/**
 * Template text that comes before an empty value, without the value's label: an action item with
 * no owner reads "- [ ] Canary deploys", not "- [ ] Canary deploys - Owner:  - Due: ", which looks
 * like something was lost on the way. The separator goes with the label when it follows something
 * on the same line (a value or words), and stays when it starts the line (a list item's bullet).
 */
function withoutLabel(text: string, afterValue: boolean): string {
	const label = LABEL.exec(text);
	if (!label) return text;
	const before = text.slice(0, label.index);
	const line = before.slice(before.lastIndexOf('\n') + 1);
	const joined = line.trim() !== '' || (afterValue && !before.includes('\n'));
	return before + (joined ? '' : (label.groups?.['separator'] ?? ''));
}

const NONE: ReadonlySet<string> = new Set();

/** Code as a writer wrote it (fenced blocks, inline spans: HTML there shows as text), else what could open HTML or a link to a script. */
const CODE_OR_UNSAFE = /(```[\s\S]*?(?:```|$)|~~~[\s\S]*?(?:~~~|$)|`+[^`]*`+)|[<>&]|\]\((?=\s*<?\s*(?:javascript|data|vbscript):)/gi;

/**
 * Markdown its writer wrote, as it goes into a Markdown text: its lists, emphasis, code and links kept, but no
 * HTML (a pasted `<script>` or tag shows as text; in code, as written) and no link to a script (`javascript:`,
 * `data:`, `vbscript:`).
 */
export function markdownAsWritten(text: string): string {
	return text.replace(CODE_OR_UNSAFE, (match, code?: string) => (code ? match : `\\${match}`));
}

function renderNodes(
	nodes: TemplateNode[],
	lookup: (name: string) => string | ListItem[] | undefined,
	format: MessageFormat,
	out: Output,
	asWritten: ReadonlySet<string>,
): void {
	for (const [index, node] of nodes.entries()) {
		if (node.kind === 'text') {
			const next = nodes[index + 1];
			const blankNext = next?.kind === 'field' && (lookup(next.name) ?? '') === '';
			const text = blankNext ? withoutLabel(node.text, nodes[index - 1]?.kind === 'field') : node.text;
			out.write(text.replaceAll('**', BOLD[format]));
		} else if (node.kind === 'field') {
			const value = lookup(node.name);
			const text = typeof value === 'string' ? value : '';
			const inTable = format === 'markdown' && out.inTableRow();
			// Markdown its writer wrote goes into a Markdown text as written (not in a table row, which one line must hold).
			out.write(
				format === 'markdown' && !inTable && asWritten.has(node.name) ? markdownAsWritten(text) : escapeText(text, format, inTable),
			);
		} else if (node.inverted) {
			const items = lookup(node.name);
			if (!Array.isArray(items) || items.length === 0) renderNodes(node.body, lookup, format, out, asWritten);
		} else {
			const items = lookup(node.name);
			if (!Array.isArray(items)) continue;
			for (const item of items) {
				renderNodes(node.body, (key) => item[key] ?? lookup(key), format, out, NONE);
			}
		}
	}
}

/** A line that is blank or starts a Markdown block of its own: heading, list item, quote, table row, fence, rule. */
const BLOCK_LINE = /^\s*(?:$|#{1,6}(?:\s|$)|[-*+](?:\s|$)|\d{1,9}[.)](?:\s|$)|>|\||```|~~~|(?:[-=_*]\s*){3,}$)/;

/**
 * CommonMark joins the lines of a paragraph into one; a message's lines ("Severity: …",
 * "Status: …") must stay lines, so each line followed by more text of its paragraph gets a hard
 * break, as values' own line breaks do.
 */
export function keepLineBreaks(markdown: string): string {
	const lines = markdown.split('\n');
	return lines
		.map((line, index) => {
			const next = lines[index + 1];
			if (next === undefined || BLOCK_LINE.test(next)) return line;
			if (/^\s*$|^\s*(?:#|\||```|~~~)/.test(line)) return line;
			// An odd number of trailing backslashes is already a hard break.
			if ((/\\*$/.exec(line)?.[0].length ?? 0) % 2 === 1) return line;
			return `${line}\\`;
		})
		.join('\n');
}

/**
 * Fill a template with values in one format. Template text is trusted (it comes from content);
 * every value is escaped for the format, so what a responder typed stays literal, except, in
 * Markdown, the fields named in `asWritten` (a template's `markdown` fields: a post-mortem's
 * sections its writer wrote as Markdown), which go in as written.
 */
export function renderTemplate(text: string, values: FieldValues, format: MessageFormat, asWritten: ReadonlySet<string> = NONE): string {
	const output = new Output();
	renderNodes(compileTemplate(text), (name) => values[name], format, output, asWritten);
	const out = output.text();
	return format === 'markdown' ? keepLineBreaks(out) : out;
}

/** The blanks of a template as the static page shows them: "[Description]", example timeline lines. */
export function placeholderValues(fields: readonly { name: string; placeholder: string; example?: ListItem[] | undefined }[]): FieldValues {
	return Object.fromEntries(fields.map((f) => [f.name, f.example ?? f.placeholder]));
}
