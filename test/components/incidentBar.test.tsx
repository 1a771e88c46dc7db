import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { declareIncident, setSeverity } from '../../src/lib/incidents.ts';
import { emptyState, type State } from '../../src/lib/state.ts';
import { STATE_KEY, STATE_VERSION } from '../../src/lib/storageRead.ts';
import { declaration, min } from '../support/incidents.ts';
import { incidentBarMarkup } from '../../src/components/starlight/incidentBarMarkup.ts';
import { EscalationStepSchema, type EscalationStep } from '../../src/schemas/escalation.ts';

const level = { id: 'P0', name: 'Critical', tone: 'critical', responseTime: 5, escalateAfter: 30, updateEvery: 15 };
const stored = (state: State) => JSON.stringify({ version: STATE_VERSION, state });

/** A state with one open incident declared `ago` ms before now. */
function openIncident(ago: number, title = 'API returns 503'): State {
	const now = Date.now();
	return declareIncident(
		{ ...emptyState(), responder: 'alice' },
		declaration({ title, detectedAt: now - ago, severity: 'P0', scenarios: [] }),
		'incident-',
		now - ago,
	).state;
}

// Each test's bar runs on a fresh page: its clock and its storage listener end with the test.
let timers: ReturnType<typeof setInterval>[] = [];
let listeners: [string, EventListenerOrEventListenerObject][] = [];

/** A fresh page with the bar's element, and fresh copies of the bar and the store's modules. */
async function startBar(escalation: EscalationStep[] = [], severity: typeof level | (typeof level)[] = level) {
	document.body.innerHTML = '';
	const root = document.createElement('div');
	root.id = 'incident-bar';
	root.hidden = true;
	root.innerHTML = incidentBarMarkup('/incident/');
	root.dataset['playbook'] = JSON.stringify({ severities: [severity].flat(), escalation, statuses: [], canPostUpdate: false });
	document.body.append(root);
	vi.resetModules();
	const { startIncidentBar } = await import('../../src/scripts/incidentBar.ts');
	const loader = await import('../../src/lib/pageStoreLoader.ts');
	startIncidentBar();
	return { root, loader };
}

/** Another tab writes `raw`: the browser stores it and tells this page. */
function otherTabWrites(raw: string) {
	localStorage.setItem(STATE_KEY, raw);
	window.dispatchEvent(Object.assign(new Event('storage'), { key: STATE_KEY, newValue: raw }));
}

/** The storage notice shown under the bar, if any. */
const notice = () => document.querySelector('#storage-notices [role="alert"]');

const dueEvents = () =>
	(JSON.parse(localStorage.getItem(STATE_KEY) ?? '{}') as { state: State }).state.incidents[0]!.events.filter(
		(e) => e.kind === 'escalation' && e.value?.startsWith('due:'),
	);

/**
 * The due line this test's bar logs, in before the test ends: written later (it loads the store first), it would land in
 * the next test's storage, over its incident.
 */
const loggedBeforeTheNextTest = (value: string) => vi.waitFor(() => expect(dueEvents().map((e) => e.value)).toContain(value));

/** Notifications allowed: the titles of those shown, in order. */
function allowNotifications(): string[] {
	const notified: string[] = [];
	vi.stubGlobal(
		'Notification',
		class {
			static permission = 'granted';
			constructor(title: string) {
				notified.push(title);
			}
		},
	);
	return notified;
}

beforeEach(() => {
	localStorage.clear();
	const original = globalThis.setInterval;
	vi.spyOn(globalThis, 'setInterval').mockImplementation(((handler: () => void, ms?: number) => {
		const timer = original(handler, ms);
		timers.push(timer);
		return timer;
	}) as typeof setInterval);
	const add = window.addEventListener.bind(window);
	vi.spyOn(window, 'addEventListener').mockImplementation((type: string, listener: EventListenerOrEventListenerObject) => {
		listeners.push([type, listener]);
		add(type, listener);
	});
});
afterEach(() => {
	timers.forEach(clearInterval);
	timers = [];
	listeners.forEach(([type, listener]) => window.removeEventListener(type, listener));
	listeners = [];
	vi.restoreAllMocks();
});

