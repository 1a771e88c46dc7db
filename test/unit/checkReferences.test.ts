import { describe, expect, it } from 'vitest';
import { checkReferences } from '../../src/lib/checkReferences.ts';
import type { Playbook } from '../../src/lib/playbook.ts';

const severity = (id: string, rank: number) => ({
	id,
	rank,
	file: `content/severities/${id}.mdx`,
	name: id,
	urgency: '',
	tone: 'danger' as const,
	criteria: [{ id: 'x', text: 'x' }],
	responseTime: 5,
	escalateAfter: 15,
	updateEvery: 15,
});
const scenario = (id: string, severities: string[], related?: string[]) => ({
	id,
	file: `content/docs/scenarios/${id}.mdx`,
	title: id,
	severities,
	symptoms: [{ id: 'a', text: 'a' }],
	response: [{ id: 'b', text: 'b' }],
	...(related ? { related } : {}),
});
const playbook = (over: Partial<Omit<Playbook, 'site'>> = {}): Omit<Playbook, 'site'> => ({
	severities: [severity('P0', 0), severity('P1', 1)],
	phases: [],
	scenarios: [scenario('down', ['P0'])],
	templates: [],
	escalation: [],
	...over,
});

describe('checkReferences', () => {
	it('finds nothing wrong in a consistent playbook', () => {
		expect(checkReferences(playbook())).toEqual([]);
	});
	it('names the file and field of a scenario that names a missing severity', () => {
		expect(checkReferences(playbook({ scenarios: [scenario('down', ['P0', 'P9'])] }))).toEqual([
			'content/docs/scenarios/down.mdx: severities.1: "P9" is not a severity (known: P0, P1)',
		]);
	});
	it('catches related scenarios and escalation rungs that point nowhere', () => {
		const problems = checkReferences(
			playbook({
				scenarios: [scenario('down', ['P0'], ['gone'])],
				escalation: [{ id: 'ceo', level: 4, role: 'CEO', severities: ['SEV1'], condition: 'breach', scenarios: ['breach'] }],
			}),
		);
		expect(problems).toEqual([
			'content/docs/scenarios/down.mdx: related.0: "gone" is not a scenario (known: down)',
			'content/escalation.yaml: ceo.severities.0: "SEV1" is not a severity (known: P0, P1)',
			'content/escalation.yaml: ceo.scenarios.0: "breach" is not a scenario (known: down)',
		]);
	});
	it('names a criterion that calls for a scenario the playbook lacks', () => {
		const leaky = {
			...severity('P0', 0),
			criteria: [
				{ id: 'x', text: 'x' },
				{ id: 'leak', text: 'Data leaked', scenarios: ['down', 'breach'] },
			],
		};
		expect(checkReferences(playbook({ severities: [leaky, severity('P1', 1)] }))).toEqual([
			'content/severities/P0.mdx: criteria.1.scenarios.1: "breach" is not a scenario (known: down)',
		]);
	});
	it('names a step whose escalation rung is not on the path', () => {
		const problems = checkReferences(
			playbook({
				escalation: [{ id: 'rota', level: 1, role: 'Rota' }],
				phases: [
					{
						id: 'triage',
						file: 'content/docs/process/triage.mdx',
						title: 'Triage',
						sidebar: { order: 1 },
						window: { to: 5 },
						groups: [
							{
								title: 'Bring people in',
								steps: [
									{ id: 'ring', text: 'Ring the rota', doneByEscalating: 'rota' },
									{ id: 'boss', text: 'Ring the boss', doneByEscalating: 'boss' },
								],
							},
						],
					},
				],
				scenarios: [{ ...scenario('down', ['P0']), response: [{ id: 'b', text: 'b', doneByEscalating: 'cto' }] }],
			}),
		);
		expect(problems).toEqual([
			'content/docs/process/triage.mdx: groups.0.steps.1.doneByEscalating: "boss" is not an escalation rung (known: rota)',
			'content/docs/scenarios/down.mdx: response.0.doneByEscalating: "cto" is not an escalation rung (known: rota)',
		]);
	});
	it('refuses two levels with the same id or rank', () => {
		expect(checkReferences(playbook({ severities: [severity('P0', 0), severity('P0', 1), severity('P2', 1)] }))).toEqual([
			'content/severities/P0.mdx: id: "P0" is also the id of content/severities/P0.mdx',
			'content/severities/P2.mdx: rank: 1 is also the rank of content/severities/P0.mdx',
		]);
	});
});

describe('checkReferences on drills', () => {
	const drill = (over: Record<string, unknown> = {}) => ({
		id: 'd',
		file: 'content/drills/d.yaml',
		title: 'd',
		scenario: 'down',
		severity: 'P0',
		alert: 'Down',
		services: [],
		injects: [{ after: 4, text: 'worse', severity: 'P1' }],
		...over,
	});
	it('accepts a drill whose scenario and severities exist', () => {
		expect(checkReferences(playbook({ drills: [drill()] }))).toEqual([]);
	});
	it('names the drill file and field that point nowhere', () => {
		expect(
			checkReferences(
				playbook({ drills: [drill({ scenario: 'gone', severity: 'SEV1', injects: [{ after: 1, text: 'x', severity: 'P9' }] })] }),
			),
		).toEqual([
			'content/drills/d.yaml: scenario: "gone" is not a scenario (known: down)',
			'content/drills/d.yaml: severity: "SEV1" is not a severity (known: P0, P1)',
			'content/drills/d.yaml: injects.0.severity: "P9" is not a severity (known: P0, P1)',
		]);
	});
});
