import { describe, expect, it } from 'vitest';
import {
	activeIncident,
	addNote,
	attachScratch,
	clearDrills,
	deleteIncident,
	incidentId,
	resetTicks,
	restoreTicks,
	setActive,
	setSeverity,
	setStatus,
	tickItem,
	updateIncident,
} from '../../src/lib/incidents';
import { emptyState } from '../../src/lib/state';
import { min, T0, withIncident } from '../support/incidents';

const step = { text: 'Check Redis connectivity', list: 'Service Down: Response' };
const KEY = 'scenario/service-down/response/check-redis-connectivity';

describe('declaring', () => {
	it('makes an active incident with an id and channel from its declaration time', () => {
		const { state, id } = withIncident();
		expect(id).toBe('20261126-0314');
		const incident = activeIncident(state);
		expect(incident?.channel).toBe('#incident-20261126-0314');
		expect(incident?.events.map((e) => e.kind)).toEqual(['detected', 'declared']);
		expect(incident?.events[0]?.at).toBe(T0 - min(4));
	});
	it('gives a second incident in the same minute its own id, and marks drills in the id', () => {
		expect(incidentId(T0, false, ['20261126-0314'])).toBe('20261126-0314-2');
		expect(incidentId(T0, true, [])).toBe('drill-20261126-0314');
	});
	it('keeps the scripted drill it plays on a drill only', () => {
		const exercise = { drill: 'pool', startedAt: T0 - min(2) };
		expect(activeIncident(withIncident({ drill: true, exercise }).state)?.exercise).toEqual(exercise);
		expect(activeIncident(withIncident({ drill: false, exercise }).state)?.exercise).toBeUndefined();
	});
	it('never records a detection time in the future', () => {
		const { state } = withIncident({ detectedAt: T0 + min(10) });
		expect(activeIncident(state)?.detectedAt).toBe(T0);
	});
});

describe('changing an incident', () => {
	it('keeps the severity history on the timeline', () => {
		let { state, id } = withIncident({ severity: 'P1' });
		state = setSeverity(state, id, 'P0', T0 + min(5));
		state = setSeverity(state, id, 'P0', T0 + min(6));
		const events = activeIncident(state)?.events.filter((e) => e.kind === 'severity');
		expect(events?.map((e) => [e.text, e.at])).toEqual([['Severity P1 → P0', T0 + min(5)]]);
	});
	it('resolves on a closing status and reopens on another', () => {
		let { state, id } = withIncident();
		state = setStatus(state, id, { id: 'resolved', label: 'Resolved', closes: true }, T0 + min(40));
		expect(activeIncident(state)?.resolvedAt).toBe(T0 + min(40));
		state = setStatus(state, id, { id: 'monitoring', label: 'Monitoring', closes: false }, T0 + min(41));
		expect(activeIncident(state)?.resolvedAt).toBeUndefined();
		expect(activeIncident(state)?.events.at(-1)?.text).toBe('Reopened: Monitoring');
	});
	it('notes an edited detection time and ignores empty notes', () => {
		let { state, id } = withIncident();
		state = updateIncident(state, id, { detectedAt: T0 - min(30), title: 'Login down' }, T0 + min(1));
		state = addNote(state, id, '   ', T0 + min(2));
		const incident = activeIncident(state);
		expect(incident?.title).toBe('Login down');
		expect(incident?.events.at(-1)?.text).toBe('Detection time set to 2026-11-26T02:44:00.000Z');
		expect(incident?.clock).toMatchObject({ title: T0 + min(1), detectedAt: T0 + min(1) });
	});
});

describe('ticks', () => {
	it('records who ticked a step and when, and logs it', () => {
		let { state, id } = withIncident();
		state = tickItem(state, id, KEY, step, true, T0 + min(3));
		const incident = activeIncident(state);
		expect(incident?.ticks[KEY]).toMatchObject({ done: true, at: T0 + min(3), by: 'alice', text: step.text });
		expect(incident?.events.at(-1)?.text).toBe('Done: Check Redis connectivity (Service Down: Response)');
	});
	it('goes to the scratch session with no incident, and can be attached later', () => {
		let state = tickItem({ ...emptyState(), responder: 'carol' }, null, KEY, step, true, T0 - min(2));
		expect(state.scratch[KEY]?.done).toBe(true);
		const declared = withIncident({}, state);
		state = attachScratch(declared.state, declared.id, T0 + min(1));
		expect(state.scratch).toEqual({});
		expect(activeIncident(state)?.ticks[KEY]).toMatchObject({ done: true, at: T0 - min(2), by: 'carol' });
		expect(activeIncident(state)?.events.map((e) => e.kind)).toEqual(['detected', 'tick', 'declared']);
	});
	it('resets a list and undoes the reset', () => {
		let { state, id } = withIncident();
		state = tickItem(state, id, KEY, step, true, T0 + min(1));
		state = tickItem(state, id, 'phase/investigation/gather/check-logs', { text: 'Check logs', list: 'Phase 2' }, true, T0 + min(2));
		const reset = resetTicks(state, id, 'scenario/service-down/', 'Service Down', T0 + min(3));
		const after = activeIncident(reset.state)?.ticks;
		expect(after?.[KEY]?.done).toBe(false);
		expect(after?.['phase/investigation/gather/check-logs']?.done).toBe(true);
		state = restoreTicks(reset.state, id, reset.undo, T0 + min(4));
		expect(activeIncident(state)?.ticks[KEY]).toMatchObject({ done: true, at: T0 + min(1) });
	});
});

describe('several incidents', () => {
	it('switches, deletes, and clears drills in one step', () => {
		let first = withIncident({ title: 'Real' });
		let second = withIncident({ title: 'Game day', drill: true }, first.state);
		let state = second.state;
		expect(state.activeId).toBe(second.id);
		state = setActive(state, first.id, T0 + 1);
		expect(activeIncident(state)?.title).toBe('Real');
		state = clearDrills(state, T0 + 2);
		expect(state.incidents.map((i) => i.title)).toEqual(['Real']);
		state = deleteIncident(state, first.id, T0 + 3);
		expect(state.activeId).toBeNull();
		expect(state.deleted).toEqual({ [second.id]: T0 + 2, [first.id]: T0 + 3 });
	});
});
