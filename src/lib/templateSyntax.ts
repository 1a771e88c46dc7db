/**
 * The small template language of communication and post-mortem templates:
 * `{{field}}` inserts a value, `{{#list}} … {{/list}}` repeats for each item of a list field
 * (inside it, `{{key}}` names a key of the item), and `**bold**` marks bold text.
 */

/** A piece of a parsed template. */
export type TemplateNode =
	| { kind: 'text'; text: string }
	| { kind: 'field'; name: string }
	| { kind: 'section'; name: string; body: TemplateNode[] };

const TAG = /\{\{\s*([#/]?)\s*([A-Za-z][A-Za-z0-9_]*)\s*\}\}/g;

/** Parse template text; throws an Error whose message says what is wrong and where. */
export function parseTemplate(text: string): TemplateNode[] {
	const root: TemplateNode[] = [];
	const stack: { name: string; body: TemplateNode[] }[] = [];
	let current = root;
	let last = 0;
	for (const match of text.matchAll(TAG)) {
		const [tag, sigil, name = ''] = match;
		const index = match.index ?? 0;
		if (index > last) current.push({ kind: 'text', text: text.slice(last, index) });
		last = index + tag.length;
		if (sigil === '#') {
			const section = { kind: 'section' as const, name, body: [] as TemplateNode[] };
			current.push(section);
			stack.push(section);
			current = section.body;
		} else if (sigil === '/') {
			const open = stack.pop();
			if (!open || open.name !== name) {
				throw new Error(`{{/${name}}} closes ${open ? `{{#${open.name}}}` : 'nothing'}`);
			}
			current = stack.at(-1)?.body ?? root;
		} else {
			current.push({ kind: 'field', name });
		}
	}
	if (stack.length > 0) throw new Error(`{{#${stack.at(-1)?.name}}} is never closed`);
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
			const keys = node.body.flatMap((n) => (n.kind === 'field' ? [n.name] : []));
			sections.set(node.name, [...(sections.get(node.name) ?? []), ...keys]);
		}
	}
	return { fields, sections };
}
