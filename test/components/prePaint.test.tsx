import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setStatus } from '../../src/lib/incidents.ts';
import type { State } from '../../src/lib/state.ts';
import { STATE_KEY, STATE_VERSION } from '../../src/lib/stateKey.ts';
import { ALERT_DONE_KEY } from '../../src/scripts/alertNote.ts';
import { T0, withIncident } from '../support/incidents.ts';

/*
 * The scripts a page runs inline before it is drawn (src/scripts/*.prePaint.ts), run here as the
 * page runs them: once, at load, on the page's elements and the stored state.
 */
const CLOSED = { id: 'resolved', label: 'Resolved', closes: true };
const store = (state: State | string) =>
	localStorage.setItem(STATE_KEY, typeof state === 'string' ? state : JSON.stringify({ version: STATE_VERSION, state }));
const run = async (module: string) => {
	vi.resetModules();
	await import(`../../src/scripts/${module}.prePaint.ts`);
};
/** Two incidents: `first` declared, then `second`, the active one. */
function twoIncidents() {
	const { state, id: first } = withIncident({ title: 'Checkout errors', severity: 'P2' });
	const { state: both, id: second } = withIncident({ title: 'API returns 503' }, state, () => 0.5);
	return { both, first, second };
}

beforeEach(() => {
	localStorage.clear();
	document.documentElement.removeAttribute('data-incident-open');
	history.replaceState(null, '', '/scenarios/service-down/');
});
afterEach(() => {
	document.body.innerHTML = '';
});

describe("the incident bar's place, kept before the page is drawn", () => {
	const bar = () => document.getElementById('incident-bar')!;
	beforeEach(() => {
		document.body.innerHTML = '<div id="incident-bar" hidden></div>';
	});

	it('is kept while the incident the bar shows is open', async () => {
		store(withIncident().state);
		await run('incidentBar');
		expect([bar().hidden, document.documentElement.hasAttribute('data-incident-open')]).toEqual([false, true]);
	});

	it('is kept when the active incident is resolved but another is still open (the bar shows that one)', async () => {
		const { both, second } = twoIncidents();
		store(setStatus(both, second, CLOSED, T0 + 1000));
		await run('incidentBar');
		expect(bar().hidden).toBe(false);
	});

	it.each([
		['nothing is stored', undefined],
		['every incident is resolved', 'resolved'],
		['the stored text is not JSON', '{"version":1,'],
		['the stored state has no incidents', JSON.stringify({ version: STATE_VERSION, state: {} })],
		['what is stored was written by a newer version', 'newer'],
	])('is not kept when %s', async (_, stored) => {
		if (stored === 'newer') localStorage.setItem(STATE_KEY, JSON.stringify({ version: STATE_VERSION + 1, state: withIncident().state }));
		else if (stored === 'resolved') {
			const { both, first, second } = twoIncidents();
			store(setStatus(setStatus(both, second, CLOSED, T0 + 1000), first, CLOSED, T0 + 2000));
		} else if (stored !== undefined) store(stored);
		await run('incidentBar');
		expect([bar().hidden, document.documentElement.hasAttribute('data-incident-open')]).toEqual([true, false]);
	});
});

