import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { actionItemsCalendar, escapeText, foldLine } from '../../src/lib/icsCalendar.ts';
import { addActionItem, setStatus } from '../../src/lib/incidents.ts';
import { issueAction, issueDraft, MAX_ISSUE_URL, newIssueUrl } from '../../src/lib/issueLinks.ts';
import type { ActionItem, Incident } from '../../src/lib/state.ts';
import { cstateIncident, publicStatus } from '../../src/lib/statusPage.ts';
import { TrackerSchema } from '../../src/schemas/site.ts';
import { min, T0, withIncident } from '../support/incidents.ts';

function withItems(items: Partial<ActionItem>[]): Incident {
	let { state, id } = withIncident({ title: 'Checkout, payments; refunds down' });
	for (const item of items) state = addActionItem(state, id, item, T0).state;
	return state.incidents[0]!;
}

describe('action items as a calendar', () => {
	const incident = withItems([
		{
			item: 'Add a canary, then; a "slow" rollout \\ with ümlauts and a very long explanation that goes well past seventy-five octets 🚀🚀🚀',
			owner: '@bob',
			due: '2026-12-10',
		},
		{ item: 'Page the DBA team', owner: '@carol', due: '2026-12-01' },
		{ item: 'No due date yet', owner: '@dan', due: '' },
	]);
	const text = actionItemsCalendar(incident, {
		organisation: 'Castor',
		url: 'https://playbook.example.com/post-mortem/',
		now: T0 + min(30),
	});

	it('parses as one calendar with a to-do per dated item, due in UTC', () => {
		const calendar = new ICAL.Component(ICAL.parse(text));
		expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
		expect(calendar.getFirstPropertyValue('prodid')).toBe('-//Castor//Incident Playbook//EN');
		const todos = calendar.getAllSubcomponents('vtodo');
		expect(todos.map((t) => t.getFirstPropertyValue('summary'))).toEqual([incident.postMortem.actionItems[0]!.item, 'Page the DBA team']);
		const due = todos[0]!.getFirstPropertyValue('due') as ICAL.Time;
		expect([due.toString(), due.zone?.tzid]).toEqual(['2026-12-10T17:00:00Z', 'UTC']);
		expect((todos[0]!.getFirstPropertyValue('dtstamp') as ICAL.Time).toJSDate().getTime()).toBe(T0 + min(30));
		expect(todos[0]!.getFirstPropertyValue('description')).toBe(
			`Action item of incident ${incident.id}: Checkout, payments; refunds down\nOwner: @bob\nhttps://playbook.example.com/post-mortem/`,
		);
		const uids = todos.map((t) => t.getFirstPropertyValue('uid'));
		expect(new Set(uids).size).toBe(2);
	});
	it('writes CRLF lines of at most 75 octets', () => {
		expect(text.endsWith('\r\n')).toBe(true);
		const lines = text.split('\r\n').slice(0, -1);
		expect(lines.some((l) => l.startsWith(' '))).toBe(true);
		for (const line of lines) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
		expect(text.replace(/\r\n/g, '')).not.toMatch(/\n|\r/);
	});
	it('escapes text and never folds inside a character', () => {
		expect(escapeText('a,b;c\\d\ne')).toBe('a\\,b\\;c\\\\d\\ne');
		const folded = foldLine(`SUMMARY:${'é'.repeat(80)}`);
		for (const line of folded.split('\r\n').slice(0, -1))
			expect(() => new TextDecoder('utf-8', { fatal: true }).decode(new TextEncoder().encode(line))).not.toThrow();
	});
});

