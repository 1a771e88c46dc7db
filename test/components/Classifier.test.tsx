import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import Classifier from '../../src/islands/Classifier.tsx';
import type { ClientPlaybook } from '../../src/lib/clientPlaybook.ts';
import { setStatus } from '../../src/lib/incidents.ts';
import { STATE_KEY, STATE_VERSION } from '../../src/lib/storage.ts';
import type { State } from '../../src/lib/state.ts';
import { T0, withIncident } from '../support/incidents.ts';

const playbook: ClientPlaybook = {
	organisation: 'Test',
	channelPrefix: 'inc-',
	statuses: [
		{ id: 'open', label: 'Open', closes: false },
		{ id: 'done', label: 'Done', closes: true },
	],
	escalation: [
		{ id: 'lead', level: 1, role: 'Lead' },
		{ id: 'boss', level: 2, role: 'Boss', after: 20 },
		{ id: 'chief', level: 3, role: 'Chief', note: 'When the level says so' },
		{ id: 'legal', level: 4, role: 'Legal', condition: 'data leaked', scenarios: ['down'] },
	],
	scenarios: [{ id: 'down', title: 'Down', severities: ['A'] }],
	severities: [
		{
			id: 'A',
			name: 'Bad',
			urgency: 'Now',
			tone: 'danger',
			rank: 0,
			responseTime: 5,
			escalateAfter: 10,
			updateEvery: 10,
			criteria: [
				{ id: 'down', text: 'All down' },
				{ id: 'leak', text: 'Data leaked', scenarios: ['down'] },
			],
		},
		{
			id: 'B',
			name: 'Meh',
			urgency: 'Soon',
			tone: 'note',
			rank: 1,
			responseTime: 60,
			escalateAfter: 120,
			updateEvery: 60,
			criteria: [{ id: 'slow', text: 'Slow', measure: { metric: 'latency', label: 'Latency', unit: 's', above: 2 } }],
		},
	],
};
afterEach(() => {
	cleanup();
	vi.restoreAllMocks();
});

describe('<Classifier>', () => {
	it('offers the criteria of the levels it is given, and a number for measured ones', () => {
		render(<Classifier playbook={playbook} />);
		expect(screen.getByRole('checkbox', { name: 'All down' })).toBeTruthy();
		expect(screen.getByRole('spinbutton', { name: 'Latency (s)' })).toBeTruthy();
		expect(document.getElementById('classification-result')?.textContent).toContain('No level yet');
	});

	it('announces the most severe match with its reasons and deadlines', async () => {
		render(<Classifier playbook={playbook} />);
		fireEvent.input(screen.getByRole('spinbutton', { name: 'Latency (s)' }), { target: { value: '3' } });
		await waitFor(() => expect(document.getElementById('classification-result')?.textContent).toMatch(/B\s*Meh/));
		fireEvent.click(screen.getByRole('checkbox', { name: 'All down' }));
		await waitFor(() => expect(document.getElementById('classification-result')?.textContent).toMatch(/A\s*Bad/));
		const text = document.getElementById('classification-result')?.textContent ?? '';
		expect(text).toContain('All down (A)');
		expect(text).toContain('Slow (3s) (B)');
		// Each rung as the level brings it in, as the severity table and the workspace say it (escalationPlan).
		expect(text).toContain(
			'Escalates toBoss (if unresolved after 20 minutes); Chief (if unresolved after 10 minutes); Legal (if data leaked)',
		);
		expect(screen.getByRole('link', { name: 'Declare a A incident' }).getAttribute('href')).toBe(
			'/incident/?severity=A&classified=1&seen=A%3Adown&latency=3',
		);
	});

	it('declares with the scenario a condition ticked is, on its link and in the form', async () => {
		// The classification lives in the address: this one starts from none.
		history.replaceState(null, '', '/classify/');
		render(<Classifier playbook={playbook} />);
		fireEvent.click(screen.getByRole('checkbox', { name: 'All down' }));
		await screen.findAllByRole('link', { name: 'Declare a A incident' });
		const declare = () => screen.getAllByRole('link', { name: 'Declare a A incident' })[0]!;
		expect(new URL(declare().getAttribute('href')!, 'http://site').searchParams.getAll('scenario')).toEqual([]);
		fireEvent.click(screen.getByRole('checkbox', { name: 'Data leaked' }));
		await waitFor(() => expect(new URL(declare().getAttribute('href')!, 'http://site').searchParams.getAll('scenario')).toEqual(['down']));
		// The form opened in place starts with it chosen (its runbooks' steps, fetched, are not needed here).
		vi.spyOn(globalThis, 'fetch').mockReturnValue(new Promise(() => {}));
		fireEvent.click(declare());
		await waitFor(() => expect((screen.getByRole('checkbox', { name: /^Down/ }) as HTMLInputElement).checked).toBe(true));
	});

	it('keeps the level, why and Declare in one bar, the one live region, present before any tick', async () => {
		history.replaceState(null, '', '/classify/');
		render(<Classifier playbook={playbook} />);
		const live = document.querySelectorAll('[aria-live]');
		expect(live).toHaveLength(1);
		const bar = document.querySelector('.result-bar')!;
		expect(bar.querySelector('[aria-live]')?.textContent).toContain('No level yet');
		fireEvent.click(screen.getByRole('checkbox', { name: 'All down' }));
		await waitFor(() => expect(bar.querySelector('[role="status"]')?.textContent).toMatch(/A\s*Bad\s*All down/));
		expect(bar.querySelector('a')?.textContent).toBe('Declare A');
		// First in the form: Shift+Tab from a criterion reaches Declare.
		const focusable = [...document.querySelectorAll('form a, form input, form button')];
		expect(focusable[0]).toBe(bar.querySelector('a'));
		expect(document.querySelectorAll('[aria-live]')).toHaveLength(1);
	});

	it("carries an alert's name, services and summary on its Declare links, with the classification's level, not the alert's", async () => {
		history.replaceState(null, '', '/classify/?alert=Disk&severity=B&service=db&service=api&summary=Full%20disk&utm_source=pager');
		render(<Classifier playbook={playbook} />);
		fireEvent.click(await screen.findByRole('checkbox', { name: 'All down' }));
		const href = (await screen.findByRole('link', { name: 'Declare a A incident' })).getAttribute('href')!;
		const query = new URL(href, location.origin).searchParams;
		expect([query.getAll('severity'), query.get('alert'), query.getAll('service'), query.get('summary'), query.get('seen')]).toEqual([
			['A'],
			'Disk',
			['db', 'api'],
			'Full disk',
			'A:down',
		]);
		history.replaceState(null, '', '/classify/');
	});

	it('never drops the classification from the address while it comes alive, so a reload right then keeps it', async () => {
		history.replaceState(null, '', '/classify/?seen=A%3Adown&alert=Disk');
		const addresses: string[] = [];
		const replace = history.replaceState.bind(history);
		const spy = vi.spyOn(history, 'replaceState').mockImplementation((state, unused, url) => {
			addresses.push(String(url));
			replace(state, unused, url);
		});
		try {
			render(<Classifier playbook={playbook} />);
			await screen.findByRole('link', { name: 'Declare a A incident' });
			await waitFor(() => expect(addresses.length).toBeGreaterThan(0));
			for (const address of addresses) {
				const query = new URL(address, location.origin).searchParams;
				expect(query.get('seen'), address).toBe('A:down');
				expect(query.get('alert'), address).toBe('Disk');
			}
		} finally {
			spy.mockRestore();
		}
	});
});

