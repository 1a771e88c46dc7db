import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { DurationSchema } from '../../src/schemas/duration.ts';
import { EscalationStepSchema } from '../../src/schemas/escalation.ts';
import { PhaseSchema } from '../../src/schemas/phase.ts';
import { ScenarioSchema } from '../../src/schemas/scenario.ts';
import { SeveritySchema } from '../../src/schemas/severity.ts';
import { SiteSchema } from '../../src/schemas/site.ts';
import { StepListSchema } from '../../src/schemas/step.ts';
import { TemplateSchema } from '../../src/schemas/template.ts';
import { describeIssues } from '../../src/lib/zodIssues.ts';
import { phaseChecklists } from '../../src/data/toClient.ts';
import { ROOT } from '../support/buildSite.ts';
import { readFrontmatter } from '../support/frontmatter.ts';

const files = (dir: string) =>
	readdirSync(join(ROOT, dir))
		.filter((f) => f.endsWith('.mdx'))
		.map((f) => join(ROOT, dir, f));
/** Fields every page has, checked by the page schema rather than the phase or scenario schema. */
const pageKeys = ['owner', 'lastReviewed'];
const withoutPageKeys = (data: Record<string, unknown>) => Object.fromEntries(Object.entries(data).filter(([k]) => !pageKeys.includes(k)));
const issuesOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
	result.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];

describe('the playbook content', () => {
	it.each(files('content/severities'))('severity %s is valid', (file) => {
		expect(issuesOf(SeveritySchema.safeParse(readFrontmatter(file)))).toEqual([]);
	});
	it.each(files('content/docs/process'))('phase %s is valid', (file) => {
		expect(issuesOf(PhaseSchema.safeParse(withoutPageKeys(readFrontmatter(file))))).toEqual([]);
	});
	it.each(files('content/docs/scenarios'))('scenario %s is valid', (file) => {
		expect(issuesOf(ScenarioSchema.safeParse(withoutPageKeys(readFrontmatter(file))))).toEqual([]);
	});
	it.each(files('content/templates'))('template %s is valid', (file) => {
		expect(issuesOf(TemplateSchema.safeParse(readFrontmatter(file)))).toEqual([]);
	});
	it('escalation path and site settings are valid', () => {
		const ladder = parse(readFileSync(join(ROOT, 'content/escalation.yaml'), 'utf8')) as unknown[];
		for (const rung of ladder) expect(issuesOf(EscalationStepSchema.safeParse(rung))).toEqual([]);
		expect(issuesOf(SiteSchema.safeParse(parse(readFileSync(join(ROOT, 'content/site.yaml'), 'utf8'))))).toEqual([]);
	});
	it('keeps none of the damaged characters of the original text', () => {
		const all = [
			...files('content/severities'),
			...files('content/docs/process'),
			...files('content/docs/scenarios'),
			...files('content/templates'),
		];
		for (const file of all) expect(readFileSync(file, 'utf8'), file).not.toMatch(/ð|â€|â†/);
	});
});

describe('DurationSchema', () => {
	it.each([
		['5m', 5],
		['1h', 60],
		['48h', 2880],
		['1d', 1440],
	])('reads %s as %i minutes', (text, minutes) => {
		expect(DurationSchema.parse(text)).toBe(minutes);
	});
	it.each(['5', '1 hour', '-5m', '1.5h', '', '15min'])('refuses %j', (text) => {
		expect(DurationSchema.safeParse(text).success).toBe(false);
	});
});

describe('StepListSchema', () => {
	it('derives ids from the text and keeps explicit ones', () => {
		const steps = StepListSchema.parse([
			'Check Redis connectivity',
			{ text: 'Isolate affected systems', lead: 'IMMEDIATE:', id: 'isolate' },
		]);
		expect(steps).toEqual([
			{ id: 'check-redis-connectivity', text: 'Check Redis connectivity' },
			{ id: 'isolate', text: 'Isolate affected systems', lead: 'IMMEDIATE:' },
		]);
	});
	it('refuses two steps with one id, naming the second', () => {
		const result = StepListSchema.safeParse(['Check logs', 'Check  logs!']);
		expect(issuesOf(result)).toEqual(['1: two steps share the id "check-logs"; give one of them its own `id:`']);
	});
	it('refuses an empty list and unknown keys', () => {
		expect(StepListSchema.safeParse([]).success).toBe(false);
		expect(issuesOf(StepListSchema.safeParse([{ text: 'x', txet: 'y' }])).join()).toMatch(/txet/);
	});
});