describe('the incident bar', () => {
	it('shows the open incident and follows other tabs without loading the store', async () => {
		const first = openIncident(min(2));
		localStorage.setItem(STATE_KEY, stored(first));
		const { root, loader } = await startBar();
		expect(root.hidden).toBe(false);
		expect(root.querySelector('.incident-bar-title')?.textContent).toBe('API returns 503');
		expect(root.querySelector('.sev')?.textContent).toBe('P0');
		// The bar is the way to the workspace, opened on the incident it shows.
		const workspace = () =>
			new URL(root.querySelector('#incident-bar-link')!.getAttribute('href')!, 'http://site').searchParams.get('incident');
		expect(workspace()).toBe(first.incidents[0]!.id);
		const other = openIncident(min(2), 'Checkout fails');
		otherTabWrites(stored(other));
		expect(root.querySelector('.incident-bar-title')?.textContent).toBe('Checkout fails');
		expect(workspace()).toBe(other.incidents[0]!.id);
		await new Promise((resolve) => setTimeout(resolve, 50));
		expect(loader.loadedStore()).toBeUndefined();
	});

	it('shows an open incident at a level the playbook lacks, as it is, with the way to the workspace that asks for one', async () => {
		const state = openIncident(min(2));
		localStorage.setItem(STATE_KEY, stored({ ...state, incidents: state.incidents.map((i) => ({ ...i, severity: 'SEV-9' })) }));
		const { root } = await startBar();
		expect(root.hidden).toBe(false);
		expect(root.querySelector('.sev')?.textContent).toBe('SEV-9');
		// No level's colour to borrow: drawn plain.
		expect(root.querySelector('.sev')?.className).toBe('sev');
		expect(root.querySelector('.incident-bar-title')?.textContent).toBe('API returns 503');
		expect(root.querySelector('#incident-bar-link')?.getAttribute('href')).toContain(state.incidents[0]!.id);
	});

	it('loads the store when another tab writes what the cheap read will not take, keeping the incident and telling', async () => {
		localStorage.setItem(STATE_KEY, stored(openIncident(min(2))));
		const { root, loader } = await startBar();
		otherTabWrites('{"version":1,"state":{"incid');
		await vi.waitFor(() => expect(notice()?.textContent).toContain('could not be read'));
		expect(loader.loadedStore()).toBeDefined();
		expect(root.querySelector('.incident-bar-title')?.textContent).toBe('API returns 503');
	});

	it('lets the full read decide on data of another version, and says what it did', async () => {
		localStorage.setItem(STATE_KEY, JSON.stringify({ version: STATE_VERSION + 1, state: {} }));
		await startBar();
		await vi.waitFor(() => expect(notice()?.textContent).toContain('newer version'));
	});

	it('logs and notifies the next status update each time one falls due, not only the first', async () => {
		const notified = allowNotifications();
		// Declared 40 minutes ago, updating every 15: the first update fell due at 15 and was logged, one was copied at 20,
		// and the next fell due at 35, five minutes ago.
		const { logDeadline, logMessage } = await import('../../src/lib/incidents.ts');
		const now = Date.now();
		let state = openIncident(min(40));
		const id = state.incidents[0]!.id;
		const first = { id: 'update', kind: 'update' as const, label: 'Next status update', detail: 'Every 15 min', at: now - min(25) };
		state = logDeadline(state, id, first, now - min(24));
		state = logMessage(state, id, 'Copied Status Update (Slack)', now - min(20));
		localStorage.setItem(STATE_KEY, stored(state));
		await startBar();
		await vi.waitFor(() => expect(dueEvents().filter((e) => e.value?.startsWith('due:update'))).toHaveLength(2));
		expect(notified).toContain('Next status update due');
	});

	it("logs and notifies the level's escalation and the rung it brings in then once, as the workspace lists them", async () => {
		const notified = allowNotifications();
		// Escalating after 30 minutes brings the Team Lead in at 30: one step, one line on the timeline, one notification.
		const ladder = [
			{ id: 'pager', level: 1, role: 'Pager Holder' },
			{ id: 'lead', level: 2, role: 'Team Lead' },
		].map((r) => EscalationStepSchema.parse(r));
		localStorage.setItem(STATE_KEY, stored(openIncident(min(40))));
		await startBar(ladder);
		await vi.waitFor(() => expect(dueEvents().map((e) => e.value)).toContain('due:rung:lead'));
		for (let n = 0; n < 3; n++) document.dispatchEvent(new Event('visibilitychange'));
		await new Promise((resolve) => setTimeout(resolve, 50));
		expect(
			dueEvents()
				.map((e) => e.value)
				.sort(),
		).toEqual(['due:rung:lead', expect.stringMatching(/^due:update@\d+$/)]);
		expect(dueEvents().find((e) => e.value === 'due:rung:lead')?.text).toMatch(/^Due: Escalate: Team Lead/);
		expect(notified.sort()).toEqual(['Escalate: Team Lead due', 'Next status update due']);
		vi.unstubAllGlobals();
	});

	it('names whom the escalation due brings in, as the workspace lists it', async () => {
		const ladder = [
			{ id: 'pager', level: 1, role: 'Pager Holder' },
			{ id: 'lead', level: 2, role: 'Team Lead' },
		].map((r) => EscalationStepSchema.parse(r));
		// Detected 31 minutes ago at a level that escalates after 30 (updates hourly): the escalation is what is due.
		localStorage.setItem(STATE_KEY, stored(openIncident(min(31))));
		const { root } = await startBar(ladder, { ...level, updateEvery: 60 });
		const line = () => [...root.querySelectorAll('.incident-bar-next > span')].map((s) => s.textContent);
		await vi.waitFor(() => expect(line()).toEqual(['Escalate: Team Lead', 'due now']));
		// With no rung to bring in at that moment, the rule alone.
		localStorage.setItem(STATE_KEY, stored(openIncident(min(31))));
		const alone = await startBar([], { ...level, updateEvery: 60 });
		await vi.waitFor(() =>
			expect([...alone.root.querySelectorAll('.incident-bar-next > span')].map((s) => s.textContent)).toEqual(['Escalate', 'due now']),
		);
		await loggedBeforeTheNextTest('due:escalate');
	});

	it('keeps an escalation overdue at the old level overdue when the level is raised', async () => {
		const ladder = [
			{ id: 'pager', level: 1, role: 'Pager Holder' },
			{ id: 'lead', level: 2, role: 'Team Lead' },
		].map((r) => EscalationStepSchema.parse(r));
		const lower = { ...level, id: 'P1', escalateAfter: 60, updateEvery: 600 };
		// Declared at P1 (escalate after 60 minutes) 90 minutes ago, raised to P0 (after 30) just now: 30 minutes overdue, not "due now".
		const now = Date.now();
		let state = declareIncident(
			{ ...emptyState(), responder: 'alice' },
			declaration({ detectedAt: now - min(90), severity: 'P1', scenarios: [] }),
			'incident-',
			now - min(90),
		).state;
		state = setSeverity(state, state.incidents[0]!.id, 'P0', now);
		localStorage.setItem(STATE_KEY, stored(state));
		const { root } = await startBar(ladder, [lower, { ...level, updateEvery: 600 }]);
		const line = () => [...root.querySelectorAll('.incident-bar-next > span')].map((s) => s.textContent);
		await vi.waitFor(() => expect(line()).toEqual(['Escalate: Team Lead', '30 min overdue']));
		await loggedBeforeTheNextTest('due:rung:lead');
	});

	it('logs and notifies each deadline that falls due once, however often it renders before the store arrives', async () => {
		const notified = allowNotifications();
		// Declared 40 minutes ago at a level that escalates after 30 and updates every 15: both are due.
		localStorage.setItem(STATE_KEY, stored(openIncident(min(40))));
		const { loader } = await startBar();
		for (let n = 0; n < 5; n++) document.dispatchEvent(new Event('visibilitychange'));
		await vi.waitFor(() =>
			expect(
				dueEvents()
					.map((e) => e.value)
					.sort(),
			).toEqual(['due:escalate', expect.stringMatching(/^due:update@\d+$/)]),
		);
		for (let n = 0; n < 5; n++) document.dispatchEvent(new Event('visibilitychange'));
		await new Promise((resolve) => setTimeout(resolve, 50));
		expect(dueEvents()).toHaveLength(2);
		expect(notified.sort()).toEqual(['Escalate due', 'Next status update due']);
		expect(loader.loadedStore()).toBeDefined();
		vi.unstubAllGlobals();
	});
});
