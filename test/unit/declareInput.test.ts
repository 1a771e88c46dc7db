import { describe, expect, it } from 'vitest';
import { typedMentionWarnings } from '../../src/lib/broadcastMentions.ts';
import { alreadyOpen, declareProblems, levelChange, offeredChange, titleLimitNote, usualLevels } from '../../src/lib/declareInput.ts';
import { serviceList, uniqueServices } from '../../src/lib/serviceList.ts';
import { addAlert, declareIncident, setStatus } from '../../src/lib/incidents.ts';
import { alertPrefill } from '../../src/lib/alertParams.ts';
import { timelineRows } from '../../src/lib/postMortem.ts';
import { MAX_IMPACT_LENGTH, MAX_TITLE_LENGTH } from '../../src/lib/limits.ts';
import { declaration, min, T0, withIncident } from '../support/incidents.ts';
import { emptyState, type State } from '../../src/lib/state.ts';

describe('the problems of a declaration', () => {
	it('name every field to fix, in the order the form shows them', () => {
		expect(declareProblems({ title: ' ', severity: '', detectedAt: Number.NaN }, ['A'], T0).map((p) => p.field)).toEqual([
			'title',
			'severity',
			'detected',
		]);
		expect(declareProblems({ title: 'Down', severity: 'B', detectedAt: T0 }, ['A'], T0)).toEqual([
			{ field: 'severity', message: 'Choose a severity.' },
		]);
		expect(declareProblems({ title: 'Down', severity: 'A', detectedAt: T0 + min(60) }, ['A'], T0).map((p) => p.field)).toEqual([
			'detected',
		]);
		expect(declareProblems({ title: 'Down', severity: 'A', detectedAt: T0 }, ['A'], T0)).toEqual([]);
	});

	it('say when the title is at its limit, and only then', () => {
		expect(titleLimitNote(MAX_TITLE_LENGTH - 1)).toBeUndefined();
		expect(titleLimitNote(MAX_TITLE_LENGTH)).toMatch(/cut/);
	});
});

describe('services as typed', () => {
	it('are kept once each, whatever their case, in the order first typed', () => {
		expect(serviceList('checkout, api, checkout')).toEqual(['checkout', 'api']);
		expect(serviceList(' API ,, api, Web')).toEqual(['API', 'Web']);
		expect(uniqueServices([])).toEqual([]);
	});

	it('are kept once each by the model too, whoever declares', () => {
		const { state } = withIncident({ services: ['checkout', 'api', 'Checkout'] });
		expect(state.incidents[0]?.services).toEqual(['checkout', 'api']);
	});
});

describe("a runbook's usual levels", () => {
	it('come first, the others after, each in the playbook order', () => {
		const levels = [{ id: 'A' }, { id: 'B' }, { id: 'C' }];
		expect(usualLevels(levels, ['C', 'B'])).toEqual({ usual: [{ id: 'B' }, { id: 'C' }], others: [{ id: 'A' }] });
		expect(usualLevels(levels, [])).toEqual({ usual: [], others: levels });
	});
});

