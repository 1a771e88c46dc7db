import { describe, expect, it } from 'vitest';
import { TemplateSchema } from '../../src/schemas/template.ts';

const issuesOf = (result: { error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
	result.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];
const timeline = (items: string[] | undefined, from = 'timeline') => ({
	title: 'T',
	kind: 'message',
	text: 'Events:\n{{#events}}\n- {{time}}\n{{/events}}\n{{^events}}\nNone yet.\n{{/events}}',
	fields: [{ name: 'events', label: 'Events', from, ...(items ? { items } : {}) }],
});

describe('template fields filled from the incident', () => {
	it('accept a list source whose items are keys the source has, and an inverted section', () => {
		expect(issuesOf(TemplateSchema.safeParse(timeline(['time'])))).toEqual([]);
	});
	it.each([
		[timeline(['time', 'when']), 'fields.0.items: "when" is not a key of "timeline" items (time, event)'],
		[timeline(undefined), 'fields.0.items: "timeline" is a list: give items (some of time, event)'],
		[timeline(['time'], 'impact'), 'fields.0.from: "impact" is a single value, not a list'],
		[
			{ ...timeline(['time']), text: '{{^events}}x{{/events}} {{#events}}{{time}}{{/events}} {{^nope}}y{{/nope}}' },
			'text: {{#nope}} needs a field "nope" with items',
		],
	])('refuse a mismatch (%#)', (template, message) => {
		expect(issuesOf(TemplateSchema.safeParse(template)).join('\n')).toContain(message);
	});
});
