import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { useEffect, useReducer } from 'preact/hooks';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { IncidentFields } from '../../src/lib/incidents.ts';
import { activeIncident, declareIncident } from '../../src/lib/incidents.ts';
import { emptyState } from '../../src/lib/state.ts';
import { createStore } from '../../src/lib/store.ts';
import { DeclareFlow } from '../../src/islands/declare/DeclareFlow.tsx';
import { DeclareForm } from '../../src/islands/workspace/DeclareForm.tsx';
import { IncidentSummary } from '../../src/islands/workspace/IncidentSummary.tsx';
import { declaration } from '../support/incidents.ts';
import { levelsPlaybook } from '../support/playbookContent.ts';
import { MemoryStorage } from '../support/memoryStorage.ts';

const playbook = levelsPlaybook();
/** 01:30 EST on 1 November 2026: the second 01:30 of New York's night, when clocks go back. */
const REPEATED = Date.parse('2026-11-01T06:30:00.250Z');

beforeAll(() => {
	process.env.TZ = 'America/New_York';
});
afterEach(() => {
	cleanup();
	vi.useRealTimers();
	vi.unstubAllGlobals();
});

async function summary(detectedAt: number) {
	const { state } = declareIncident({ ...emptyState(), responder: 'alice' }, declaration({ detectedAt }), 'incident-', detectedAt + 60_000);
	const edits: Partial<IncidentFields>[] = [];
	render(
		<IncidentSummary
			incident={activeIncident(state)!}
			playbook={playbook}
			elapsed={0}
			onSeverity={() => {}}
			onStatus={() => {}}
			onEdit={(patch) => edits.push(patch)}
		/>,
	);
	fireEvent.click(screen.getByRole('button', { name: 'Edit details' }));
	await screen.findByRole('form', { name: 'Edit incident details' });
	return edits;
}

describe('the detection time in forms', () => {
	it('is never rewritten by an edit of other details, in the repeated hour or with seconds', async () => {
		vi.useFakeTimers({ now: REPEATED + 3_600_000, toFake: ['Date'] });
		for (const at of [REPEATED, Date.parse('2026-07-01T11:41:37.250Z')]) {
			const edits = await summary(at);
			fireEvent.input(screen.getByLabelText('Title'), { target: { value: 'Login down' } });
			fireEvent.submit(screen.getByRole('form', { name: 'Edit incident details' }));
			expect(edits).toHaveLength(1);
			expect(edits[0]?.title).toBe('Login down');
			expect(edits[0]).not.toHaveProperty('detectedAt');
			cleanup();
		}
	});

	it('reads a typed time in the repeated hour as the occurrence nearer the old value, says so, and lets the responder pick', async () => {
		vi.useFakeTimers({ now: REPEATED + 3_600_000, toFake: ['Date'] });
		const edits = await summary(REPEATED);
		const input = screen.getByLabelText('Detected at (your local time)');
		expect((input as HTMLInputElement).value).toBe('2026-11-01T01:30');
		fireEvent.input(input, { target: { value: '2026-11-01T01:20' } });
		expect(document.getElementById('edit-detected-utc')?.textContent).toMatch(/2026-11-01 06:20 UTC.*happened twice.*second, UTC−5/);
		fireEvent.change(screen.getByRole('combobox', { name: 'Which of the two' }), { target: { value: 'earlier' } });
		expect(document.getElementById('edit-detected-utc')?.textContent).toMatch(/05:20 UTC.*first, UTC−4/);
		fireEvent.submit(screen.getByRole('form', { name: 'Edit incident details' }));
		expect(edits[0]?.detectedAt).toBe(Date.parse('2026-11-01T05:20:00Z'));
	});

	it('explains a skipped time and refuses a future one instead of clamping it', async () => {
		vi.useFakeTimers({ now: Date.parse('2026-03-08T12:00:00Z'), toFake: ['Date'] });
		const edits = await summary(Date.parse('2026-03-08T06:00:00Z'));
		const input = screen.getByLabelText('Detected at (your local time)');
		fireEvent.input(input, { target: { value: '2026-03-08T02:30' } });
		expect(document.getElementById('edit-detected-utc')?.textContent).toMatch(/07:30 UTC.*did not exist.*03:30/);
		fireEvent.input(input, { target: { value: '2026-03-08T10:00' } });
		fireEvent.submit(screen.getByRole('form', { name: 'Edit incident details' }));
		expect(edits).toEqual([]);
		expect(screen.getByRole('alert').textContent).toMatch(/2 hours in the future/);
	});

	it('declares with the exact moment the form opened when the time is left alone, even in the repeated hour', () => {
		vi.useFakeTimers({ now: REPEATED, toFake: ['Date'] });
		const store = createStore(new MemoryStorage(), () => Date.now(), undefined);
		render(
			<DeclareForm
				playbook={playbook}
				state={store.get()}
				store={store}
				prefill={{ severity: playbook.severities[0]?.id }}
				onDeclared={() => {}}
			/>,
		);
		fireEvent.input(screen.getByLabelText('Title'), { target: { value: 'API down' } });
		vi.setSystemTime(REPEATED + 50_000);
		fireEvent.submit(screen.getByRole('button', { name: 'Declare incident' }).closest('form')!);
		expect(activeIncident(store.get())?.detectedAt).toBe(REPEATED);
	});
});

