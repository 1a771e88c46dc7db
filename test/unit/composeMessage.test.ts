import { describe, expect, it } from 'vitest';
import { broadcastMentions, mentionWarnings } from '../../src/lib/broadcastMentions.ts';
import { composeMessage, missingWarnings, withoutUnknownLines } from '../../src/lib/composeMessage.ts';
import { TemplateSchema } from '../../src/schemas/template.ts';

// A small fixture template, not the playbook's own wording.
const template = TemplateSchema.parse({
	title: 'Fixture',
	kind: 'message',
	text: [
		'**HEAD {{who}}**',
		'',
		'What: {{what}}',
		'Owner: {{owner}}',
		'Steps:',
		'{{#steps}}',
		'- {{step}} by {{owner}}',
		'{{/steps}}',
		'{{^steps}}',
		'No steps yet.',
		'{{/steps}}',
		'Footer',
	].join('\n'),
	fields: [
		{ name: 'who', label: 'Who', placeholder: '[Who]' },
		{ name: 'what', label: 'What', placeholder: '[Description]', required: true },
		{ name: 'owner', label: 'Owner', placeholder: '@someone' },
		{ name: 'steps', label: 'Steps', items: ['step', 'owner'], example: [{ step: '[Step]', owner: '[Name]' }] },
	],
});
const plain = (values: Record<string, string | Record<string, string>[]>) => composeMessage(template, values, 'plain', { drill: false });

describe('a copied message holds facts only', () => {
	it('leaves out the line of a value not known, never its placeholder', () => {
		const text = plain({ who: 'Ann', what: 'Checkout fails', owner: '' });
		expect(text).toBe(['HEAD Ann', '', 'What: Checkout fails', 'Steps:', 'No steps yet.', 'Footer'].join('\n'));
		expect(text).not.toContain('@someone');
	});
	it('drops a line even when only one of its values is unknown, and a heading line too', () => {
		expect(plain({ what: 'x', owner: 'Bo' })).not.toContain('HEAD');
	});
	it('keeps lines inside a list repeat, with the item values', () => {
		expect(plain({ what: 'x', owner: 'Bo', steps: [{ step: 'Roll back', owner: 'Cy' }] })).toContain('Steps:\n- Roll back by Cy\nFooter');
	});
	it('never pastes a list example as rows', () => {
		expect(plain({ what: 'x' })).not.toContain('[Step]');
	});
	it('names a required value left empty, and what it does with it', () => {
		expect(missingWarnings(template.fields, { what: ' ' })).toEqual(['What is missing: the text goes without it until you fill it in.']);
	});
	it('keeps a line whose tags are sections as it is', () => {
		expect(withoutUnknownLines('{{#a}}x{{/a}}\n{{b}}', () => false)).toBe('{{#a}}x{{/a}}');
	});
});

describe('broadcast mentions', () => {
	it.each(['@here', '@channel', '@everyone', '<!channel>', '<!here>', '<!everyone>', 'ping @HERE now', '_@here_ in italics', '*@channel*'])(
		'flags %s typed in a value',
		(typed) => {
			expect(broadcastMentions(template.fields, { what: typed }).map((m) => m.field.name)).toEqual(['what']);
		},
	);
	it('flags mentions inside list rows', () => {
		expect(broadcastMentions(template.fields, { steps: [{ step: 'tell <!here|here>', owner: '' }] })).toHaveLength(1);
	});
	it('does not flag a person, an e-mail address or the template text', () => {
		expect(broadcastMentions(template.fields, { owner: '@alice', what: 'ops@here.com', who: 'channel' })).toEqual([]);
		const withMention = TemplateSchema.parse({ ...template, text: `@here ${template.text}` });
		expect(mentionWarnings(withMention.fields, { what: 'x' })).toEqual([]);
	});
	it('says which field holds it before copying', () => {
		expect(mentionWarnings(template.fields, { what: 'x', owner: '@channel' })).toEqual([
			'Owner contains @channel, which notifies everyone in the channel.',
		]);
	});
});