describe('the incident already open', () => {
	it('is the one from the same alert first, then one on the same scenario, then the latest; never a resolved one or a drill', () => {
		const first = withIncident({ title: 'From the alert', alert: 'HighErrors', scenarios: ['db'] });
		const second = declareIncident(first.state, declaration({ title: 'Same runbook', scenarios: ['errors'] }), 'inc-', T0 + min(1));
		const third = declareIncident(second.state, declaration({ title: 'Latest', scenarios: [] }), 'inc-', T0 + min(2));
		const drill = declareIncident(third.state, declaration({ title: 'Drill', drill: true, scenarios: ['errors'] }), 'inc-', T0 + min(3));
		const state = drill.state;
		expect(alreadyOpen(state, { alert: 'higherrors', scenarios: ['errors'] })?.title).toBe('From the alert');
		expect(alreadyOpen(state, { alert: 'Other', scenarios: ['errors'] })?.title).toBe('Same runbook');
		expect(alreadyOpen(state, {})?.title).toBe('Latest');
		const resolved = setStatus(state, third.id, { id: 'resolved', label: 'Resolved', closes: true }, T0 + min(4));
		expect(alreadyOpen(resolved, {})?.title).toBe('Same runbook');
		expect(alreadyOpen(first.state, { drill: true })).toBeUndefined();
	});

	it('is the one worked on (the incident bar shows it) before the latest, after one from the alert or on the runbook', () => {
		const first = withIncident({ title: 'Worked on', alert: 'HighErrors', scenarios: [] });
		const second = declareIncident(first.state, declaration({ title: 'Latest', scenarios: ['errors'] }), 'inc-', T0 + min(1));
		const state = { ...second.state, activeId: first.id };
		expect(alreadyOpen(state, {})?.title).toBe('Worked on');
		expect(alreadyOpen(state, { scenarios: ['errors'] })?.title).toBe('Latest');
		expect(alreadyOpen({ ...state, activeId: second.id }, { alert: 'HighErrors' })?.title).toBe('Worked on');
	});

	it('takes an alert added to it on its timeline, with its services once each', () => {
		const { state, id } = withIncident({ services: ['api'] });
		const next = addAlert(state, id, { alert: 'HighErrors', severity: 'P1', services: ['API', 'checkout'] }, T0 + min(5));
		const incident = next.incidents[0]!;
		expect(incident.services).toEqual(['api', 'checkout']);
		// Stamped when it was added: the link carries no firing time, so the timeline does not claim one.
		expect(incident.events.at(-1)).toMatchObject({ kind: 'note', at: T0 + min(5), text: 'Alert HighErrors (P1, API, checkout) added' });
		expect(incident.clock['services']).toBe(T0 + min(5));
	});

	it('takes an alert once as its link gives it, in any case (a third tab on the link), and is offered for it first', () => {
		const { state, id } = withIncident({ title: 'Took it', services: ['api'] });
		const once = addAlert(state, id, { alert: 'HighErrors', services: ['checkout'] }, T0 + min(5));
		expect(addAlert(once, id, { alert: 'higherrors', services: ['checkout'] }, T0 + min(6))).toEqual(once);
		// The same alert firing for another service is news: a line of its own, and its service joins.
		const again = addAlert(once, id, { alert: 'HighErrors', services: ['search'] }, T0 + min(7));
		expect(again.incidents[0]!.events.filter((e) => e.text.startsWith('Alert ')).map((e) => e.text)).toEqual([
			'Alert HighErrors (checkout) added',
			'Alert HighErrors (search) added',
		]);
		// Another incident declared since: the one that took the alert is the one named for it.
		const later = declareIncident(once, declaration({ title: 'Later', scenarios: [] }), 'inc-', T0 + min(8));
		expect(alreadyOpen(later.state, { alert: 'HIGHERRORS' })?.title).toBe('Took it');
		expect(alreadyOpen(later.state, { alert: 'Other' })?.title).toBe('Later');
	});

	it('keeps the summary of an alert added to it, as bounded as the link is read', () => {
		const { state, id } = withIncident();
		const link = (summary: string) => alertPrefill(new URLSearchParams({ alert: 'Errors5xx', service: 'pay', summary }), ['P1'])!;
		const added = addAlert(state, id, link('  Over   10% of\nrequests fail '), T0 + min(5));
		expect(added.incidents[0]!.events.at(-1)?.text).toBe('Alert Errors5xx (pay) added: Over 10% of requests fail');
		// The post-mortem's timeline repeats it as it was noted.
		expect(timelineRows(added.incidents[0]!, T0 + min(6)).at(-1)?.['event']).toBe('Alert Errors5xx (pay) added: Over 10% of requests fail');
		const long = addAlert(state, id, link('x'.repeat(5000)), T0 + min(5)).incidents[0]!.events.at(-1)!.text;
		expect(long).toBe(`Alert Errors5xx (pay) added: ${link('x'.repeat(5000)).summary!}`);
		expect(long.length).toBeLessThan(MAX_IMPACT_LENGTH + 100);
	});
});

describe('broadcast mentions typed into a form', () => {
	it('are flagged by the label of the field they are in', () => {
		expect(
			typedMentionWarnings([
				{ label: 'On-call', value: '@here and @HERE' },
				{ label: 'Title', value: 'mail@here.com down' },
				{ label: 'Impact', value: '<!channel>' },
			]),
		).toEqual([
			'On-call contains @here, which notifies everyone in the channel.',
			'Impact contains <!channel>, which notifies everyone in the channel.',
		]);
	});
});