const severity = {
	id: 'P1',
	name: 'High',
	urgency: 'Urgent',
	rank: 1,
	tone: 'caution',
	criteria: ['Major feature broken'],
	responseTime: '15m',
	escalateAfter: '1h',
	updateEvery: '30m',
};

describe('SeveritySchema', () => {
	it('accepts a level and converts its times to minutes', () => {
		const parsed = SeveritySchema.parse(severity);
		expect(parsed.responseTime).toBe(15);
		expect(parsed.criteria).toEqual([{ id: 'major-feature-broken', text: 'Major feature broken' }]);
	});
	it.each([
		[{ responseTime: 'soon' }, 'responseTime'],
		[{ tone: 'purple' }, 'tone'],
		[{ rank: -1 }, 'rank'],
		[{ criteria: [] }, 'criteria'],
		[{ id: 'P 1' }, 'id'],
		[{ criteria: [{ text: 'Slow', measure: { metric: 'latency', label: 'Latency' } }] }, 'criteria.0.measure'],
		[{ escalateAfter: undefined }, 'escalateAfter'],
		[{ colour: 'red' }, ''],
	])('refuses %j, naming the field', (change, field) => {
		const issues = issuesOf(SeveritySchema.safeParse({ ...severity, ...change }));
		expect(issues.length).toBeGreaterThan(0);
		expect(issues.some((i) => i.startsWith(`${field}:`) || (field === '' && /colour/.test(i)))).toBe(true);
	});
});

describe('TemplateSchema', () => {
	const template = { title: 'T', kind: 'message', text: 'Status: {{status}}', fields: [{ name: 'status', label: 'Status' }] };
	it('accepts a template whose blanks are all declared', () => {
		expect(TemplateSchema.safeParse(template).success).toBe(true);
	});
	it.each([
		[{ text: 'Status: {{state}}' }, 'text: {{state}} is not declared in fields'],
		[{ text: '{{#timeline}}x' }, 'text: {{#timeline}} is never closed'],
		[{ text: 'Status: {{status}} {{#timeline}}{{/timeline}}' }, 'text: {{#timeline}} needs a field "timeline" with items'],
		[
			{
				fields: [
					{ name: 'status', label: 'Status' },
					{ name: 'extra', label: 'Extra' },
				],
			},
			'fields.1.name: "extra" is not used in the text',
		],
		[{ kind: 'email' }, 'kind:'],
		[{ fields: [{ name: 'status', label: 'Status', from: 'mood' }] }, 'fields.0.from:'],
	])('refuses %j', (change, message) => {
		expect(issuesOf(TemplateSchema.safeParse({ ...template, ...change })).join('\n')).toContain(message);
	});
});

