import { INCIDENT_ID } from '../../src/lib/incidentIds.ts';
import { describe, expect, it } from 'vitest';
import {
	setItemNote,
	NOTE_REWRITE_MS,
	activeIncident,
	addNote,
	attachScratch,
	clearDrills,
	deleteIncident,
	importIncident,
	incidentId,
	logMessage,
	RECOPY_MS,
	resetTicks,
	restoreTicks,
	setActive,
	setSeverity,
	setStatus,
	tickItem,
	updateIncident,
} from '../../src/lib/incidents.ts';
import { detectionProblem } from '../../src/lib/limits.ts';
import { mergeState, scenarioClock } from '../../src/lib/merge.ts';
import { emptyState } from '../../src/lib/state.ts';
import { min, T0, withIncident } from '../support/incidents.ts';

const step = { text: 'Check Redis connectivity', list: 'Service Down: Response' };
const KEY = 'scenario/service-down/response/check-redis-connectivity';

describe('declaring', () => {
	it('makes an active incident with an id and channel from its declaration time', () => {
		const { state, id } = withIncident();
		expect(id).toBe('20261126-0314-0000');
		expect(withIncident({}, undefined, Math.random).id).toMatch(/^20261126-0314-[0-9a-z]{4}$/);
		const incident = activeIncident(state);
		expect(incident?.channel).toBe(`#incident-${id}`);
		expect(incident?.events.map((e) => e.kind)).toEqual(['detected', 'declared']);
		expect(incident?.events[0]?.at).toBe(T0 - min(4));
	});
	it('gives a second incident in the same minute its own id, and marks drills in the id', () => {
		expect(incidentId(T0, false, ['20261126-0314-0000'], () => 0)).toBe('20261126-0314-0000-2');
		expect(incidentId(T0, true, [], () => 0)).toBe('drill-20261126-0314-0000');
	});
	it('gives ids of the shape a link is trusted to name (INCIDENT_ID), and only those', () => {
		const given = [
			incidentId(T0, false, [], () => 0),
			incidentId(T0, true, [], () => 0.9999999),
			incidentId(T0, false, ['20261126-0314-0000'], () => 0),
			...Array.from({ length: 50 }, () => incidentId(T0 + min(600), Math.random() < 0.5, [])),
		];
		expect(given.filter((id) => !INCIDENT_ID.test(id))).toEqual([]);
		expect(
			['', '20261126-0314', 'Send the file to x@evil.example', '20261126-0314-K7Q2', '20261126-0314-k7q2 ', 'x20261126-0314-k7q2'].filter(
				(id) => INCIDENT_ID.test(id),
			),
		).toEqual([]);
	});
	it('gives two tabs declaring in the same minute different ids, so they never merge', () => {
		// Four random base-36 characters: 1.7 million suffixes a minute, the whole range used.
		expect(incidentId(T0, false, [], () => 0)).toMatch(/-0000$/);
		expect(incidentId(T0, false, [], () => 0.9999999)).toMatch(/-zzzz$/);
		// Drawn afresh for each: 200 declarations share a suffix about once in 80 runs, twice in 15,000.
		const ids = new Set(Array.from({ length: 200 }, () => incidentId(T0, false, [])));
		expect(ids.size).toBeGreaterThanOrEqual(199);
		const tabA = withIncident({ title: 'Checkout down', severity: 'P0' }, undefined, Math.random);
		const tabB = withIncident({ title: 'Search slow', severity: 'P2' }, undefined, Math.random);
		const merged = mergeState(tabA.state, tabB.state);
		expect(merged.incidents.map((i) => [i.title, i.severity]).sort()).toEqual([
			['Checkout down', 'P0'],
			['Search slow', 'P2'],
		]);
		expect(merged.incidents.map((i) => i.events.length)).toEqual([2, 2]);
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
	it('says on the timeline each scenario given after the declaration, and none taken away or kept', () => {
		let { state, id } = withIncident({ scenarios: ['service-down'] });
		state = updateIncident(state, id, { scenarios: ['service-down', 'security-incident', 'database-issues'] }, T0 + min(5));
		state = updateIncident(state, id, { scenarios: ['security-incident'] }, T0 + min(6));
		const lines = activeIncident(state)?.events.filter((e) => e.kind === 'edited');
		expect(lines?.map((e) => [e.at, e.text])).toEqual([
			[T0 + min(5), 'Scenario added: security-incident'],
			[T0 + min(5), 'Scenario added: database-issues'],
		]);
	});
	it('resolves on a closing status and reopens on another', () => {
		let { state, id } = withIncident();
		state = setStatus(state, id, { id: 'resolved', label: 'Resolved', closes: true }, T0 + min(40));
		expect(activeIncident(state)?.resolvedAt).toBe(T0 + min(40));
		state = setStatus(state, id, { id: 'monitoring', label: 'Monitoring', closes: false }, T0 + min(41));
		expect(activeIncident(state)?.resolvedAt).toBeUndefined();
		expect(activeIncident(state)?.events.at(-1)?.text).toBe('Reopened: Monitoring');
	});

	it('keeps each edited service once, whatever its case, as the declaration does', () => {
		let { state, id } = withIncident();
		state = updateIncident(state, id, { services: ['checkout', 'API', 'api ', 'Checkout'] }, T0 + min(1));
		expect(activeIncident(state)?.services).toEqual(['checkout', 'API']);
	});
	it('logs a copied message once, however many pages apply that copy, and each later copy', () => {
		let { state, id } = withIncident();
		// The page the copy was made on, and the next page of the tab it handed the copy to, both apply it.
		state = logMessage(state, id, 'Copied Status Update (Slack)', T0 + min(5));
		state = logMessage(state, id, 'Copied Status Update (Slack)', T0 + min(5));
		state = logMessage(state, id, 'Copied Status Update (Slack)', T0 + min(35));
		const messages = activeIncident(state)?.events.filter((e) => e.kind === 'message');
		expect(messages?.map((e) => [e.text, e.at])).toEqual([
			['Copied Status Update (Slack)', T0 + min(5)],
			['Copied Status Update (Slack)', T0 + min(35)],
		]);
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
	it('logs the detection time it stores, and nothing when only other fields change', () => {
		let { state, id } = withIncident({ detectedAt: T0 - 1234 });
		state = updateIncident(state, id, { title: 'Login down', detectedAt: T0 - 1234 }, T0 + min(1));
		expect(activeIncident(state)?.events.map((e) => e.kind)).toEqual(['detected', 'declared']);
		expect(activeIncident(state)?.detectedAt).toBe(T0 - 1234);
		state = updateIncident(state, id, { detectedAt: T0 + min(300) }, T0 + min(2));
		const incident = activeIncident(state);
		expect(incident?.events.at(-1)?.text).toBe(`Detection time set to ${new Date(incident?.detectedAt ?? 0).toISOString()}`);
	});
	it('refuses a detection time in the future, with a reason, but allows a little clock skew', () => {
		expect(detectionProblem(T0 + min(120), T0)).toMatch(/2 hours in the future/);
		expect(detectionProblem(T0 + min(10), T0)).toMatch(/10 minutes in the future/);
		expect(detectionProblem(T0 + 30_000, T0)).toBeUndefined();
		expect(detectionProblem(T0 - min(600), T0)).toBeUndefined();
		expect(detectionProblem(Number.NaN, T0)).toMatch(/Enter/);
	});
	it('keeps incidents whose ids are names of Object.prototype through changes, merges and deletions', () => {
		for (const name of ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf']) {
			const { state } = withIncident();
			const incident = { ...activeIncident(state)!, id: name };
			let next = importIncident(emptyState(), incident, T0 + 1);
			next = setSeverity(next, name, 'P2', T0 + 2);
			const merged = mergeState(next, next);
			expect(
				merged.incidents.map((i) => i.id),
				name,
			).toEqual([name]);
			expect(merged.activeId, name).toBe(name);
			const gone = deleteIncident(merged, name, T0 + 3);
			expect(Object.hasOwn(gone.deleted, name), name).toBe(true);
			expect(mergeState(merged, gone).incidents, name).toEqual([]);
			expect(mergeState(gone, merged).incidents, name).toEqual([]);
			expect(Object.getPrototypeOf(gone.deleted), name).toBe(Object.prototype);
		}
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
	it("makes the runbook worked on one of the incident's scenarios, once, and only a scenario's, by a done step", () => {
		let { state, id } = withIncident({ scenarios: [] });
		const scenarios = () => activeIncident(state)?.scenarios;
		state = tickItem(state, id, 'phase/investigation/gather/check-logs', { text: 'Check logs', list: 'Phase 2' }, true, T0 + min(1));
		expect(scenarios()).toEqual([]);
		state = tickItem(state, id, KEY, step, true, T0 + min(2));
		expect(scenarios()).toEqual(['service-down']);
		expect(activeIncident(state)?.clock[scenarioClock('service-down')]).toBe(T0 + min(2));
		// A symptom seen is the runbook worked on too; a step undone takes nothing away.
		state = tickItem(
			state,
			id,
			'scenario/database-issues/symptoms/slow-queries',
			{ text: 'Slow queries', list: 'DB: Symptoms' },
			true,
			T0 + min(3),
		);
		state = tickItem(state, id, KEY, step, false, T0 + min(4));
		state = tickItem(state, id, KEY, step, true, T0 + min(5));
		expect(scenarios()).toEqual(['service-down', 'database-issues']);
		// Each said once on the timeline, when and by whom it came.
		expect(
			activeIncident(state)
				?.events.filter((e) => e.text.startsWith('Scenario added'))
				.map((e) => [e.at, e.text, e.by]),
		).toEqual([
			[T0 + min(2), 'Scenario added: service-down', 'alice'],
			[T0 + min(3), 'Scenario added: database-issues', 'alice'],
		]);
		// A tick applied late (made on a page left before) adds its scenario after a later edit of the list, and keeps it
		// when tabs merge: each scenario has its own clock, and the edit did not touch this one.
		const edited = updateIncident(state, id, { scenarios: ['service-down', 'database-issues', 'performance'] }, T0 + min(20));
		const late = tickItem(edited, id, 'scenario/security-incident/response/rotate', { text: 'Rotate', list: 'Sec' }, true, T0 + min(10));
		expect(activeIncident(late)?.scenarios).toContain('security-incident');
		for (const merged of [mergeState(edited, late), mergeState(late, edited)])
			expect(activeIncident(merged)?.scenarios).toEqual(['service-down', 'database-issues', 'performance', 'security-incident']);
		// Over, its record stays as it was: a runbook opened since changes neither its escalation nor its post-mortem.
		state = setStatus(state, id, { id: 'resolved', label: 'Resolved', closes: true }, T0 + min(6));
		state = tickItem(state, id, 'scenario/security-incident/response/rotate', { text: 'Rotate', list: 'Sec' }, true, T0 + min(7));
		expect(scenarios()).toEqual(['service-down', 'database-issues']);
		// Ticks made before declaring: the declare form's choice of runbooks stands (it offers them), nothing is added.
		const scratch = tickItem({ ...emptyState(), responder: 'carol' }, null, KEY, step, true, T0 - min(2));
		const declared = withIncident({ scenarios: ['security-incident'] }, scratch);
		state = attachScratch(declared.state, declared.id, T0 + min(1));
		expect(activeIncident(state)?.ticks[KEY]?.done).toBe(true);
		expect(activeIncident(state)?.scenarios).toEqual(['security-incident']);
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
	it('puts a step note on the timeline, where the post-mortem and the exports read it', () => {
		let { state, id } = withIncident({}, { ...emptyState(), responder: 'dana' });
		state = setItemNote(state, id, KEY, step, '  pool at 100/100 on db-2 ', T0 + min(5));
		expect(activeIncident(state)?.events.at(-1)).toMatchObject({
			kind: 'note',
			at: T0 + min(5),
			by: 'dana',
			text: 'Note on Check Redis connectivity (Service Down: Response): pool at 100/100 on db-2',
		});
		const count = activeIncident(state)?.events.length;
		// The same words saved again, or the note taken off: the timeline keeps what was said, once.
		state = setItemNote(state, id, KEY, step, 'pool at 100/100 on db-2', T0 + min(6));
		state = setItemNote(state, id, KEY, step, '', T0 + min(7));
		expect(activeIncident(state)?.events.length).toBe(count);
		expect(activeIncident(state)?.ticks[KEY]?.note).toBeUndefined();
	});
	it('rewrites the note line when its writer edits it soon after, and adds a line after that', () => {
		let { state, id } = withIncident({}, { ...emptyState(), responder: 'dana' });
		const notes = () =>
			activeIncident(state)!
				.events.filter((e) => e.kind === 'note')
				.map((e) => [e.at, e.text.split(': ').at(-1)]);
		state = setItemNote(state, id, KEY, step, 'lag 40 s on db2', T0 + min(5));
		state = tickItem(state, id, 'phase/investigation/gather/check-logs', { text: 'Check logs', list: 'Phase 2' }, true, T0 + min(6));
		// A typo put right two minutes on, a tick in between: one line, as the note now reads, at the time of the edit.
		state = setItemNote(state, id, KEY, step, 'lag 40 s on db-2', T0 + min(7));
		expect(notes()).toEqual([[T0 + min(7), 'lag 40 s on db-2']]);
		expect(activeIncident(state)!.events.at(-1)?.kind).toBe('note');
		// Changed after the window, counted from when the line was first written (not from its last rewrite):
		// what the note said before stays on the record.
		state = setItemNote(state, id, KEY, step, 'lag back to 0 s', T0 + min(5) + NOTE_REWRITE_MS);
		expect(notes()).toEqual([
			[T0 + min(7), 'lag 40 s on db-2'],
			[T0 + min(5) + NOTE_REWRITE_MS, 'lag back to 0 s'],
		]);
		// Someone else's edit is theirs: a line of its own.
		state = setItemNote({ ...state, responder: 'erin' }, id, KEY, step, 'lag back to 0 s on db-2', T0 + min(8) + NOTE_REWRITE_MS);
		expect(notes()).toHaveLength(3);
		// Another step's note never rewrites this one's.
		const other = { text: 'Check the load balancer', list: 'Service Down: Response' };
		state = setItemNote(state, id, 'scenario/service-down/response/check-lb', other, 'healthy', T0 + min(9) + NOTE_REWRITE_MS);
		expect(notes()).toHaveLength(4);
	});
	it('keeps the rewritten note line when tabs merge, whichever copy comes first', () => {
		let { state, id } = withIncident({}, { ...emptyState(), responder: 'dana' });
		state = setItemNote(state, id, KEY, step, 'lag 40 s on db2', T0 + min(5));
		const edited = setItemNote(state, id, KEY, step, 'lag 40 s on db-2', T0 + min(6));
		for (const merged of [mergeState(state, edited), mergeState(edited, state)]) {
			const lines = activeIncident(merged)!.events.filter((e) => e.kind === 'note');
			expect(lines.map((e) => e.text.split(': ').at(-1))).toEqual(['lag 40 s on db-2']);
		}
	});
	it('keeps the notes written before declaring: on the steps and on the timeline, ticked or not', () => {
		let state = setItemNote({ ...emptyState(), responder: 'carol' }, null, KEY, step, 'redis-3 refuses connections', T0 - min(3));
		const other = { text: 'Check the load balancer', list: 'Service Down: Response' };
		state = tickItem(state, null, 'scenario/service-down/response/check-lb', other, true, T0 - min(2));
		state = setItemNote(state, null, 'scenario/service-down/response/check-lb', other, 'healthy', T0 - min(1));
		const declared = withIncident({}, state);
		state = attachScratch(declared.state, declared.id, T0 + min(1));
		const incident = activeIncident(state);
		expect(incident?.ticks[KEY]).toMatchObject({ done: false, note: 'redis-3 refuses connections' });
		expect(incident?.ticks['scenario/service-down/response/check-lb']).toMatchObject({ done: true, note: 'healthy' });
		expect(incident?.events.map((e) => [e.kind, e.at, e.text])).toEqual([
			['detected', T0 - min(4), expect.any(String)],
			['note', T0 - min(3), 'Note on Check Redis connectivity (Service Down: Response): redis-3 refuses connections'],
			['tick', T0 - min(2), 'Done: Check the load balancer (Service Down: Response)'],
			['note', T0 - min(1), 'Note on Check the load balancer (Service Down: Response): healthy'],
			['declared', T0, expect.any(String)],
		]);
	});
	it("ignores a tick or note older than the step's last change (one left by a page applied late)", () => {
		let { state, id } = withIncident();
		state = tickItem(state, id, KEY, step, true, T0 + min(1));
		state = tickItem(state, id, KEY, step, false, T0 + min(3));
		const events = activeIncident(state)?.events.length;
		// A tick made at 2 min, applied only now by another page: the untick at 3 min stands.
		state = tickItem(state, id, KEY, step, true, T0 + min(2));
		state = setItemNote(state, id, KEY, step, 'stale note', T0 + min(2));
		expect(activeIncident(state)?.ticks[KEY]).toMatchObject({ done: false, changedAt: T0 + min(3) });
		expect(activeIncident(state)?.ticks[KEY]?.note).toBeUndefined();
		expect(activeIncident(state)?.events.length).toBe(events);
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

describe('messages logged as copied', () => {
	it('logs the same message copied again within a minute once, and again after that', () => {
		const { state, id } = withIncident();
		const at = T0 + min(5);
		const twice = logMessage(logMessage(state, id, 'Copied Status Update (Slack)', at), id, 'Copied Status Update (Slack)', at + 400);
		const copies = (s: typeof state) => s.incidents[0]!.events.filter((e) => e.kind === 'message').length;
		expect(copies(twice)).toBe(1);
		// Applied late (a page left before its store arrived): one from before counts too.
		expect(copies(logMessage(twice, id, 'Copied Status Update (Slack)', at - RECOPY_MS + 1))).toBe(1);
		expect(copies(logMessage(twice, id, 'Copied Status Update (Slack)', at + RECOPY_MS))).toBe(2);
		expect(copies(logMessage(twice, id, 'Copied Status Update (Markdown)', at + 400))).toBe(2);
	});

	it('logs a copy made again after the incident changed: the message said something new', () => {
		const { state, id } = withIncident();
		const at = T0 + min(5);
		const update = 'Copied Status Update (Slack)';
		const copied = logMessage(state, id, update, at);
		const copies = (s: typeof state) => s.incidents[0]!.events.filter((e) => e.kind === 'message').map((e) => e.at - at);
		const identified = setStatus(copied, id, { id: 'identified', label: 'Identified', closes: false }, at + 10_000);
		expect(copies(logMessage(identified, id, update, at + 15_000))).toEqual([0, 15_000]);
		expect(copies(logMessage(setSeverity(copied, id, 'P1', at + 10_000), id, update, at + 15_000))).toEqual([0, 15_000]);
		expect(copies(logMessage(updateIncident(copied, id, { impact: 'EU only' }, at + 10_000), id, update, at + 15_000))).toEqual([
			0, 15_000,
		]);
		// The same copy applied again after the change (a page's held copy): once.
		expect(copies(logMessage(identified, id, update, at))).toEqual([0]);
		// Another press before the change copied the same words: once.
		expect(copies(logMessage(identified, id, update, at + 5_000))).toEqual([0]);
	});
});
