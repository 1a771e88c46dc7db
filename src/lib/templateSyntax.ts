/**
 * The small template language of communication and post-mortem templates:
 * `{{field}}` inserts a value, `{{#list}} … {{/list}}` repeats for each item of a list field
 * (inside it, `{{key}}` names a key of the item), `{{^list}} … {{/list}}` is written only when the
 * list is empty (so a template can say "None" instead of leaving a heading bare), and `**bold**`
 * marks bold text.
 */

/** A piece of a parsed template. */
export type TemplateNode =
	| { kind: 'text'; text: string }
	| { kind: 'field'; name: string }
	| { kind: 'section'; name: string; body: TemplateNode[]; inverted: boolean };

/** A tag of the template language: its sigil (`#`, `^`, `/` or none) and its name. */
export const TAG = /\{\{\s*([#^/]?)\s*([A-Za-z][A-Za-z0-9_]*)\s*\}\}/g;

/** Parse template text; throws an Error whose message says what is wrong and where. */
export function parseTemplate(text: string): TemplateNode[] {
	const root: TemplateNode[] = [];
	const stack: { name: string; body: TemplateNode[]; inverted: boolean }[] = [];
	let current = root;
	let last = 0;
	for (const match of text.matchAll(TAG)) {
		const [tag, sigil, name = ''] = match;
		const index = match.index ?? 0;
		if (index > last) current.push({ kind: 'text', text: text.slice(last, index) });
		last = index + tag.length;
		if (sigil === '#' || sigil === '^') {
			const section = { kind: 'section' as const, name, body: [] as TemplateNode[], inverted: sigil === '^' };
			current.push(section);
			stack.push(section);
			current = section.body;
		} else if (sigil === '/') {
			const open = stack.pop();
			if (!open || open.name !== name) {
				throw new Error(`{{/${name}}} closes ${open ? `{{${open.inverted ? '^' : '#'}${open.name}}}` : 'nothing'}`);
			}
			current = stack.at(-1)?.body ?? root;
		} else {
			current.push({ kind: 'field', name });
		}
	}
	const unclosed = stack.at(-1);
	if (unclosed) throw new Error(`{{${unclosed.inverted ? '^' : '#'}${unclosed.name}}} is never closed`);
	if (last < text.length) current.push({ kind: 'text', text: text.slice(last) });
	return root;
}

/** Names used at the top level of a template, split into plain fields and list sections. */
export function templateNames(nodes: TemplateNode[]): { fields: string[]; sections: Map<string, string[]> } {
	const fields: string[] = [];
	const sections = new Map<string, string[]>();
	for (const node of nodes) {
		if (node.kind === 'field') fields.push(node.name);
		if (node.kind === 'section') {
			const names = node.body.flatMap((n) => (n.kind === 'field' ? [n.name] : []));
			// An inverted section is written when the list has no items, so its blanks are top-level fields.
			if (node.inverted) fields.push(...names);
			sections.set(node.name, [...(sections.get(node.name) ?? []), ...(node.inverted ? [] : names)]);
		}
	}
	return { fields, sections };
}
