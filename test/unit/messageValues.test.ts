import { describe, expect, it } from 'vitest';
import { deadlines } from '../../src/lib/clocks.ts';
import { composeMessage, isBlank, missingRequired, shownValues } from '../../src/lib/composeMessage.ts';
import { addNote, logEscalation, logMessage, setStatus, tickItem, updatePostMortem } from '../../src/lib/incidents.ts';
import {
	editedValues,
	incidentValues,
	latestEvents,
	listsRows,
	nextUpdateAt,
	sourceValue,
	type ValueContext,
} from '../../src/lib/messageValues.ts';
import { DOCUMENT_ROWS } from '../../src/lib/postMortem.ts';
import { INCIDENT_SOURCES } from '../../src/schemas/template.ts';
import { min, T0, withIncident } from '../support/incidents.ts';
import { contentPlaybook, contentTemplate } from '../support/playbookContent.ts';

const playbook = contentPlaybook();
const P0 = playbook.severities.find((s) => s.id === 'P0')!;

function context(over: Partial<ValueContext> = {}): ValueContext {
	const { state } = withIncident({ services: ['api', 'web'], commander: '@bob' });
	return { incident: state.incidents[0]!, playbook, checklists: [], kind: 'message', now: T0 + min(6), ...over };
}

describe('values from the incident', () => {
	it('reads each single-value source as a message writes it', () => {
		const values = Object.fromEntries(INCIDENT_SOURCES.map((source) => [source, sourceValue(source, context())]));
		expect(values).toMatchObject({
			title: 'API returns 503',
			severity: 'P0 Critical',
			status: 'Investigating',
			impact: 'All users cannot log in',
			services: 'api, web',
			channel: '#incident-20261126-0314-0000',
			onCall: '@alice',
			commander: '@bob',
			detectedAt: '2026-11-26 03:10 UTC',
			resolvedAt: '',
			duration: '10 min',
			nextUpdate: '03:35 UTC',
			rootCause: '',
			postMortemLink: '',
		});
	});
	it('gives the status label and the resolution time once resolved, and no next update', () => {
		let { state, id } = withIncident();
		state = setStatus(state, id, { id: 'resolved', label: 'Resolved', closes: true }, T0 + min(30));
		const ctx = context({ incident: state.incidents[0]!, now: T0 + min(50) });
		expect([
			sourceValue('status', ctx),
			sourceValue('resolvedAt', ctx),
			sourceValue('duration', ctx),
			sourceValue('nextUpdate', ctx),
		]).toEqual(['Resolved', '2026-11-26 03:44 UTC', '34 min', '']);
	});
	it('reads the post-mortem fields', () => {
		let { state, id } = withIncident();
		state = updatePostMortem(state, id, { rootCause: 'Bad deploy', resolution: 'Rolled back', lessons: 'Canary first' }, T0 + min(40));
		const ctx = context({ incident: state.incidents[0]! });
		expect(['rootCause', 'resolution', 'lessons'].map((s) => sourceValue(s as 'rootCause', ctx))).toEqual([
			'Bad deploy',
			'Rolled back',
			'Canary first',
		]);
	});
	it('lists the post-mortem’s lists only with their code given, and says which templates need it', () => {
		let { state, id } = withIncident();
		state = updatePostMortem(
			state,
			id,
			{ actionItems: [{ id: 'a1', item: 'Add a canary', owner: '@bob', due: '', done: false }] },
			T0 + min(40),
		);
		const ctx = context({ incident: state.incidents[0]! });
		const lists = ['actionItems', 'severityPeriods'] as const;
		expect(lists.map((s) => sourceValue(s, ctx))).toEqual([[], []]);
		const given = lists.map((s) => sourceValue(s, { ...ctx, rows: DOCUMENT_ROWS }));
		expect(given[0]).toEqual([expect.objectContaining({ item: 'Add a canary', owner: '@bob' })]);
		expect(given[1]).not.toEqual([]);
		// A message lists its latest events itself; a document's timeline, and every other list, needs the code.
		expect(sourceValue('timeline', ctx)).not.toEqual([]);
		expect(listsRows([{ name: 'events', from: 'timeline' }], 'message')).toBe(false);
		expect(listsRows([{ name: 'events', from: 'timeline' }], 'document')).toBe(true);
		expect(listsRows([{ name: 'title', from: 'title' }, { name: 'free' }], 'document')).toBe(false);
		for (const from of ['severityPeriods', 'skippedSteps', 'actionItems'] as const)
			expect(listsRows([{ name: 'x', from }], 'message')).toBe(true);
	});
	it('fills only the fields that name a source', () => {
		const fields = [{ name: 'sev', from: 'severity' as const }, { name: 'typed' }];
		expect(incidentValues(fields, context())).toEqual({ sev: 'P0 Critical' });
	});
});