describe('a cleared or unreadable detection time', () => {
	it('is refused with a reason instead of being saved or dropped silently', async () => {
		vi.useFakeTimers({ now: Date.parse('2026-07-01T12:00:00Z'), toFake: ['Date'] });
		const edits = await summary(Date.parse('2026-07-01T11:00:00Z'));
		fireEvent.input(screen.getByLabelText('Detected at (your local time)'), { target: { value: '' } });
		expect(document.getElementById('edit-detected-utc')?.textContent).toBe('Enter a date and time.');
		fireEvent.submit(screen.getByRole('form', { name: 'Edit incident details' }));
		expect(edits).toEqual([]);
		expect(screen.getByRole('alert').textContent).toMatch(/Enter when the problem was detected/);
	});
});

describe('what comes next once declared with an earlier detection time', () => {
	it('says the deadlines already past are overdue, not "by" a time gone', async () => {
		// 01:30 EDT: the responder declares now, saying it was seen at 00:50 (04:50 UTC). A P0 of the
		// fixture escalates 15 minutes after detection: at 05:05 UTC, 25 minutes ago.
		const now = Date.parse('2026-11-01T05:30:00Z');
		vi.useFakeTimers({ now, toFake: ['Date'] });
		// Offline: the declaration message is not written, and what comes next shows all the same.
		vi.stubGlobal(
			'fetch',
			vi.fn(async () => {
				throw new TypeError('offline');
			}),
		);
		Element.prototype.scrollIntoView = () => {};
		const withLadder = levelsPlaybook({
			escalation: [
				{ id: 'pager', level: 1, role: 'Pager Holder' },
				{ id: 'lead', level: 2, role: 'Team Lead' },
			],
		});
		const store = createStore(new MemoryStorage(), () => Date.now(), undefined);
		function Harness() {
			const [, rerender] = useReducer((n: number) => n + 1, 0);
			useEffect(() => store.subscribe(() => rerender(undefined)), []);
			return <DeclareFlow playbook={withLadder} state={store.get()} store={store} prefill={{ severity: 'P0' }} now={Date.now()} />;
		}
		render(<Harness />);
		fireEvent.input(screen.getByLabelText('Title'), { target: { value: 'API down' } });
		fireEvent.click(screen.getByRole('button', { name: /Change/ }));
		fireEvent.input(screen.getByLabelText('Detected at (your local time)'), { target: { value: '2026-11-01T00:50' } });
		fireEvent.submit(screen.getByRole('button', { name: 'Declare and copy the message' }).closest('form')!);
		await screen.findByRole('heading', { name: /Declared: API down$/ });
		const clocks = [...document.querySelectorAll('.declared-clocks li')].map((li) => li.textContent);
		// The level's escalation and the rung it brings in at that moment are one line, not two.
		expect(clocks).toEqual(['Escalate: Team Lead overdue since 05:05 UTC', 'Next status update by 05:45 UTC']);
	});
});
