import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { render as renderNow } from 'preact';
import { afterEach, beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import type { ChecklistSpec } from '../../src/lib/clientPlaybook.ts';
import { tickItem } from '../../src/lib/incidents.ts';
import { loadState, saveState } from '../../src/lib/storage.ts';
import { withIncident } from '../support/incidents.ts';

const spec: ChecklistSpec = {
	key: 'scenario/service-down/response',
	label: 'Service Down: Response',
	page: 'Service Down',
	href: '/scenarios/service-down/',
	steps: [
		{ id: 'check-database-connectivity', text: 'Check database connectivity' },
		{ id: 'isolate', text: 'Isolate affected systems', lead: 'IMMEDIATE:' },
	],
};

/** A fresh page: empty storage and a fresh copy of the page's store module. */
async function mount(list: ChecklistSpec = spec) {
	vi.resetModules();
	const { default: Checklist } = await import('../../src/islands/Checklist.tsx');
	return render(<Checklist spec={list} ordered />);
}

/** The scratch ticks in storage. */
const storedScratch = (): Record<string, { done: boolean; by: string }> =>
	(JSON.parse(localStorage.getItem('playbook:state') ?? '{}') as { state?: { scratch: Record<string, { done: boolean; by: string }> } })
		.state?.scratch ?? {};

beforeEach(() => {
	localStorage.clear();
	sessionStorage.clear();
});
afterEach(cleanup);

describe('<Checklist>', () => {
	it('renders every step from its props, named for assistive technology', async () => {
		await mount();
		expect(screen.getByRole('list', { name: 'Service Down: Response' })).toBeTruthy();
		expect(screen.getByRole('checkbox', { name: 'Check database connectivity' })).toBeTruthy();
		expect(screen.getByRole('checkbox', { name: 'IMMEDIATE: Isolate affected systems' })).toBeTruthy();
	});

	it('counts symptoms as seen, not done: they are not steps, and the page does not count them as such', async () => {
		await mount({ ...spec, key: 'scenario/service-down/symptoms', label: 'Service Down: Symptoms' });
		fireEvent.click(screen.getByRole('checkbox', { name: 'Check database connectivity' }));
		await waitFor(() => expect(screen.getByText(/1 of 2 seen/)).toBeTruthy());
		expect(screen.queryByText(/of 2 done/)).toBeNull();
		// Nor is one of them the next to take: that mark is for the steps below them.
		expect(document.querySelector('[aria-current="step"], .next-badge')).toBeNull();
		cleanup();
		await mount({ ...spec, key: 'phase/detection/signs', label: 'Detection: Signs', signs: true });
		await screen.findByText(/0 of 2/);
		expect(document.querySelector('[aria-current="step"], .next-badge')).toBeNull();
	});

	it("keeps the keyboard on a step's note: Save, Cancel and Escape return the focus to its Note button", async () => {
		await mount();
		const noteButton = () => screen.getByRole('button', { name: /note: Isolate affected systems$/ });
		for (const close of ['save', 'cancel', 'escape'] as const) {
			fireEvent.click(noteButton());
			const box = await waitFor(() => screen.getByRole('textbox', { name: 'Note on: Isolate affected systems' }));
			expect(document.activeElement).toBe(box);
			fireEvent.input(box, { target: { value: `pods ${close}` } });
			if (close === 'save') fireEvent.click(screen.getByRole('button', { name: 'Save' }));
			if (close === 'cancel') fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
			if (close === 'escape') fireEvent.keyDown(box, { key: 'Escape' });
			await waitFor(() => expect(screen.queryByRole('textbox', { name: 'Note on: Isolate affected systems' })).toBeNull());
			expect(document.activeElement, close).toBe(noteButton());
		}
		// Saved once; Cancel and Escape kept what was saved.
		await waitFor(() => expect(screen.getByText('Note: pods save')).toBeTruthy());
	});

	it("unticks a step and changes its note on a device whose clock reads before the step's last change (another device's)", async () => {
		const key = 'scenario/service-down/response/check-database-connectivity';
		const { state, id } = withIncident({ scenarios: ['service-down'] });
		// Ticked on a device whose clock is an hour ahead of this one.
		const ahead = Date.now() + 3_600_000;
		const ticked = tickItem(state, id, key, { text: 'Check database connectivity', list: spec.label }, true, ahead);
		saveState(localStorage, ticked);
		await mount();
		const box = screen.getByRole('checkbox', { name: 'Check database connectivity' }) as HTMLInputElement;
		await waitFor(() => expect(box.checked).toBe(true));
		fireEvent.click(box);
		const saved = () => loadState(localStorage, Date.now()).state.incidents[0]!.ticks[key]!;
		await waitFor(() => expect(saved().done).toBe(false));
		expect(box.checked).toBe(false);
		fireEvent.click(screen.getByRole('button', { name: /note: Check database connectivity$/ }));
		fireEvent.input(await screen.findByRole('textbox', { name: 'Note on: Check database connectivity' }), {
			target: { value: 'replica lag' },
		});
		fireEvent.click(screen.getByRole('button', { name: 'Save' }));
		await waitFor(() => expect(saved().note).toBe('replica lag'));
	});

	it('stores a tick, counts it, and moves the next-step marker', async () => {
		await mount();
		await waitFor(() => expect(screen.getByText('Next', { exact: false })).toBeTruthy());
		fireEvent.click(screen.getByRole('checkbox', { name: 'Check database connectivity' }));
		await waitFor(() => expect(screen.getByText(/1 of 2 done/)).toBeTruthy());
		await waitFor(() => expect(storedScratch()['scenario/service-down/response/check-database-connectivity']?.done).toBe(true));
		const next = document.querySelector('li[aria-current="step"]');
		expect(next?.getAttribute('data-step')).toBe('isolate');
	});

	it('says where ticks go: the open incident by id and title, and whether it is resolved', async () => {
		const incident = {
			id: 'INC-7',
			title: 'Queue stuck',
			severity: 'P2',
			drill: false,
			detectedAt: 0,
			declaredAt: 0,
			channel: '#inc-7',
			scenarios: [],
			events: [],
			ticks: {},
		};
		const store = (resolvedAt?: number) =>
			localStorage.setItem(
				'playbook:state',
				JSON.stringify({
					version: 1,
					state: { activeId: 'INC-7', activeAt: 0, incidents: [{ ...incident, resolvedAt }], deleted: {}, responder: '', scratch: {} },
				}),
			);
		store();
		await mount();
		await waitFor(() => expect(document.querySelector('.checklist-target')?.textContent).toBe('Ticks go to INC-7: Queue stuck'));
		cleanup();
		store(60_000);
		await mount();
		await waitFor(() => expect(document.querySelector('.checklist-target')?.textContent).toBe('Ticks go to INC-7 (resolved): Queue stuck'));
	});

	it('shows ticks already stored when it mounts', async () => {
		localStorage.setItem(
			'playbook:state',
			JSON.stringify({
				version: 1,
				state: {
					activeId: null,
					activeAt: 0,
					incidents: [],
					deleted: {},
					responder: '',
					scratch: {
						'scenario/service-down/response/isolate': {
							done: true,
							at: 0,
							changedAt: 0,
							by: 'bob',
							text: 'Isolate affected systems',
							list: 'x',
						},
					},
				},
			}),
		);
		await mount();
		await waitFor(() =>
			expect((screen.getByRole('checkbox', { name: 'IMMEDIATE: Isolate affected systems' }) as HTMLInputElement).checked).toBe(true),
		);
		expect(screen.getByText(/00:00 UTC, bob/)).toBeTruthy();
	});

	it('shows stored ticks without loading the store, and keeps every tick made before the store arrives', async () => {
		localStorage.setItem(
			'playbook:state',
			JSON.stringify({ version: 1, state: { activeId: null, activeAt: 0, incidents: [], deleted: {}, responder: 'carol', scratch: {} } }),
		);
		await mount();
		const loader = await import('../../src/lib/pageStoreLoader.ts');
		await waitFor(() => expect(screen.getByText(/0 of 2 done/)).toBeTruthy());
		expect(loader.loadedStore()).toBeUndefined();
		const first = screen.getByRole('checkbox', { name: 'Check database connectivity' }) as HTMLInputElement;
		const second = screen.getByRole('checkbox', { name: 'IMMEDIATE: Isolate affected systems' }) as HTMLInputElement;
		// Both ticks land in the same moment, before the store has loaded: both show at once.
		fireEvent.click(first);
		fireEvent.click(second);
		expect(screen.getByText(/2 of 2 done/)).toBeTruthy();
		expect(first.checked && second.checked).toBe(true);
		await waitFor(() => expect(Object.values(storedScratch()).filter((t) => t.done)).toHaveLength(2));
		expect(storedScratch()['scenario/service-down/response/isolate']?.by).toBe('carol');
		expect(loader.loadedStore()).toBeDefined();
		expect(screen.getByText(/2 of 2 done/)).toBeTruthy();
	});

	it('stores a tick in the press that makes it, and a later page applies it should this one die first', async () => {
		await mount();
		await waitFor(() => expect(screen.getByText(/0 of 2 done/)).toBeTruthy());
		fireEvent.click(screen.getByRole('checkbox', { name: 'Check database connectivity' }));
		// Stored before the press's task ends, before the store has loaded: a tab killed now (no pagehide) keeps it.
		const pending = Object.keys(localStorage).filter((key) => key.startsWith('playbook:pending:'));
		expect(pending).toHaveLength(1);
		expect(JSON.parse(localStorage.getItem(pending[0]!) ?? '[]')).toMatchObject([
			{ key: 'scenario/service-down/response/check-database-connectivity', change: { done: true } },
		]);
		// The next page, in this tab or any other (its store never saw the tick), applies it.
		cleanup();
		localStorage.removeItem('playbook:state');
		await mount();
		await waitFor(() => expect(storedScratch()['scenario/service-down/response/check-database-connectivity']?.done).toBe(true));
		expect(Object.keys(localStorage).filter((key) => key.startsWith('playbook:pending:'))).toEqual([]);
		await waitFor(() => expect(screen.getByText(/1 of 2 done/)).toBeTruthy());
		// The page left stays alive in this test's document (a browser drops it): let it finish before the next test.
		await vi.dynamicImportSettled();
	});

	it('has in its first render (the server’s) every box it shows once ready, the controls held unseen', async () => {
		vi.resetModules();
		const { default: Checklist } = await import('../../src/islands/Checklist.tsx');
		const page = document.body.appendChild(document.createElement('div'));
		onTestFinished(() => {
			renderNow(null, page);
			page.remove();
		});
		// Preact's own render runs no effect before returning: what it leaves is what the server sends.
		renderNow(<Checklist spec={spec} ordered />, page);
		const first = skeleton(page);
		const held = [...page.querySelectorAll('[data-awaits-script]')];
		expect(held.map((el) => el.className)).toEqual([
			'note-button print:hidden',
			'note-button print:hidden',
			'checklist-tools print:hidden',
		]);
		expect(held.every((el) => el.getAttribute('aria-hidden') === 'true')).toBe(true);
		await waitFor(() => expect(page.querySelector('.checklist-target')?.textContent).toContain('no incident open'));
		expect(page.querySelectorAll('[data-awaits-script]')).toHaveLength(0);
		// Ready, it names where ticks go and marks the next step, on the line and the row it had: no other box comes or goes.
		const ready = skeleton(page);
		expect(ready.filter((box) => !first.includes(box))).toEqual(['span.checklist-target', 'span.next-badge']);
		expect(first.filter((box) => !ready.includes(box))).toEqual([]);
	});
});

/** The boxes an element is made of, by tag and class, without the classes of state (done, next). */
function skeleton(root: Element): string[] {
	return [...root.querySelectorAll('*')].map(
		(el) =>
			`${el.localName}.${[...el.classList]
				.filter((c) => c !== 'done' && c !== 'next')
				.sort()
				.join('.')}`,
	);
}