describe('a downloaded document holds facts only', () => {
	// A fixture document in the shape of a post-mortem, worded as a fork might word it.
	const doc = TemplateSchema.parse({
		title: 'Review',
		kind: 'document',
		text: [
			'# Review',
			'- **Effect:** {{effect}}',
			'',
			'## Effect',
			'- Customers: {{customers}}',
			'- Money: {{money}}',
			'',
			'## Cause',
			'{{cause}}',
			'',
			'## Follow-ups',
			'{{#todo}}',
			'- [ ] {{task}} ({{who}})',
			'{{/todo}}',
			'{{^todo}}',
			'- [ ] [Follow-up] ([Person])',
			'{{/todo}}',
			'',
			'## Notes',
			'{{^notes}}',
			'Nothing noted. See [the guide](https://example.org).',
			'{{/notes}}',
		].join('\n'),
		fields: [
			{ name: 'effect', label: 'Effect', placeholder: '[Effect]' },
			{ name: 'customers', label: 'Customers', placeholder: '[Number]' },
			{ name: 'money', label: 'Money', placeholder: '[If any]' },
			{ name: 'cause', label: 'Cause', placeholder: '[Analysis]' },
			{ name: 'todo', label: 'Follow-ups', items: ['task', 'who'], example: [{ task: '[Follow-up]', who: '[Person]' }] },
			{ name: 'notes', label: 'Notes', items: ['text'] },
		],
	});
	const markdown = (values: Record<string, string | Record<string, string>[]>) => composeMessage(doc, values, 'markdown', { drill: false });

	it('keeps a section its writer wrote as Markdown (a `markdown` field) as written in Markdown, and escapes it elsewhere', () => {
		const written = TemplateSchema.parse({
			...doc,
			fields: doc.fields.map((f) => (f.name === 'cause' ? { ...f, markdown: true } : f)),
		});
		const cause = 'Two things:\n\n- the *cache* expired\n- `db-7` [was full](https://example.org/db-7)';
		const values = { effect: '- *not* a list', cause };
		expect(composeMessage(written, values, 'markdown', { drill: false })).toContain(`## Cause\n${cause}\n`);
		// Every other value is still literal; and the same text bound for a chat stays literal there.
		expect(composeMessage(written, values, 'markdown', { drill: false })).toContain('- **Effect:** \\- \\*not\\* a list');
		expect(composeMessage(written, values, 'slack', { drill: false })).not.toContain('the *cache*');
		// Without the mark, the section is escaped as before.
		expect(markdown(values)).toContain('\\- the \\*cache\\* expired');
	});

	it('says an empty list is empty instead of writing its placeholder row as an item', () => {
		const text = markdown({ effect: 'Slow pages', todo: [] });
		expect(text).toContain('## Follow-ups\nNo follow-ups recorded yet.');
		expect(text).not.toMatch(/\[(?![ x]\])[^\]]+\](?!\()/);
		// Text of an inverted section with no placeholder stays as written, links and all.
		expect(text).toContain('Nothing noted. See [the guide](https://example.org).');
	});
	it('says a section is empty when every line under its heading was left out, never leaving the heading bare', () => {
		const text = markdown({ effect: 'Slow pages', todo: [] });
		expect(text).toContain('## Effect\nNo effect recorded yet.\n\n## Cause\nNo cause recorded yet.\n\n## Follow-ups');
		expect(text).not.toMatch(/^#+ .*\n+(?:#|$)/m);
		// The last section too.
		const last = { fields: doc.fields, text: '# Review\n\n## Lessons\n{{cause}}\n' };
		expect(composeMessage(last, { cause: ' ' }, 'markdown', { drill: false })).toBe('# Review\n\n## Lessons\nNo lessons recorded yet.');
		// A section with one value known shows it alone; one the template leaves empty on purpose stays as written.
		expect(markdown({ money: '£3k', cause: 'Cache' })).toContain('## Effect\n- Money: £3k\n\n## Cause\nCache\n');
		expect(
			withoutUnknownLines(
				'## Notes\n\n## Next\n{{x}}',
				() => false,
				() => 'None.',
			),
		).toBe('## Notes\n\n## Next\nNone.');
	});
	it('writes the listed items when there are some', () => {
		expect(markdown({ todo: [{ task: 'Add an alert', who: 'Ann' }] })).toContain('## Follow-ups\n- [ ] Add an alert (Ann)\n\n## Notes');
	});
});