describe('the next update', () => {
	it('is one update interval after this message, so the incident clock agrees once it is copied', () => {
		let { state, id } = withIncident();
		expect(nextUpdateAt(state.incidents[0]!, P0.updateEvery, T0 + min(2))).toBe(T0 + min(17));
		state = logMessage(state, id, 'Copied Status Update (Slack)', T0 + min(10));
		const afterCopy = state.incidents[0]!;
		const clock = deadlines(afterCopy, P0, [], T0 + min(10)).find((d) => d.kind === 'update');
		expect(clock?.at).toBe(nextUpdateAt(afterCopy, P0.updateEvery, T0 + min(10)));
	});
	it('never falls before the last message, even when another tab logged one a moment ahead', () => {
		let { state, id } = withIncident();
		state = logMessage(state, id, 'Copied Incident Declaration (Slack)', T0 + min(3));
		expect(nextUpdateAt(state.incidents[0]!, P0.updateEvery, T0 + min(2))).toBe(T0 + min(18));
	});
	it('follows the severity: a P2 incident updates hourly', () => {
		const { state } = withIncident({ severity: 'P2' });
		expect(sourceValue('nextUpdate', context({ incident: state.incidents[0]!, now: T0 }))).toBe('04:14 UTC');
	});
});

describe('the latest events', () => {
	it('are the last five that matter to stakeholders, oldest first: no ticks, copies or deadlines falling due', () => {
		let { state, id } = withIncident();
		for (let n = 1; n <= 5; n++) state = addNote(state, id, `Note ${n}`, T0 + min(n));
		state = tickItem(state, id, 'phase/x/y/z', { text: 'A step', list: 'A list' }, true, T0 + min(6));
		state = logMessage(state, id, 'Copied Status Update (Slack)', T0 + min(7));
		state = logEscalation(state, id, 'Due: Response target', 'due:response', T0 + min(8));
		expect(latestEvents(state.incidents[0]!, T0 + min(9))).toEqual(
			[1, 2, 3, 4, 5].map((n) => ({ time: `03:${String(14 + n)} UTC`, event: `Note ${n}` })),
		);
		state = logEscalation(state, id, 'Escalated to Engineering Lead', 'rung:engineering-lead', T0 + min(10));
		expect(latestEvents(state.incidents[0]!, T0 + min(11)).at(-1)).toEqual({ time: '03:24 UTC', event: 'Escalated to Engineering Lead' });
	});
	it('carry the date when they happened on another day', () => {
		const { state } = withIncident({ detectedAt: T0 - min(4 * 60) });
		expect(latestEvents(state.incidents[0]!, T0 + min(1))[0]).toEqual({ time: '2026-11-25 23:14 UTC', event: 'Incident detected' });
	});
});

describe('edits and the check before sending', () => {
	const update = contentTemplate('update');
	it("keeps the responder's edits over the incident's values, field by field", () => {
		const values = editedValues(update.fields, { status: 'Investigating', impact: 'Logins fail' }, { impact: 'Half of logins fail' });
		expect(values).toMatchObject({ status: 'Investigating', impact: 'Half of logins fail' });
	});
	it('names the required fields left empty: impact and next update', () => {
		expect(missingRequired(update.fields, { impact: ' ', nextUpdate: '' }).map((f) => f.label)).toEqual(['Impact', 'Next Update']);
		expect(missingRequired(update.fields, { impact: 'Logins fail', nextUpdate: '10:00 UTC' })).toEqual([]);
	});
	it('counts a list with only empty rows as empty', () => {
		expect(isBlank([{ time: ' ', event: '' }])).toBe(true);
		expect(isBlank([{ time: '', event: 'x' }])).toBe(false);
	});
	it('still writes the message when something is missing, leaving its line out rather than pasting the placeholder', () => {
		const text = composeMessage(update, shownValues(update.fields, { status: 'Investigating' }), 'plain', { drill: false });
		expect(text).toContain('Status: Investigating');
		expect(text).not.toContain('Impact');
		expect(text).not.toContain('[Description]');
	});
});
