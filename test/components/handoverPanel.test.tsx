import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HandoverPanel } from '../../src/islands/workspace/HandoverPanel.onDemand.tsx';
import type { Deadline } from '../../src/lib/clocks.ts';
import { saveState } from '../../src/lib/storage.ts';
import { withIncident } from '../support/incidents.ts';

beforeEach(() => localStorage.clear());
afterEach(() => {
	cleanup();
	vi.restoreAllMocks();
});

describe('the handover form', () => {
	it('asks who hands over, filled with the commander, else the responder: the handover message needs it', async () => {
		const { state } = withIncident({ commander: '' });
		saveState(localStorage, state);
		render(<HandoverPanel incident={state.incidents[0]!} deadlines={[]} responder="alice" />);
		const from = screen.getByLabelText(/Outgoing commander/) as HTMLInputElement;
		expect(from.value).toBe('alice');
		expect(from.required).toBe(true);
		cleanup();
		const named = withIncident({ commander: '@bob' });
		render(<HandoverPanel incident={named.state.incidents[0]!} deadlines={[]} responder="alice" />);
		expect((screen.getByLabelText(/Outgoing commander/) as HTMLInputElement).value).toBe('@bob');
	});

	it("follows the incident's next deadline until it is typed over, and takes no blank incoming commander", async () => {
		const { state } = withIncident();
		const incident = state.incidents[0]!;
		const soon = Date.now() + 30 * 60_000;
		const update: Deadline = { id: 'update', kind: 'update', label: 'Status to post', detail: '', at: soon, state: 'upcoming' };
		const { rerender } = render(<HandoverPanel incident={incident} deadlines={[update]} />);
		const next = screen.getByLabelText(/Next deadline/) as HTMLInputElement;
		expect(next.value).toMatch(/^Status to post, /);
		// Raised meanwhile: a rung falls due first, and the form says so, not what it said when it opened.
		const rung: Deadline = { id: 'rung:lead', kind: 'rung', label: 'Lead to call', detail: '', at: soon - 15 * 60_000, state: 'upcoming' };
		rerender(<HandoverPanel incident={incident} deadlines={[update, rung]} />);
		expect(next.value).toMatch(/^Lead to call, /);
		fireEvent.input(next, { target: { value: 'Vendor call at the hour' } });
		rerender(<HandoverPanel incident={incident} deadlines={[update]} />);
		expect(next.value).toBe('Vendor call at the hour');
		const to = screen.getByLabelText(/Incoming commander/) as HTMLInputElement;
		fireEvent.input(to, { target: { value: '   ' } });
		expect(to.checkValidity()).toBe(false);
		fireEvent.input(to, { target: { value: ' @dana ' } });
		expect(to.checkValidity()).toBe(true);
	});

	it('once recorded, gives way to what was recorded and the message to post, with the focus on it, and can record another', async () => {
		const { state } = withIncident();
		saveState(localStorage, state);
		const incident = state.incidents[0]!;
		render(<HandoverPanel incident={incident} deadlines={[]} messageHref="/communication/#template-handover" />);
		fireEvent.input(screen.getByLabelText(/Incoming commander/), { target: { value: '@dana' } });
		fireEvent.input(screen.getByLabelText(/^Open/), { target: { value: 'Replica lag on db-2' } });
		fireEvent.click(screen.getByRole('button', { name: 'Record the handover' }));
		const status = await screen.findByText(/@dana now commands/);
		// Not left filled in, to be recorded twice by a second press.
		expect(screen.queryByLabelText(/Incoming commander/)).toBeNull();
		expect(screen.queryByRole('button', { name: 'Record the handover' })).toBeNull();
		await waitFor(() => expect(document.activeElement).toBe(status));
		// What comes next is the message, offered first.
		expect(screen.getByRole('link', { name: 'Handover message' }).className).toContain('primary');
		fireEvent.click(screen.getByRole('button', { name: 'Record another handover' }));
		expect((screen.getByLabelText(/Incoming commander/) as HTMLInputElement).value).toBe('');
		expect((screen.getByLabelText(/^Open/) as HTMLTextAreaElement).value).toBe('');
		await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText(/Incoming commander/)));
	});
});
