import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { IncidentFields } from '../../src/lib/incidents.ts';
import { activeIncident, declareIncident } from '../../src/lib/incidents.ts';
import { emptyState, type Incident } from '../../src/lib/state.ts';
import { DetailsForm } from '../../src/islands/workspace/DetailsForm.onDemand.tsx';
import { declaration } from '../support/incidents.ts';
import { levelsPlaybook } from '../support/playbookContent.ts';

const playbook = levelsPlaybook();
afterEach(() => {
	cleanup();
	vi.unstubAllGlobals();
});

function opened(): { incident: Incident; edits: Partial<IncidentFields>[]; cancels: number[]; rerender: (incident: Incident) => void } {
	vi.stubGlobal(
		'fetch',
		vi.fn(async () => new Response('[]')),
	);
	const at = Date.now() - 600_000;
	const { state } = declareIncident(
		{ ...emptyState(), responder: 'alice' },
		declaration({ detectedAt: at, impact: 'Checkout slow', commander: 'alice', services: ['checkout'], scenarios: [] }),
		'incident-',
		at + 60_000,
	);
	const incident = activeIncident(state)!;
	const edits: Partial<IncidentFields>[] = [];
	const cancels: number[] = [];
	const view = (shown: Incident) => (
		<DetailsForm incident={shown} playbook={playbook} onSave={(patch) => edits.push(patch)} onCancel={() => cancels.push(1)} />
	);
	const { rerender } = render(view(incident));
	return { incident, edits, cancels, rerender: (shown) => rerender(view(shown)) };
}

describe('the details form', () => {
	it('saves only what the responder changed: boxes left alone follow what a handover or another tab set meanwhile', async () => {
		const { incident, edits, rerender } = opened();
		// While the form is open: a handover elsewhere names a new commander, the status page's writer sets the impact.
		rerender({ ...incident, commander: 'bob', impact: 'Checkout down for card payments' });
		fireEvent.input(screen.getByLabelText('Title'), { target: { value: 'Checkout failing' } });
		fireEvent.submit(screen.getByRole('form', { name: 'Edit incident details' }));
		expect(edits).toEqual([{ title: 'Checkout failing' }]);
	});

	it('saves a field emptied, and nothing at all when nothing changed', async () => {
		const { edits, cancels } = opened();
		fireEvent.submit(screen.getByRole('form', { name: 'Edit incident details' }));
		expect(cancels).toHaveLength(1);
		fireEvent.input(screen.getByLabelText('Impact'), { target: { value: '' } });
		fireEvent.input(screen.getByLabelText('Affected services'), { target: { value: 'checkout, payments' } });
		fireEvent.submit(screen.getByRole('form', { name: 'Edit incident details' }));
		expect(edits).toEqual([{ impact: '', services: ['checkout', 'payments'] }]);
	});

	it('asks before putting what was typed over what another tab saved in the same field meanwhile', async () => {
		const { incident, edits, cancels, rerender } = opened();
		fireEvent.input(screen.getByLabelText('Impact'), { target: { value: 'Card payments fail' } });
		fireEvent.input(screen.getByLabelText('Title'), { target: { value: 'Checkout failing' } });
		rerender({ ...incident, impact: 'Checkout down in the EU' });
		fireEvent.submit(screen.getByRole('form', { name: 'Edit incident details' }));
		expect(edits).toEqual([]);
		const alert = screen.getByRole('alert');
		expect(alert.textContent).toContain('Impact');
		expect(alert.textContent).toContain('Checkout down in the EU');
		expect(alert.textContent).not.toContain('Title');
		// It takes the focus, in view: the Enter that saved is not taken again as a second save, over what it shows.
		await waitFor(() => expect(document.activeElement).toBe(alert));
		fireEvent.click(screen.getByRole('button', { name: 'Save mine instead' }));
		expect(edits).toEqual([{ impact: 'Card payments fail', title: 'Checkout failing' }]);
		expect(cancels).toEqual([]);
	});

	it('shows a long value saved elsewhere cut short, not pages of it above the buttons', async () => {
		const { incident, rerender } = opened();
		fireEvent.input(screen.getByLabelText('Impact'), { target: { value: 'Card payments fail' } });
		rerender({ ...incident, impact: 'x'.repeat(15_000) });
		fireEvent.submit(screen.getByRole('form', { name: 'Edit incident details' }));
		const alert = screen.getByRole('alert');
		expect(alert.textContent!.length).toBeLessThan(400);
		expect(alert.textContent).toContain('x…');
	});
});
