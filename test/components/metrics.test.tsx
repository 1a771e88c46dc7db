import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { STATE_KEY, STATE_VERSION } from '../../src/lib/storageRead.ts';
import { withIncident } from '../support/incidents.ts';
import { levelsPlaybook } from '../support/playbookContent.ts';

const playbook = levelsPlaybook();

afterEach(() => {
	cleanup();
	localStorage.clear();
});

describe('IncidentMetrics', () => {
	it("counts this browser's incidents from what is stored, without loading the store", async () => {
		const first = withIncident();
		const both = withIncident({ title: 'Second' }, first.state, () => 0.5);
		localStorage.setItem(STATE_KEY, JSON.stringify({ version: STATE_VERSION, state: both.state }));
		vi.resetModules();
		const IncidentMetrics = (await import('../../src/islands/IncidentMetrics.tsx')).default;
		const { loadedStore } = await import('../../src/lib/pageStoreLoader.ts');
		render(<IncidentMetrics playbook={playbook} />);
		expect((await screen.findByText(/This browser’s incidents/)).textContent).toContain('(2)');
		expect(loadedStore()).toBeUndefined();
	});

	it('loads the store to judge what it will not read: data of another shape is set aside, not dropped', async () => {
		localStorage.setItem(STATE_KEY, JSON.stringify({ version: STATE_VERSION, state: { incidents: 'not a list' } }));
		vi.resetModules();
		const IncidentMetrics = (await import('../../src/islands/IncidentMetrics.tsx')).default;
		const { loadedStore } = await import('../../src/lib/pageStoreLoader.ts');
		render(<IncidentMetrics playbook={playbook} />);
		expect((await screen.findByText(/This browser’s incidents/)).textContent).toContain('(0)');
		await vi.waitFor(() => expect(loadedStore()).toBeDefined());
		// The full read set the unusable data aside rather than dropping it.
		expect(Object.keys(localStorage).some((key) => key.startsWith('playbook:backup:'))).toBe(true);
	});

	it('reads no incident it could miscount: one whose times are not numbers sends the whole state to the full read', async () => {
		const first = withIncident();
		const both = withIncident({ title: 'Second' }, first.state, () => 0.5);
		const [shown, older] = both.state.incidents;
		const state = { ...both.state, incidents: [shown, { ...older, detectedAt: 'an hour ago' }] };
		localStorage.setItem(STATE_KEY, JSON.stringify({ version: STATE_VERSION, state }));
		vi.resetModules();
		const IncidentMetrics = (await import('../../src/islands/IncidentMetrics.tsx')).default;
		const { loadedStore } = await import('../../src/lib/pageStoreLoader.ts');
		render(<IncidentMetrics playbook={playbook} />);
		await vi.waitFor(() => expect(loadedStore()).toBeDefined());
		expect(Object.keys(localStorage).some((key) => key.startsWith('playbook:backup:'))).toBe(true);
	});
});
