import { describe, expect, it } from 'vitest';
import { withStepChange, type StepChange } from '../../src/lib/checklistChanges.onDemand.ts';
import { emptyState } from '../../src/lib/state.ts';
import { T0, withIncident } from '../support/incidents.ts';

const step = (target: string | null, change: StepChange['change'] = { done: true }): StepChange => ({
	target,
	key: 'list/step',
	text: 'Restart the service',
	list: 'Response',
	at: T0 + 1,
	change,
});

describe('a tick or a note on a step', () => {
	it('goes to the incident it was made for', () => {
		const { state, id } = withIncident({}, emptyState());
		const after = withStepChange(state, step(id));
		expect(after.incidents[0]?.ticks['list/step']?.done).toBe(true);
		expect(after.scratch).toEqual({});
	});

	it('made for an incident the state no longer holds, is kept with the ticks made with no incident open', () => {
		// The page showed incident "gone"; the full read set it aside (or another tab deleted it) before the tick was applied.
		const { state } = withIncident({}, emptyState());
		const ticked = withStepChange(state, step('gone'));
		expect(ticked.scratch['list/step']).toMatchObject({ done: true, at: T0 + 1, text: 'Restart the service' });
		expect(ticked.incidents[0]?.ticks).toEqual({});
		const noted = withStepChange(ticked, step('gone', { note: 'restarted twice' }));
		expect(noted.scratch['list/step']?.note).toBe('restarted twice');
	});
});