describe('PhaseSchema and ScenarioSchema', () => {
	const phase = {
		title: 'Investigation',
		sidebar: { order: 2 },
		window: { from: '5m', to: '30m' },
		groups: [{ title: 'Gather', steps: ['Check logs'] }],
	};
	it('accepts a phase and refuses a window that ends before it starts', () => {
		expect(PhaseSchema.safeParse(phase).success).toBe(true);
		expect(issuesOf(PhaseSchema.safeParse({ ...phase, window: { from: '1h', to: '30m' } }))).toEqual([
			'window.to: the window must end after it starts',
		]);
	});
	it('marks a group of signs (ways of noticing, not tasks) on its checklist, and a step with the rung that does it', () => {
		const parsed = PhaseSchema.parse({
			...phase,
			groups: [
				{ title: 'Noticed by', signs: true, steps: ['Pager'] },
				{ title: 'Bring in', steps: [{ text: 'Ring the rota', doneByEscalating: 'rota' }] },
			],
		});
		const lists = phaseChecklists({ ...parsed, id: 'investigation', file: 'x.mdx' });
		expect(lists.map((l) => l.signs)).toEqual([true, undefined]);
		expect(lists[1]!.steps[0]).toEqual({ id: 'ring-the-rota', text: 'Ring the rota', doneByEscalating: 'rota' });
		expect(issuesOf(PhaseSchema.safeParse({ ...phase, groups: [{ title: 'G', signs: 'yes', steps: ['x'] }] })).join()).toMatch(
			/^groups\.0\.signs:/,
		);
		expect(
			issuesOf(
				PhaseSchema.safeParse({ ...phase, groups: [{ title: 'G', steps: [{ text: 'x', doneByEscalating: 'Engineering Lead' }] }] }),
			).join(),
		).toMatch(/^groups\.0\.steps\.0\.doneByEscalating:/);
	});
	it('marks a group of alternatives (doing one is enough) on its checklist, and refuses one that is signs too', () => {
		const parsed = PhaseSchema.parse({
			...phase,
			groups: [
				{ title: 'Fix', alternatives: true, steps: ['Revert', 'Scale'] },
				{ title: 'Watch', steps: ['x'] },
			],
		});
		const lists = phaseChecklists({ ...parsed, id: 'investigation', file: 'x.mdx' });
		expect(lists.map((l) => l.alternatives)).toEqual([true, undefined]);
		expect(issuesOf(PhaseSchema.safeParse({ ...phase, groups: [{ title: 'G', alternatives: 'yes', steps: ['x'] }] })).join()).toMatch(
			/^groups\.0\.alternatives:/,
		);
		expect(
			issuesOf(PhaseSchema.safeParse({ ...phase, groups: [{ title: 'G', signs: true, alternatives: true, steps: ['x'] }] })).join(),
		).toMatch(/^groups\.0\.alternatives: .*signs/);
	});
	it('refuses a phase without a number', () => {
		expect(issuesOf(PhaseSchema.safeParse({ ...phase, sidebar: {} })).join()).toMatch(/^sidebar\.order:/);
	});
	it('refuses a scenario with no symptoms or with a misspelt field', () => {
		const scenario = { title: 'Down', severities: ['P0'], symptoms: ['503'], response: ['Restart'] };
		expect(ScenarioSchema.safeParse(scenario).success).toBe(true);
		expect(issuesOf(ScenarioSchema.safeParse({ ...scenario, symptoms: [] })).join()).toMatch(/^symptoms:/);
		expect(issuesOf(ScenarioSchema.safeParse({ ...scenario, mitigaton: ['x'] })).join()).toMatch(/mitigaton/);
	});
	it('reports a misspelt field as one line per problem, naming the file, the missing field and the stray key', () => {
		const { symptoms, ...rest } = { title: 'Down', severities: ['P0'], symptoms: ['503'], response: ['Restart'] };
		const result = ScenarioSchema.safeParse({ ...rest, symptom: symptoms });
		const lines = describeIssues('content/docs/scenarios/down.mdx', result.error?.issues ?? []).split('\n');
		expect(lines).toHaveLength(2);
		expect(lines[0]).toMatch(/^content\/docs\/scenarios\/down\.mdx: symptoms: /);
		expect(lines[1]).toMatch(/^content\/docs\/scenarios\/down\.mdx: \(top level\): .*"symptom"/);
	});
});

describe('SiteSchema', () => {
	const site = parse(readFileSync(join(ROOT, 'content/site.yaml'), 'utf8')) as Record<string, unknown>;
	it('needs exactly one closing status', () => {
		const statuses = [
			{ id: 'open', label: 'Open' },
			{ id: 'done', label: 'Done' },
		];
		expect(issuesOf(SiteSchema.safeParse({ ...site, statuses }))).toEqual(['statuses: exactly one status needs `closes: true`']);
	});
	it('refuses a channel prefix Slack would not accept and a bad URL', () => {
		expect(issuesOf(SiteSchema.safeParse({ ...site, channelPrefix: 'Incident #' })).join()).toMatch(/^channelPrefix:/);
		const resources = [{ group: 'G', items: [{ name: 'Grafana', url: 'not a url' }] }];
		expect(issuesOf(SiteSchema.safeParse({ ...site, resources })).join()).toMatch(/^resources\.0\.items\.0\.url:/);
	});
});
