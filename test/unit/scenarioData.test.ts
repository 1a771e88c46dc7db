import { describe, expect, it } from 'vitest';
import { scenarioData, toClient } from '../../src/data/toClient.ts';
import { ROUTES } from '../../src/lib/urls.ts';
import { playbookFromFiles } from '../support/playbookFromFiles.ts';

describe('the scenario data the whole-playbook pages fetch', () => {
	const playbook = playbookFromFiles();

	it('holds every scenario and every scenario checklist, and nothing of the phases', () => {
		const data = scenarioData(playbook);
		expect(data.scenarios.map((s) => s.id)).toEqual(playbook.scenarios.map((s) => s.id));
		expect(data.scenarios[0]).toEqual({
			id: playbook.scenarios[0]!.id,
			title: playbook.scenarios[0]!.title,
			severities: playbook.scenarios[0]!.severities,
		});
		// Symptoms, response and (where written) mitigation of each scenario, in playbook order; the
		// phases' lists come with the page instead.
		const expected = playbook.scenarios.flatMap((s) =>
			['symptoms', 'response', ...(s.mitigation ? ['mitigation'] : [])].map((part) => `scenario/${s.id}/${part}`),
		);
		expect(data.checklists.map((c) => c.key)).toEqual(expected);
		expect(data.checklists.find((c) => c.key === expected[0])?.steps).toEqual(playbook.scenarios[0]!.symptoms);
		expect(JSON.parse(JSON.stringify(data))).toEqual(data);
		// The alert index travels with the scenario data, for the 404 page of an alert URL.
		expect(Object.keys(data.alerts).sort()).toEqual(
			[...new Set(playbook.scenarios.flatMap((s) => s.alerts ?? []).map((a) => a.toLowerCase()))].sort(),
		);
	});

	it('is left out of a page that fetches it, and named where to fetch it', () => {
		const fetching = toClient(playbook, { fetchScenarios: true });
		expect(fetching.scenarios).toEqual([]);
		expect(fetching.scenariosFrom).toBe(ROUTES.scenarioData);
		const carrying = toClient(playbook);
		expect(carrying.scenarios).toHaveLength(playbook.scenarios.length);
		expect(carrying.scenariosFrom).toBeUndefined();
	});
});
