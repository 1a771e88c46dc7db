import { describe, expect, it } from 'vitest';
import { allChecklists, scenarioData, SCENARIO_DATA_URL, toClient } from '../../src/data/clientPlaybook';
import { playbookFromFiles } from '../support/playbookFromFiles';

describe('the scenario data the whole-playbook pages fetch', () => {
	const playbook = playbookFromFiles();

	it('holds every scenario and every scenario checklist, and nothing of the phases', () => {
		const data = scenarioData(playbook);
		expect(data.scenarios.map((s) => s.id)).toEqual(playbook.scenarios.map((s) => s.id));
		expect(data.scenarios[0]).toEqual({ id: playbook.scenarios[0]!.id, title: playbook.scenarios[0]!.title, severities: playbook.scenarios[0]!.severities });
		const phaseKeys = allChecklists(playbook).filter((c) => c.key.startsWith('phase/')).map((c) => c.key);
		// The phases' lists come with the page; together they are every checklist, in order.
		expect([...phaseKeys, ...data.checklists.map((c) => c.key)]).toEqual(allChecklists(playbook).map((c) => c.key));
		expect(JSON.parse(JSON.stringify(data))).toEqual(data);
	});

	it('is left out of a page that fetches it, and named where to fetch it', () => {
		const fetching = toClient(playbook, { fetchScenarios: true });
		expect(fetching.scenarios).toEqual([]);
		expect(fetching.scenariosFrom).toBe(SCENARIO_DATA_URL);
		const carrying = toClient(playbook);
		expect(carrying.scenarios).toHaveLength(playbook.scenarios.length);
		expect(carrying.scenariosFrom).toBeUndefined();
	});
});