describe('a level change', () => {
	// Ranks as a playbook gives them, not in the list's order: the rank decides.
	const levels = [
		{ id: 'low', rank: 7 },
		{ id: 'top', rank: 1 },
		{ id: 'mid', rank: 4 },
	];

	it('raises to a lower rank and lowers to a higher one', () => {
		expect(levelChange(levels, 'mid', 'top')).toBe('raise');
		expect(levelChange(levels, 'low', 'mid')).toBe('raise');
		expect(levelChange(levels, 'top', 'low')).toBe('lower');
	});

	it('is none to the same level or to one the playbook lacks, and a setting from one it no longer has', () => {
		expect(levelChange(levels, 'mid', 'mid')).toBeUndefined();
		expect(levelChange(levels, 'top', 'gone')).toBeUndefined();
		expect(levelChange(levels, 'gone', 'top')).toBe('set');
	});
});

describe("what a classification's Declare offers with an incident open", () => {
	const levels = [
		{ id: 'top', rank: 0 },
		{ id: 'mid', rank: 1 },
		{ id: 'low', rank: 2 },
	];
	const classified = (severity: string, scenarios: string[] = []) => ({ severity, classified: true, scenarios });
	/** A state with incidents declared in turn (the last one the active one), and their ids. */
	const opened = (...overs: Parameters<typeof declaration>[0][]) => {
		let state: State = { ...emptyState(), responder: 'dana' };
		const ids: string[] = [];
		overs.forEach((over, i) => {
			const made = declareIncident(state, declaration({ scenarios: [], ...over }), 'inc-', T0 + min(i), () => i / 10);
			state = made.state;
			ids.push(made.id);
		});
		return { state, ids };
	};

	it('is raising a milder incident to the level classified, or setting a level the playbook lost', () => {
		expect(offeredChange(levels, opened({ severity: 'mid' }).state, classified('top'))).toBe('Raise mid to top');
		expect(offeredChange(levels, opened({ severity: 'gone' }).state, classified('top'))).toBe('Set gone to top');
	});

	it('names the incident the declare form offers, not the one worked on: a real one over a drill, one on the runbook first', () => {
		// A drill worked on, a real incident open: the real one is offered.
		expect(offeredChange(levels, opened({ severity: 'mid' }, { severity: 'low', drill: true }).state, classified('top'))).toBe(
			'Raise mid to top',
		);
		// Classified from a runbook: its incident, whatever the one worked on is at.
		const onRunbook = opened({ severity: 'low', scenarios: ['db'] }, { severity: 'mid' });
		expect(offeredChange(levels, onRunbook.state, classified('top', ['db']))).toBe('Raise low to top');
		expect(offeredChange(levels, onRunbook.state, classified('top'))).toBe('Raise mid to top');
		// Its incident more severe: lowering it is a choice there, not the first offer.
		expect(
			offeredChange(levels, opened({ severity: 'top', scenarios: ['db'] }, { severity: 'low' }).state, classified('mid', ['db'])),
		).toBe(undefined);
	});

	it('is declaring with nothing open, only drills or resolved ones, the same level or a more severe one, or a level not classified', () => {
		expect(offeredChange(levels, emptyState(), classified('top'))).toBeUndefined();
		expect(offeredChange(levels, opened({ severity: 'mid', drill: true }).state, classified('top'))).toBeUndefined();
		const { state, ids } = opened({ severity: 'mid' });
		expect(
			offeredChange(levels, setStatus(state, ids[0]!, { id: 'done', label: 'Done', closes: true }, T0 + min(5)), classified('top')),
		).toBe(undefined);
		expect(offeredChange(levels, opened({ severity: 'top' }).state, classified('top'))).toBeUndefined();
		expect(offeredChange(levels, opened({ severity: 'top' }).state, classified('mid'))).toBeUndefined();
		// An alert's own level (not a classification) never offers to change an incident's.
		expect(offeredChange(levels, state, { severity: 'top', scenarios: [] })).toBeUndefined();
	});
});