describe("an alert's note, drawn before the page is", () => {
	// The note's parts as AlertNote.astro writes them, its wording aside.
	const NOTE = `<div id="alert-note" hidden data-severities='["P0","P1","P2"]'>
		<code data-text="alert" data-when="alert"></code><span class="nameless" data-unless="alert">nameless</span><span data-when="severity">at <span data-text="severity"></span></span>
		<span data-when="services">for <span data-text="services"></span></span>
		<span class="new" data-unless="added openId">new</span>
		<p class="open" data-when="openId"><b data-text="openSeverity"></b> <i data-text="openTitle"></i> <u data-text="openId"></u></p>
		<button data-unless="added openId" data-action="declare">declare</button>
		<button data-when="openId" data-action="add">add</button>
		<span class="added" data-when="added">on <span data-text="added"></span></span>
	</div>`;
	const note = () => document.getElementById('alert-note');
	const shown = (selector: string) => !note()!.querySelector<HTMLElement>(selector)!.hidden;
	const text = (part: string) => note()!.querySelector(`[data-text="${part}"]`)!.textContent;
	beforeEach(() => {
		document.body.innerHTML = NOTE;
	});

	it('is taken out of a page opened without an alert', async () => {
		store(withIncident().state);
		await run('alertNote');
		expect(note()).toBeNull();
	});

	it("names the alert from the address, its level only if the playbook has it, and keeps what it read for the page's script", async () => {
		history.replaceState(null, '', '/scenarios/service-down/?alert=DiskFull&severity=p9&service=api,db&summary=Disk%20full');
		await run('alertNote');
		expect(note()!.hidden).toBe(false);
		expect([text('alert'), shown('[data-when="severity"]'), text('services')]).toEqual(['DiskFull', false, 'api, db']);
		expect([shown('.new'), shown('.open'), shown('[data-action="declare"]'), shown('[data-action="add"]')]).toEqual([
			true,
			false,
			true,
			false,
		]);
		expect(JSON.parse(note()!.dataset['alert']!)).toEqual({ alert: 'DiskFull', services: ['api', 'db'], summary: 'Disk full' });
	});

	it('offers the incident open in this browser, as the bar shows it', async () => {
		const { both, first, second } = twoIncidents();
		store(setStatus(both, second, CLOSED, T0 + 1000));
		history.replaceState(null, '', '/scenarios/service-down/?alert=DiskFull&severity=P1');
		await run('alertNote');
		expect([shown('.new'), shown('.open'), shown('[data-action="add"]'), shown('[data-action="declare"]')]).toEqual([
			false,
			true,
			true,
			false,
		]);
		expect([text('openSeverity'), text('openTitle'), text('openId'), text('severity')]).toEqual(['P2', 'Checkout errors', first, 'P1']);
	});

	it('does not offer a drill (a real alert is not part of one), nor let one under way hide a real incident', async () => {
		const { state: drill } = withIncident({ drill: true, title: 'Game day' });
		store(drill);
		history.replaceState(null, '', '/scenarios/service-down/?alert=DiskFull');
		await run('alertNote');
		expect([shown('.new'), shown('.open')]).toEqual([true, false]);
		// A real incident declared first, then a drill started (the active one): the real one is offered.
		document.body.innerHTML = NOTE;
		const { state: real, id } = withIncident({ title: 'Checkout errors' });
		store(withIncident({ drill: true, title: 'Game day' }, real, () => 0.5).state);
		await run('alertNote');
		expect([shown('.open'), text('openId'), text('openTitle')]).toEqual([true, id, 'Checkout errors']);
	});

	it('says which open incident the alert was declared from (in any case, shown or not), and offers it nothing to add', async () => {
		// Declared from DiskFull, then another incident declared, the active one: the alert's own is named.
		const { state: from, id } = withIncident({ title: 'Disk full', alert: 'DiskFull' });
		const { state: both, id: other } = withIncident({ title: 'API returns 503' }, from, () => 0.5);
		store(both);
		history.replaceState(null, '', '/scenarios/service-down/?alert=diskfull&service=db');
		await run('alertNote');
		expect([shown('.added'), text('added'), shown('.open'), shown('[data-action="add"]'), shown('.new')]).toEqual([
			true,
			id,
			false,
			false,
			false,
		]);
		// Another alert: the incident shown is offered.
		document.body.innerHTML = NOTE;
		history.replaceState(null, '', '/scenarios/service-down/?alert=CpuHigh');
		await run('alertNote');
		expect([shown('.added'), text('openId'), shown('[data-action="add"]')]).toEqual([false, other, true]);
		// Resolved, or a drill: not the alert's open incident any more; what the page shows is offered as always.
		for (const after of [setStatus(both, id, CLOSED, T0 + 1000), withIncident({ drill: true, alert: 'DiskFull' }).state]) {
			document.body.innerHTML = NOTE;
			store(after);
			history.replaceState(null, '', '/scenarios/service-down/?alert=DiskFull');
			await run('alertNote');
			expect(shown('.added')).toBe(false);
		}
	});

	it('offers no incident stored by a newer version, whose shape it cannot know', async () => {
		localStorage.setItem(STATE_KEY, JSON.stringify({ version: STATE_VERSION + 1, state: withIncident().state }));
		history.replaceState(null, '', '/scenarios/service-down/?alert=DiskFull');
		await run('alertNote');
		expect([shown('.new'), shown('.open')]).toEqual([true, false]);
	});

	it('is not drawn for an alert this tab is done with (an address further back still carries it), but is for another', async () => {
		history.replaceState(null, '', '/scenarios/service-down/?alert=DiskFull&service=api');
		await run('alertNote');
		const done = note()!.dataset['alert']!;
		sessionStorage.setItem(ALERT_DONE_KEY, done);
		document.body.innerHTML = NOTE;
		await run('alertNote');
		expect(note()).toBeNull();
		document.body.innerHTML = NOTE;
		history.replaceState(null, '', '/scenarios/service-down/?alert=DiskFull&service=db');
		await run('alertNote');
		expect(note()!.hidden).toBe(false);
		sessionStorage.clear();
	});

	it('shows what the address and the stored title say as text, never as markup', async () => {
		store(withIncident({ title: '<img src=x onerror=alert(1)>' }).state);
		history.replaceState(null, '', '/scenarios/service-down/?alert=<b>x</b>&service=<i>api</i>,ok');
		await run('alertNote');
		// The name is not one an alert can have, so the note says it has none and names the services it could read; the title is text.
		expect([shown('[data-text="alert"]'), shown('.nameless'), text('services')]).toEqual([false, true, 'ok']);
		expect(text('openTitle')).toBe('<img src=x onerror=alert(1)>');
		expect(note()!.querySelector('img, i:not([data-text]), b:not([data-text])')).toBeNull();
	});

	it('keeps a press made before the runbook script runs, for it to do', async () => {
		history.replaceState(null, '', '/scenarios/service-down/?alert=DiskFull');
		await run('alertNote');
		note()!.querySelector<HTMLElement>('[data-action="declare"]')!.click();
		expect(note()!.dataset['pressed']).toBe('declare');
	});
});
