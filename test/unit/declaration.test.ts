import { describe, expect, it } from 'vitest';
import { impactFromReasons } from '../../src/lib/classify.ts';
import { declarationMissing, declarationText, messageFormat } from '../../src/lib/declaration.ts';
import { rememberedDetails } from '../../src/lib/declareDefaults.ts';
import { setStatus } from '../../src/lib/incidents.ts';
import { emptyState } from '../../src/lib/state.ts';
import { TemplateSchema } from '../../src/schemas/template.ts';
import { min, T0, withIncident } from '../support/incidents.ts';
import { contentPlaybook } from '../support/playbookContent.ts';

// A fixture declaration, not the playbook's own wording.
const template = TemplateSchema.parse({
	title: 'Opened',
	kind: 'message',
	text: '**OPEN** {{title}}\nHow bad: {{impact}}\nPager: {{onCall}}',
	fields: [
		{ name: 'title', label: 'Title', from: 'title', required: true },
		{ name: 'impact', label: 'How bad', from: 'impact', placeholder: '[Description]', required: true },
		{ name: 'onCall', label: 'Pager', from: 'onCall', placeholder: '@engineer' },
	],
});
const playbook = contentPlaybook();

describe('the declaration copied as an incident is declared', () => {
	it('holds the title and what is known, and names what is not', () => {
		const { state } = withIncident({ title: 'Checkout down', impact: '', onCall: '' });
		const incident = state.incidents[0]!;
		expect(declarationText(template, incident, playbook, 'slack', T0 + min(1))).toBe('*OPEN* Checkout down');
		expect(declarationMissing(template, incident, playbook, T0 + min(1))).toEqual(['How bad']);
	});
	it('is written in the format chosen once, Slack until then', () => {
		expect(messageFormat(emptyState())).toBe('slack');
		expect(messageFormat({ ...emptyState(), messageFormat: 'plain' })).toBe('plain');
	});
});

describe('what a new declaration starts from', () => {
	it("takes who is on it from this browser's latest incident, and what was hit once that one is resolved", () => {
		const first = withIncident({ services: ['old'], onCall: '@a', commander: '@b' });
		const second = withIncident({ services: ['api'], onCall: '@c', commander: '@d' }, first.state);
		const resolved = setStatus(second.state, second.id, { id: 'resolved', label: 'Resolved', closes: true }, T0 + min(30));
		expect(rememberedDetails(resolved)).toEqual({ services: ['api'], onCall: '@c', commander: '@d', responder: 'alice' });
		expect(rememberedDetails(emptyState())).toEqual({ services: [], onCall: '', commander: '', responder: '' });
	});
	it('takes nothing from a drill: a game day played since the last incident leaves its details', () => {
		const real = withIncident({ services: ['checkout'], onCall: '@olivia', commander: '@carl' });
		const drill = withIncident({ services: ['api'], onCall: 'alice', commander: '', drill: true }, real.state, () => 0.5);
		expect(rememberedDetails(drill.state)).toMatchObject({ onCall: '@olivia', commander: '@carl' });
	});
	it('takes no services from an incident still open: one declared beside it is another, and its message would name what the other hit', () => {
		const first = withIncident({ services: ['checkout'], onCall: '@a', commander: '@b' });
		expect(rememberedDetails(first.state)).toEqual({ services: [], onCall: '@a', commander: '@b', responder: 'alice' });
	});
	it('takes the impact from the criteria that matched, once each', () => {
		expect(impactFromReasons(['All down', ' All down ', 'Slow (3s)'])).toBe('All down; Slow (3s)');
	});
});