describe('action items as new issues', () => {
	const tracker = TrackerSchema.parse({ kind: 'github', repo: 'castor/platform', labels: ['incident-follow-up', 'p0'] });
	const incident = withItems([{ item: 'Add a canary', owner: '@bob', due: '2026-12-10' }]);
	const item = incident.postMortem.actionItems[0]!;

	it('opens GitHub’s new-issue form with title, body and labels', () => {
		const url = new URL(newIssueUrl(tracker, issueDraft(item, incident, 'https://pb.example/post-mortem/')));
		expect(url.origin + url.pathname).toBe('https://github.com/castor/platform/issues/new');
		expect(url.searchParams.get('title')).toBe('Add a canary');
		expect(url.searchParams.get('labels')).toBe('incident-follow-up,p0');
		const body = url.searchParams.get('body') ?? '';
		expect(body).toContain(`incident ${incident.id} (P0): Checkout, payments; refunds down`);
		expect(body).toContain('Owner: @bob');
		expect(body).toContain('Due: 2026-12-10');
		expect(body).toContain('https://pb.example/post-mortem/');
	});
	it('opens GitLab’s form, labels set by a quick action', () => {
		const gitlab = TrackerSchema.parse({
			kind: 'gitlab',
			url: 'https://gitlab.example.com/',
			repo: 'ops/infra/platform',
			labels: ['follow up'],
		});
		const url = new URL(newIssueUrl(gitlab, issueDraft(item, incident)));
		expect(url.pathname).toBe('/ops/infra/platform/-/issues/new');
		expect(url.searchParams.get('issue[title]')).toBe('Add a canary');
		expect(url.searchParams.get('issue[description]')).toMatch(/\/label ~"follow up"$/);
	});
	it('falls back to copying when the link would be too long', () => {
		const long = { ...item, item: 'x'.repeat(MAX_ISSUE_URL) };
		expect(issueAction(tracker, issueDraft(item, incident)).kind).toBe('link');
		const action = issueAction(tracker, issueDraft(long, incident));
		expect(action).toMatchObject({ kind: 'copy', text: expect.stringContaining('Owner: @bob') });
	});
	it('refuses a repository that is not owner/name', () => {
		expect(TrackerSchema.safeParse({ kind: 'github', repo: 'platform' }).success).toBe(false);
	});
});

describe('the status page file', () => {
	const statuses = [
		{ id: 'investigating', label: 'Investigating', closes: false },
		{ id: 'mitigating', label: 'Mitigating', closes: false, public: 'identified' as const },
		{ id: 'watching', label: 'Watching', closes: false },
		{ id: 'done', label: 'Done', closes: true },
	];
	const severities = [{ id: 'P0', statusImpact: 'down' as const }];

	it('maps statuses onto the public words', () => {
		expect(statuses.map(publicStatus)).toEqual(['investigating', 'identified', 'investigating', 'resolved']);
	});
	it('writes a cState issue with the incident’s times, impact and components', () => {
		let { state, id } = withIncident({ title: 'API "v2" returns 503', services: ['API', 'Web: EU'] });
		state = setStatus(state, id, statuses[1]!, T0 + min(10));
		state = setStatus(state, id, statuses[3]!, T0 + min(40));
		const incident = state.incidents[0]!;
		const file = cstateIncident(incident, { statuses, severities } as never, 'Fixed by a rollback.');
		expect(file.path).toBe('content/issues/2026-11-26-api-v2-returns-503.md');
		const [, front = '', body = ''] = file.text.split(/^---$/m);
		expect(parse(front)).toEqual({
			title: 'API "v2" returns 503',
			date: '2026-11-26T03:10:00Z',
			resolved: true,
			resolvedWhen: '2026-11-26T03:54:00Z',
			severity: 'down',
			affected: ['API', 'Web: EU'],
			section: 'issue',
		});
		expect(body.trim().split('\n\n')).toEqual([
			'*Resolved* - Fixed by a rollback. {{< track "2026-11-26T03:54:00Z" >}}',
			'*Identified* - Identified. {{< track "2026-11-26T03:24:00Z" >}}',
			'*Investigating* - Investigating. {{< track "2026-11-26T03:14:00Z" >}}',
		]);
	});
	it('leaves an open incident unresolved, with no components when none are known', () => {
		const { state } = withIncident({ services: [] });
		const text = cstateIncident(state.incidents[0]!, { statuses, severities: [] } as never, '').text;
		expect(parse(text.split(/^---$/m)[1]!)).toMatchObject({ resolved: false, severity: 'disrupted', affected: [] });
	});
});
