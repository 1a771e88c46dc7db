import { describe, expect, it } from 'vitest';
import { composeMessage } from '../../src/lib/composeMessage.ts';
import { lastIncident } from '../../src/lib/declareDefaults.ts';
import { setMessageFormat } from '../../src/lib/messageMemory.ts';
import { mergeState } from '../../src/lib/merge.ts';
import { incidentValues } from '../../src/lib/messageValues.ts';
import { rememberValue } from '../../src/lib/messageWrites.ts';
import { emptyState } from '../../src/lib/state.ts';
import { loadState, STATE_KEY } from '../../src/lib/storage.ts';
import { TemplateSchema } from '../../src/schemas/template.ts';
import { MemoryStorage } from '../support/memoryStorage.ts';
import { min, T0, withIncident } from '../support/incidents.ts';
import { contentPlaybook } from '../support/playbookContent.ts';

// Fixture templates: a resolution message, a later message and a post-mortem sharing sources.
const resolution = TemplateSchema.parse({
	title: 'Done',
	kind: 'message',
	text: 'Cause: {{cause}}\nFix: {{fix}}\nNext: {{nextSteps}}',
	fields: [
		{ name: 'cause', label: 'Cause', from: 'rootCause', placeholder: '[Cause]', required: true },
		{ name: 'fix', label: 'Fix', from: 'resolution', placeholder: '[Fix]' },
		{ name: 'nextSteps', label: 'Next steps', placeholder: '[Next]' },
	],
});
const later = TemplateSchema.parse({
	title: 'Later',
	kind: 'message',
	text: 'Why: {{why}}\nThen: {{nextSteps}}\nImpact: {{impact}}',
	fields: [
		{ name: 'why', label: 'Why', from: 'rootCause' },
		{ name: 'nextSteps', label: 'Next steps' },
		{ name: 'impact', label: 'Impact', from: 'impact' },
	],
});
const postMortem = TemplateSchema.parse({
	title: 'PM',
	kind: 'document',
	text: '## Root cause\n{{rootCause}}\n## Fix\n{{resolution}}',
	fields: [
		{ name: 'rootCause', label: 'Root cause', from: 'rootCause', placeholder: '[Detailed analysis]' },
		{ name: 'resolution', label: 'Resolution', from: 'resolution' },
	],
});
const playbook = contentPlaybook();

describe('written once, used everywhere', () => {
	it('a root cause typed into the resolution message fills the post-mortem and later messages', () => {
		let { state, id } = withIncident();
		const field = (name: string) => resolution.fields.find((f) => f.name === name)!;
		state = rememberValue(state, id, field('cause'), 'Expired TLS certificate', T0 + min(20))!;
		state = rememberValue(state, id, field('nextSteps'), 'Automate renewal', T0 + min(21))!;
		state = rememberValue(state, id, later.fields[2]!, 'Half of logins fail', T0 + min(22))!;
		const incident = state.incidents[0]!;
		const write = (template: typeof later) =>
			composeMessage(
				template,
				incidentValues(template.fields, { incident, playbook, checklists: [], kind: template.kind, now: T0 + min(30) }),
				'plain',
				{ drill: false },
			);
		// Nothing was typed for the fix: its section says so rather than standing bare.
		expect(write(postMortem)).toBe('## Root cause\nExpired TLS certificate\n## Fix\nNo fix recorded yet.');
		expect(write(later)).toBe('Why: Expired TLS certificate\nThen: Automate renewal\nImpact: Half of logins fail');
		expect(incident.postMortem.rootCause).toBe('Expired TLS certificate');
	});
	it('keeps a value read off the record where it is: it is corrected in the workspace', () => {
		const { state, id } = withIncident();
		expect(rememberValue(state, id, { name: 'duration', from: 'duration' }, '2 h', T0)).toBeUndefined();
	});
	it('a value typed before the field last changed, kept late or twice, leaves the later one', () => {
		const { state, id } = withIncident();
		for (const field of [resolution.fields.find((f) => f.name === 'cause')!, { name: 'nextSteps' }]) {
			const later = rememberValue(state, id, field, 'Expired TLS certificate', T0 + min(5))!;
			expect(rememberValue(later, id, field, 'Expired', T0 + min(4))).toBe(later);
			expect(rememberValue(later, id, field, 'Expired TLS certificate', T0 + min(5))).toEqual(later);
		}
	});
	it('two tabs typing different values both keep theirs', () => {
		const { state, id } = withIncident();
		const a = rememberValue(state, id, { name: 'nextSteps' }, 'Page DBA', T0 + min(1))!;
		const b = rememberValue(state, id, { name: 'link' }, 'https://wiki/pm', T0 + min(2))!;
		expect(mergeState(a, b).incidents[0]!.typed).toEqual({ nextSteps: 'Page DBA', link: 'https://wiki/pm' });
	});
});

describe('what the browser remembers', () => {
	it('reads a state stored before typed values and the message format existed', () => {
		const { state } = withIncident();
		const storage = new MemoryStorage();
		storage.setItem(STATE_KEY, JSON.stringify({ version: 1, state }));
		const loaded = loadState(storage, T0);
		expect(loaded.notices).toEqual([]);
		expect(loaded.state.incidents[0]!.typed).toBeUndefined();
		expect(loaded.state.messageFormat).toBeUndefined();
	});
	it('keeps the chosen format, across tabs', () => {
		const chosen = setMessageFormat(emptyState(), 'markdown');
		expect(mergeState(chosen, emptyState()).messageFormat).toBe('markdown');
	});
	it('finds the latest incident declared in this browser', () => {
		const first = withIncident({ title: 'Old' });
		expect(lastIncident(first.state)?.title).toBe('Old');
		expect(lastIncident(emptyState())).toBeUndefined();
	});
});
