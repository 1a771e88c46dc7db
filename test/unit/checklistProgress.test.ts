import { describe, expect, it } from 'vitest';
import { stepsProgress } from '../../src/lib/checklistProgress.ts';
import type { ChecklistSpec } from '../../src/lib/clientPlaybook.ts';
import { incidentChecklists } from '../../src/lib/incidentChecklists.ts';
import { tickItem } from '../../src/lib/incidents.ts';
import { min, T0, withIncident } from '../support/incidents.ts';

/** A small scenario page of our own: two symptoms, three response steps, two mitigation steps. */
const list = (part: string, ids: string[]): ChecklistSpec => ({
	key: `scenario/slow-queue/${part}`,
	label: `Slow Queue: ${part}`,
	page: 'Slow Queue',
	href: '/scenarios/slow-queue/',
	steps: ids.map((id) => ({ id, text: id })),
});
const page = [list('symptoms', ['lag', 'timeouts']), list('response', ['look', 'drain', 'restart']), list('mitigation', ['scale', 'shed'])];

/** An incident that did not name the scenario but ticked one symptom and two response steps. */
function ticked() {
	let { state, id } = withIncident({ scenarios: [] });
	for (const key of ['symptoms/lag', 'response/look', 'response/drain'])
		state = tickItem(state, id, `scenario/slow-queue/${key}`, { text: key, list: 'Slow Queue' }, true, T0 + min(1));
	return state.incidents[0]!;
}

describe('one rule for what counts as a step', () => {
	it('counts response and mitigation steps, not symptoms', () => {
		expect(stepsProgress(page, ticked().ticks)).toEqual({ done: 2, total: 5 });
	});
	it('gives the workspace every list of a page the incident ticked in, so it counts what the page counts', () => {
		const incident = ticked();
		const lists = incidentChecklists(incident, page);
		expect(lists.map((s) => s.key)).toEqual(page.map((s) => s.key));
		expect(stepsProgress(lists, incident.ticks)).toEqual(stepsProgress(page, incident.ticks));
	});
	it('leaves out the lists of a page nobody ticked in and the incident did not name', () => {
		const { state } = withIncident({ scenarios: [] });
		expect(incidentChecklists(state.incidents[0]!, page)).toEqual([]);
	});
});
