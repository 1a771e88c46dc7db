import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import { describe, expect, it } from 'vitest';
import { checklistMarkdown, incidentMarkdown } from '../../src/lib/checklistMarkdown.ts';
import { progress } from '../../src/lib/checklistProgress.ts';
import type { ChecklistSpec } from '../../src/lib/clientPlaybook.ts';
import { setItemNote, tickItem } from '../../src/lib/incidents.ts';
import { min, T0, withIncident } from '../support/incidents.ts';

const spec: ChecklistSpec = {
	key: 'scenario/service-down/response',
	label: 'Service Down: Response',
	page: 'Service Down',
	href: '/scenarios/service-down/',
	steps: [
		{ id: 'check-database-connectivity', text: 'Check database connectivity' },
		{ id: 'isolate', text: 'Isolate affected systems', lead: 'IMMEDIATE:' },
		{ id: 'rollback', text: 'flyctl releases rollback <release-id>' },
	],
};
const gfmHtmlOf = (markdown: string) => micromark(markdown, { extensions: [gfm()], htmlExtensions: [gfmHtml()] });

function ticked() {
	let { state, id } = withIncident();
	state = tickItem(
		state,
		id,
		`${spec.key}/check-database-connectivity`,
		{ text: 'Check database connectivity', list: spec.label },
		true,
		T0 + min(48),
	);
	state = setItemNote(state, id, `${spec.key}/rollback`, { text: 'x', list: spec.label }, 'waiting on *ops* <b>', T0 + min(49));
	state = tickItem(state, id, `${spec.key}/old-step`, { text: 'Page the DBA', list: spec.label }, true, T0 + min(50));
	return state.incidents[0]!;
}

describe('checklistMarkdown', () => {
	it('writes a GitHub task list with time and who, notes, and removed steps marked', () => {
		expect(checklistMarkdown(spec, ticked().ticks)).toBe(
			[
				'### Service Down: Response',
				'',
				'- [x] Check database connectivity — 04:02 UTC, alice',
				'- [ ] **IMMEDIATE:** Isolate affected systems',
				'- [ ] flyctl releases rollback \\<release-id\\>',
				'  - Note: waiting on \\*ops\\* \\<b\\>',
				'- [x] ~~Page the DBA~~ (removed from the playbook) — 04:04 UTC, alice',
				'',
			].join('\n'),
		);
	});

	it('renders as checkboxes with a CommonMark + GFM parser, with no HTML let through', () => {
		const html = gfmHtmlOf(checklistMarkdown(spec, ticked().ticks));
		expect(html.match(/<input type="checkbox" disabled="" checked="" \/>/g)).toHaveLength(2);
		expect(html.match(/<input type="checkbox" disabled="" \/>/g)).toHaveLength(2);
		expect(html).toContain('&lt;release-id&gt;');
		expect(html).not.toContain('<b>');
		expect(html).toContain('<del>Page the DBA</del>');
	});

	it('counts progress against the steps in the content only', () => {
		expect(progress(spec, ticked().ticks)).toEqual({ done: 1, total: 3 });
	});
});

describe('incidentMarkdown', () => {
	const playbook = {
		severities: [
			{
				id: 'P0',
				name: 'Critical',
				urgency: '',
				tone: 'danger' as const,
				rank: 0,
				criteria: [],
				responseTime: 5,
				escalateAfter: 15,
				updateEvery: 15,
			},
		],
		statuses: [{ id: 'investigating', label: 'Investigating', closes: false }],
	};
	it('summarises the incident, its checklists and a timeline table that GFM renders', () => {
		const markdown = incidentMarkdown(ticked(), [spec], playbook);
		expect(markdown).toContain('# Incident 20261126-0314-0000: API returns 503');
		expect(markdown).toContain('- **Severity:** P0 Critical');
		expect(markdown).toContain('- [x] Check database connectivity — 04:02 UTC, alice');
		const html = gfmHtmlOf(markdown);
		expect(html).toContain('<table>');
		expect(html.match(/<tr>/g)?.length).toBe(1 + ticked().events.length);
	});
	it('says DRILL at the top of a drill', () => {
		const { state } = withIncident({ drill: true });
		const markdown = incidentMarkdown(state.incidents[0]!, [spec], playbook);
		expect(markdown.split('\n')[0]).toBe('# DRILL: Incident drill-20261126-0314-0000: API returns 503');
	});
});