describe('<Classifier> with an incident open', () => {
	const stored = (state: State) => JSON.stringify({ version: STATE_VERSION, state });
	/** The classifier as a new page shows it, with `state` in storage (the page reads storage once, as it starts). */
	async function classifierOver(state: State, address = '/classify/') {
		localStorage.setItem(STATE_KEY, stored(state));
		vi.resetModules();
		const { default: Fresh } = await import('../../src/islands/Classifier.tsx');
		history.replaceState(null, '', address);
		render(<Fresh playbook={playbook} />);
	}
	const barLink = () => document.querySelector('.result-bar a');
	afterEach(() => localStorage.clear());

	it('offers to raise a milder one to the level classified, as the dialog will, on both its Declare links', async () => {
		const { state } = withIncident({ severity: 'B', detectedAt: T0 - 60_000 });
		await classifierOver(state);
		fireEvent.click(screen.getByRole('checkbox', { name: 'All down' }));
		await waitFor(() => expect(barLink()?.textContent).toBe('Raise B to A'));
		// The same link: the dialog (or, in a new tab, the workspace) offers the raise first.
		const links = screen.getAllByRole('link', { name: 'Raise B to A' });
		expect(links.map((link) => link.getAttribute('href'))).toEqual([barLink()?.getAttribute('href'), barLink()?.getAttribute('href')]);
		expect(barLink()?.getAttribute('href')).toContain('classified=1');
	});

	it('offers declaring when the one open is at that level or more severe, or is a drill', async () => {
		const { state } = withIncident({ severity: 'A', detectedAt: T0 - 60_000 });
		await classifierOver(state);
		fireEvent.input(screen.getByRole('spinbutton', { name: 'Latency (s)' }), { target: { value: '3' } });
		// Wait for the dialog's code (it says which), then for a level it would not change.
		await waitFor(() => expect(barLink()?.textContent).toBe('Declare B'));
		fireEvent.click(screen.getByRole('checkbox', { name: 'All down' }));
		await waitFor(() => expect(barLink()?.textContent).toBe('Declare A'));
		cleanup();
		await classifierOver(withIncident({ severity: 'B', drill: true, detectedAt: T0 - 60_000 }).state);
		fireEvent.click(screen.getByRole('checkbox', { name: 'All down' }));
		await new Promise((done) => setTimeout(done, 50));
		expect(barLink()?.textContent).toBe('Declare A');
	});

	it('names the incident the dialog will offer: classified from a runbook, the one on that runbook, not the one worked on', async () => {
		const onRunbook = withIncident({ severity: 'B', scenarios: ['down'], detectedAt: T0 - 60_000 });
		// Declared next, so the one worked on: already at A.
		const worked = withIncident({ severity: 'A', scenarios: [], detectedAt: T0 - 30_000 }, onRunbook.state, () => 0.5);
		await classifierOver(worked.state, '/classify/?scenario=down');
		fireEvent.click(screen.getByRole('checkbox', { name: 'All down' }));
		await waitFor(() => expect(barLink()?.textContent).toBe('Raise B to A'));
		fireEvent.click(barLink()!);
		expect(await screen.findByRole('button', { name: `Raise ${onRunbook.id} to A` })).toBeTruthy();
		history.replaceState(null, '', '/classify/');
	});

	it('follows the incident as another tab resolves it', async () => {
		const { state, id } = withIncident({ severity: 'B', detectedAt: T0 - 60_000 });
		await classifierOver(state);
		fireEvent.click(screen.getByRole('checkbox', { name: 'All down' }));
		await waitFor(() => expect(barLink()?.textContent).toBe('Raise B to A'));
		const resolved = stored(setStatus(state, id, { id: 'done', label: 'Done', closes: true }, T0 + 60_000));
		localStorage.setItem(STATE_KEY, resolved);
		window.dispatchEvent(new StorageEvent('storage', { key: STATE_KEY, newValue: resolved }));
		await waitFor(() => expect(barLink()?.textContent).toBe('Declare A'));
	});
});
