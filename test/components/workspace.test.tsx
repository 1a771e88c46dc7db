import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import type { ClientPlaybook, ClientSeverity } from '../../src/lib/clientPlaybook.ts';
import { addNote, declareIncident, logMessage, setStatus } from '../../src/lib/incidents.ts';
import { emptyState, type Incident, type State } from '../../src/lib/state.ts';
import { MAX_NAME_LENGTH } from '../../src/lib/limits.ts';
import { sourceValue } from '../../src/lib/messageValues.ts';
import { loadState, saveState, STATE_KEY } from '../../src/lib/storage.ts';
import { declaration, min, T0 } from '../support/incidents.ts';

/** A made-up playbook: two levels, three statuses and a three-rung ladder, none of it the live content's. */
const level = (id: string, name: string, rank: number, over: Partial<ClientSeverity> = {}): ClientSeverity => ({
	id,
	name,
	urgency: 'Soon',
	tone: rank === 0 ? 'danger' : 'caution',
	rank,
	criteria: [{ id: 'wrong', text: 'Something is wrong' }],
	responseTime: 5,
	escalateAfter: 10,
	updateEvery: 30,
	...over,
});
const playbook: ClientPlaybook = {
	organisation: 'Castor',
	channelPrefix: 'inc-',
	statuses: [
		{ id: 'looking', label: 'Looking', closes: false },
		{ id: 'contained', label: 'Contained', closes: false, mitigates: true },
		{ id: 'over', label: 'Over', closes: true },
	],
	severities: [level('S1', 'Grave', 0), level('S2', 'Minor', 1, { responseTime: 60, escalateAfter: 120, updateEvery: 90 })],
	escalation: [
		{ id: 'pager', level: 1, role: 'Pager Holder' },
		{ id: 'lead', level: 2, role: 'Team Lead', after: 20 },
		{ id: 'head', level: 3, role: 'Head of Ops', after: 60 },
	],
	scenarios: [],
};

/** Detected with seconds and milliseconds, which a datetime-local field cannot hold. */
const DETECTED = T0 + 37_250;
/** 21 minutes after detection: escalation (at 10) overdue, the lead (at 20) due, the head (at 60) upcoming. */
const NOW = DETECTED + min(21);

function seeded(): { state: State; id: string } {
	const declared = declareIncident(
		{ ...emptyState(), responder: 'dana' },
		declaration({ title: 'Queue stuck', severity: 'S1', status: 'looking', detectedAt: DETECTED, scenarios: [] }),
		'inc-',
		DETECTED + min(1),
	);
	return { state: addNote(declared.state, declared.id, 'Restarted the worker', DETECTED + min(3)), id: declared.id };
}

/** What the workspace saved, read back as the next page load would. */
const saved = (): Incident => {
	const incident = loadState(localStorage, NOW).state.incidents[0];
	if (!incident) throw new Error('no incident saved');
	return incident;
};

type Props = Parameters<typeof import('../../src/islands/IncidentWorkspace.tsx').default>[0];

/** The workspace on a fresh page (no store made yet) over what localStorage holds now. */
async function mount(props: Partial<Props> = {}) {
	vi.resetModules();
	const { default: IncidentWorkspace } = await import('../../src/islands/IncidentWorkspace.tsx');
	render(<IncidentWorkspace playbook={playbook} checklists={[]} {...props} />);
}

/** The workspace on a fresh page holding the seeded incident. */
async function workspace(props: Partial<Props> = {}) {
	saveState(localStorage, seeded().state);
	await mount(props);
	await screen.findByRole('heading', { level: 2, name: /Queue stuck/ });
}

/** The page's store, once something has made it (the same module the workspace loaded). */
const pageStoreMade = async () => (await import('../../src/lib/pageStoreLoader.ts')).loadedStore();
/** What an element's description says. */
const describedBy = (el: HTMLElement) =>
	(el.getAttribute('aria-describedby') ?? '')
		.split(' ')
		.filter(Boolean)
		.map((id) => document.getElementById(id)?.textContent ?? '')
		.join(' ');
const keptAside = () => Object.keys(localStorage).filter((key) => key.startsWith('playbook:backup:'));

beforeEach(() => {
	localStorage.clear();
	vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
});
afterEach(() => {
	cleanup();
	vi.useRealTimers();
	vi.restoreAllMocks();
});

describe('the incident summary', () => {
	it('shows the title, level and time since detection', async () => {
		await workspace();
		const heading = screen.getByRole('heading', { level: 2, name: /Queue stuck/ });
		expect(heading.textContent).toContain('Grave');
		expect(document.querySelector('[data-elapsed]')?.textContent).toBe('21 min 00 s');
		expect((screen.getByLabelText('Severity') as HTMLSelectElement).value).toBe('S1');
		expect(screen.getByRole('button', { name: 'Looking' }).getAttribute('aria-pressed')).toBe('true');
	});

	it('says how long a resolved incident lasted as its messages do: by the times they show', async () => {
		// Detected at :37 past a minute, resolved 1 h 03 min 30 s later at :07 past another: the times shown are 64 minutes apart.
		const resolvedAt = DETECTED + min(63) + 30_000;
		const { state, id } = seeded();
		saveState(localStorage, setStatus(state, id, playbook.statuses[2]!, resolvedAt));
		await mount();
		const incident = saved();
		expect(incident.resolvedAt).toBe(resolvedAt);
		const messageSays = sourceValue('duration', { incident, playbook, checklists: [], kind: 'message', now: NOW });
		await waitFor(() => expect(document.querySelector('[data-elapsed]')?.textContent).toBe(messageSays));
		expect(messageSays).toBe('1 h 4 min');
	});

	it("shows a level this playbook does not have as it is, says so, and takes one of the playbook's", async () => {
		// Imported from another playbook, or kept from before the team renamed its levels.
		const { state, id } = seeded();
		saveState(localStorage, { ...state, incidents: state.incidents.map((i) => (i.id === id ? { ...i, severity: 'SEV-9' } : i)) });
		await mount();
		const select = (await screen.findByLabelText('Severity')) as HTMLSelectElement;
		// Not the first level shown as the incident's, which picking it would then not change.
		expect(select.value).toBe('SEV-9');
		expect(describedBy(select)).toMatch(/“SEV-9” is not a level of this playbook/);
		fireEvent.change(select, { target: { value: 'S1' } });
		await waitFor(() => expect(saved().severity).toBe('S1'));
		await waitFor(() => expect(describedBy(select)).not.toMatch(/not a level/));
	});

	it('changes severity and status in the store, and the page and timeline follow', async () => {
		await workspace();
		fireEvent.change(screen.getByLabelText('Severity'), { target: { value: 'S2' } });
		await waitFor(() => expect(saved().severity).toBe('S2'));
		await waitFor(() => expect(screen.getByRole('heading', { level: 2, name: /Queue stuck/ }).textContent).toContain('Minor'));

		fireEvent.click(screen.getByRole('button', { name: 'Contained' }));
		await waitFor(() => expect(saved().status).toBe('contained'));
		expect(saved().resolvedAt).toBeUndefined();
		await waitFor(() => expect(screen.getByRole('button', { name: 'Contained' }).getAttribute('aria-pressed')).toBe('true'));
		expect(screen.getByRole('button', { name: 'Looking' }).getAttribute('aria-pressed')).toBe('false');
		expect(document.querySelector('.events .event-text')?.textContent).toBe('Status: Contained');

		fireEvent.click(screen.getByRole('button', { name: 'Over' }));
		fireEvent.click(screen.getByRole('button', { name: 'Mark over' }));
		// Timed as pressed: the clock stands still here, and each change is stamped a millisecond after the one before.
		await waitFor(() => expect(saved().resolvedAt).toBeDefined());
		expect(saved().resolvedAt! - NOW).toBeGreaterThan(0);
		expect(saved().resolvedAt! - NOW).toBeLessThan(10);
	});

	it('changes severity by keyboard only when the level is confirmed with Enter: arrows look through the levels, Escape or leaving keeps it', async () => {
		await workspace();
		const select = screen.getByLabelText('Severity') as HTMLSelectElement;
		// A closed list moves its choice on each arrow key, as browsers do, and says how to apply it.
		fireEvent.keyDown(select, { key: 'ArrowDown' });
		fireEvent.change(select, { target: { value: 'S2' } });
		// Given the time a change takes to be kept (the store loads on this first key).
		await new Promise((resolve) => setTimeout(resolve, 200));
		expect(saved().severity).toBe('S1');
		expect(describedBy(select)).toMatch(/Enter/);
		fireEvent.keyDown(select, { key: 'Escape' });
		expect(select.value).toBe('S1');
		expect(describedBy(select)).toBe('');
		fireEvent.keyDown(select, { key: 'ArrowDown' });
		fireEvent.change(select, { target: { value: 'S2' } });
		fireEvent.keyDown(select, { key: 'Enter' });
		await waitFor(() => expect(saved().severity).toBe('S2'));
		// Looked through and left without Enter (an arrow pressed while tabbing through): the level is kept, and shown.
		fireEvent.keyDown(select, { key: 'ArrowUp' });
		fireEvent.change(select, { target: { value: 'S1' } });
		fireEvent.blur(select);
		await waitFor(() => expect(select.value).toBe('S2'));
		await new Promise((resolve) => setTimeout(resolve, 200));
		expect(saved().severity).toBe('S2');
		expect(
			saved()
				.events.filter((e) => e.kind === 'severity')
				.map((e) => e.text),
		).toEqual(['Severity S1 → S2']);
	});

	/** The seeded incident resolved, then a status that reopens it tapped: asked about. */
	const askedToReopen = async () => {
		await workspace();
		fireEvent.click(screen.getByRole('button', { name: 'Over' }));
		fireEvent.click(screen.getByRole('button', { name: 'Mark over' }));
		await waitFor(() => expect(saved().resolvedAt).toBeDefined());
		fireEvent.click(screen.getByRole('button', { name: 'Contained' }));
	};

	it('asks before a status that reopens a resolved incident: a stray tap would start its clocks and the bar again', async () => {
		await askedToReopen();
		// The focus on the way that changes nothing: a second Enter pressed at once keeps it resolved.
		const keep = screen.getByRole('button', { name: 'Keep it over' });
		await waitFor(() => expect(document.activeElement).toBe(keep));
		expect(saved().resolvedAt).toBeDefined();
		fireEvent.click(keep);
		expect(screen.queryByRole('button', { name: 'Reopen as contained' })).toBeNull();
		expect(saved().status).toBe('over');
		// Back on the status pressed, not on the page's start.
		expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Contained' }));
		// Escape puts the question away too.
		fireEvent.click(screen.getByRole('button', { name: 'Contained' }));
		fireEvent.keyDown(screen.getByRole('button', { name: 'Keep it over' }), { key: 'Escape' });
		expect(screen.queryByRole('button', { name: 'Reopen as contained' })).toBeNull();
		expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Contained' }));
		fireEvent.click(screen.getByRole('button', { name: 'Contained' }));
		fireEvent.click(screen.getByRole('button', { name: 'Reopen as contained' }));
		await waitFor(() => expect(saved().resolvedAt).toBeUndefined());
		expect(saved().status).toBe('contained');
	});

	it('puts the question away once the incident is reopened from elsewhere: it no longer says what the tap would do', async () => {
		await askedToReopen();
		expect(screen.getByRole('button', { name: 'Reopen as contained' })).toBeTruthy();
		// Another tab reopens it meanwhile, as Looking.
		const store = (await pageStoreMade())!;
		store.update((s, at) => setStatus(s, saved().id, { id: 'looking', label: 'Looking', closes: false }, at));
		await waitFor(() => expect(screen.queryByRole('button', { name: 'Reopen as contained' })).toBeNull());
		// Resolved there again: the old question does not come back.
		store.update((s, at) => setStatus(s, saved().id, { id: 'over', label: 'Over', closes: true }, at));
		await waitFor(() => expect(saved().resolvedAt).toBeDefined());
		await new Promise((done) => setTimeout(done, 50));
		expect(screen.queryByRole('button', { name: 'Reopen as contained' })).toBeNull();
	});

	it('asks once before a status that ends the incident, and "Not yet" leaves it open', async () => {
		await workspace();
		fireEvent.click(screen.getByRole('button', { name: 'Over' }));
		expect(saved().resolvedAt).toBeUndefined();
		screen.getByRole('button', { name: 'Mark over' });
		await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Not yet' })));
		fireEvent.click(screen.getByRole('button', { name: 'Not yet' }));
		expect(screen.queryByRole('button', { name: 'Mark over' })).toBeNull();
		expect(saved().resolvedAt).toBeUndefined();
		expect(saved().status).toBe('looking');
	});
});

describe('the next message', () => {
	const template = {
		id: 'tick',
		title: 'Progress Note',
		kind: 'message',
		text: 'Now: {{status}}',
		fields: [{ name: 'status', label: 'Status', from: 'status', placeholder: '', required: false, multiline: false }],
	};
	const messages = {
		update: { title: 'Progress Note', href: '/communication/#template-tick' },
		resolution: { title: 'All Clear', href: '/communication/#template-clear' },
	};
	/** The update's template served as this one, a clipboard that takes what is written, and leaving the page watched. */
	const serving = (update: object) => {
		vi.stubGlobal(
			'fetch',
			vi.fn(async () => new Response(JSON.stringify(update))),
		);
		const writes = vi.fn(async () => {});
		vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText: writes } });
		return { writes, assign: vi.spyOn(window.location, 'assign').mockImplementation(() => {}) };
	};

	it('offers the status update before it is due, and copies and logs it in one tap', async () => {
		const fetched = vi.fn(async () => new Response(JSON.stringify(template)));
		vi.stubGlobal('fetch', fetched);
		const writeText = vi.fn(async () => {});
		Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
		await workspace({ messages });
		// Declared at +1 min, updates every 30: due at +31, ten minutes from now.
		expect(document.querySelector('[data-deadline="update"]')?.textContent).toContain('upcoming');
		const section = screen.getByRole('region', { name: 'Next message: Progress Note' });
		expect(within(section).getByRole('link', { name: 'Edit it first' }).getAttribute('href')).toBe(messages.update.href);
		// Tapped twice at once: copied and logged once.
		fireEvent.click(within(section).getByRole('button', { name: 'Copy the progress note' }));
		fireEvent.click(within(section).getByRole('button', { name: 'Copy the progress note' }));
		await waitFor(() => expect(writeText).toHaveBeenCalledWith('Now: Looking'));
		await waitFor(() => expect(saved().events.at(-1)).toMatchObject({ kind: 'message', text: 'Copied Progress Note (Slack)' }));
		expect(writeText).toHaveBeenCalledTimes(1);
		expect(within(section).getByRole('status').textContent).toContain('copied');
		vi.unstubAllGlobals();
	});

	it('asks for a new update once the status changes after one was copied, and no longer says the old one was sent', async () => {
		vi.stubGlobal(
			'fetch',
			vi.fn(async () => new Response(JSON.stringify(template))),
		);
		Object.defineProperty(navigator, 'clipboard', { value: { writeText: vi.fn(async () => {}) }, configurable: true });
		await workspace({ messages });
		const section = screen.getByRole('region', { name: 'Next message: Progress Note' });
		fireEvent.click(within(section).getByRole('button', { name: 'Copy the progress note' }));
		await waitFor(() => expect(within(section).getByRole('status').textContent).toContain('copied at 03:35 UTC'));
		// Updates every 30 minutes: the next one by 04:05.
		expect(section.textContent).toContain('Next one due 04:05 UTC, in 30 min 00 s');
		vi.setSystemTime(NOW + min(2));
		fireEvent.click(screen.getByRole('button', { name: 'Contained' }));
		await waitFor(() => expect(document.querySelector('[data-deadline="update"] .deadline-state')?.textContent).toBe('due now'), {
			timeout: 3000,
		});
		expect(section.textContent).toMatch(/Send it now: due 03:37 UTC, \d+ s ago/);
		expect(within(section).getByRole('status').textContent).toBe('');
		vi.unstubAllGlobals();
	});

	it('says it copied nothing when a required value is missing, and why, with the way to write it focused; it does not leave the page', async () => {
		const required = {
			...template,
			text: 'Now: {{status}}\nWhy: {{why}}',
			fields: [...template.fields, { ...template.fields[0]!, name: 'why', label: 'Why', from: undefined, required: true }],
		};
		const { assign, writes } = serving(required);
		await workspace({ messages });
		fireEvent.click(screen.getByRole('button', { name: 'Copy the progress note' }));
		const region = screen.getByRole('region', { name: 'Next message: Progress Note' });
		// Whatever the clipboard held before (the declaration) is still there: the responder is told, where they tapped.
		await waitFor(() => expect(within(region).getByRole('status').textContent).toBe('Not copied: Why still to write.'));
		const write = within(region).getByRole('link', { name: 'Write Why in the Progress Note form' });
		// For this incident, whichever the communication page would fill from by itself.
		expect(write.getAttribute('href')).toMatch(/^\/communication\/\?incident=[\w-]+#template-tick$/);
		await waitFor(() => expect(document.activeElement).toBe(write));
		expect(assign).not.toHaveBeenCalled();
		expect(writes).not.toHaveBeenCalled();
		vi.unstubAllGlobals();
	});

	it('copies nothing that would notify the whole channel: says why, with the way to check it focused', async () => {
		const withTimeline = {
			...template,
			text: 'Now: {{status}}\n{{timeline}}',
			fields: [
				...template.fields,
				{ name: 'timeline', label: 'Latest', from: 'timeline', placeholder: '', required: false, multiline: true },
			],
		};
		const { assign, writes } = serving(withTimeline);
		const { state, id } = seeded();
		saveState(localStorage, addNote(state, id, 'Rolled back @here please check', DETECTED + min(4)));
		await mount({ messages });
		fireEvent.click(await screen.findByRole('button', { name: 'Copy the progress note' }));
		const region = screen.getByRole('region', { name: 'Next message: Progress Note' });
		await waitFor(() => expect(within(region).getByRole('status').textContent).toMatch(/^Not copied: Latest contains @here/));
		const check = within(region).getByRole('link', { name: 'Check the Progress Note before copying' });
		expect(check.getAttribute('href')).toMatch(/^\/communication\/\?incident=[\w-]+#template-tick$/);
		await waitFor(() => expect(document.activeElement).toBe(check));
		expect(writes).not.toHaveBeenCalled();
		expect(assign).not.toHaveBeenCalled();
		expect(saved().events.some((e) => e.kind === 'message')).toBe(false);
		vi.unstubAllGlobals();
	});

	it('copies nothing that states times worked out from a clock behind the incident', async () => {
		const { writes } = serving(template);
		await workspace({ messages });
		// This device's clock set back to before the note (written at +3 min).
		vi.setSystemTime(DETECTED);
		fireEvent.click(screen.getByRole('button', { name: 'Copy the progress note' }));
		const region = screen.getByRole('region', { name: 'Next message: Progress Note' });
		await waitFor(() => expect(within(region).getByRole('status').textContent).toMatch(/^Not copied: This device’s clock reads/));
		expect(writes).not.toHaveBeenCalled();
		vi.unstubAllGlobals();
	});

	it('once resolved, offers the resolution message and the post-mortem, with the focus on them', async () => {
		await workspace({ messages });
		fireEvent.click(screen.getByRole('button', { name: 'Over' }));
		fireEvent.click(screen.getByRole('button', { name: 'Mark over' }));
		const section = await screen.findByRole('region', { name: 'Next: say it is resolved' });
		expect(within(section).getByRole('link', { name: 'Write the all clear message' }).getAttribute('href')).toBe(messages.resolution.href);
		// This incident's, whichever another tab works on by the time it is followed.
		const id = JSON.parse(localStorage.getItem(STATE_KEY) ?? 'null')?.state.incidents[0]?.id as string;
		expect(within(section).getByRole('link', { name: 'Write the post-mortem' }).getAttribute('href')).toBe(`/post-mortem/?incident=${id}`);
		await waitFor(() => expect(document.activeElement?.id).toBe('next-message-title'));
	});

	it('once the resolution message is copied, leads with the post-mortem, and says when it was copied', async () => {
		const { state, id } = seeded();
		const over = setStatus(state, id, { id: 'over', label: 'Over', closes: true }, DETECTED + min(10));
		// Copied before it was resolved (a draft), then after: the later copy is the one said.
		const copied = logMessage(
			logMessage(over, id, 'Copied All Clear (Slack)', DETECTED + min(12)),
			id,
			'Copied Progress Note (Slack)',
			DETECTED + min(13),
		);
		saveState(localStorage, logMessage(copied, id, 'Copied All Clear (Markdown)', DETECTED + min(9)));
		await mount({ messages });
		const section = await screen.findByRole('region', { name: 'Next: the post-mortem' });
		expect(section.textContent).toContain('All Clear message copied at 03:26 UTC');
		expect(within(section).getByRole('link', { name: 'Write the post-mortem' }).className).toContain('primary');
		const again = within(section).getByRole('link', { name: 'Write the all clear message again' });
		expect(again.className).not.toContain('primary');
	});

	it('still asks for the resolution message when only a draft was copied before it was resolved', async () => {
		const { state, id } = seeded();
		const over = setStatus(state, id, { id: 'over', label: 'Over', closes: true }, DETECTED + min(10));
		saveState(localStorage, logMessage(over, id, 'Copied All Clear (Slack)', DETECTED + min(9)));
		await mount({ messages });
		const section = await screen.findByRole('region', { name: 'Next: say it is resolved' });
		expect(within(section).getByRole('link', { name: 'Write the all clear message' }).className).toContain('primary');
	});
});

describe('the deadlines', () => {
	const states = () =>
		Object.fromEntries(
			[...screen.getByRole('list', { name: 'Deadlines and escalation' }).querySelectorAll('[data-deadline]')].map((li) => [
				li.getAttribute('data-deadline'),
				li.querySelector('.deadline-state')?.textContent,
			]),
		);

	it("are upcoming, due or overdue by the level's times, and bringing a rung in is logged", async () => {
		await workspace();
		expect(states()).toEqual({
			response: 'done',
			escalate: 'overdue',
			'rung:pager': 'done',
			'rung:lead': 'due now',
			'rung:head': 'upcoming',
			update: 'upcoming',
		});
		const lead = document.querySelector('[data-deadline="rung:lead"]') as HTMLElement;
		expect(lead.textContent).toContain('due 03:34 UTC, 1 min 00 s ago');
		fireEvent.click(within(lead).getByRole('button', { name: 'Mark Team Lead as brought in' }));
		await waitFor(() => expect(saved().events.at(-1)).toMatchObject({ kind: 'escalation', value: 'rung:lead', at: NOW }));
		await waitFor(() => expect(states()).toMatchObject({ escalate: 'done', 'rung:lead': 'done' }));
	});

	it('move with the level: a lower level has later deadlines', async () => {
		await workspace();
		fireEvent.change(screen.getByLabelText('Severity'), { target: { value: 'S2' } });
		await waitFor(() => expect(states()).toMatchObject({ 'rung:lead': 'upcoming', update: 'upcoming' }));
		// The level's escalation brings the rung in at the same moment: one line, named as both.
		expect(states()).not.toHaveProperty('escalate');
		expect(document.querySelector('[data-deadline="rung:lead"] strong')?.textContent).toMatch(/^Escalate: \S/);
	});
});

describe('another incident open', () => {
	it('says so above the one shown, with its most pressing deadline, and opens it in one press', async () => {
		// An older incident, S2, detected 3 hours ago: its update (every 90 minutes) is 89 minutes overdue, its escalation (after 120) 60.
		const older = declareIncident(
			{ ...emptyState(), responder: 'dana' },
			declaration({ title: 'Search slow', severity: 'S2', status: 'looking', detectedAt: NOW - min(180), scenarios: [] }),
			'inc-',
			NOW - min(179),
		);
		// The seeded incident declared after it, and shown.
		const { state: seededState } = seeded();
		const both = { ...seededState, incidents: [older.state.incidents[0]!, ...seededState.incidents] };
		saveState(localStorage, both);
		await mount();
		await screen.findByRole('heading', { level: 2, name: /Queue stuck/ });
		const also = screen.getByRole('region', { name: 'Also open' });
		expect(also.textContent).toContain('Search slow');
		// The deadline the incident bar would show for it: the earliest overdue.
		expect(also.textContent).toMatch(/Next status update\s*1 h 29 min overdue/);
		// Above the incident shown, so it is seen first.
		const summary = screen.getByRole('heading', { level: 2, name: /Queue stuck/ });
		expect(also.compareDocumentPosition(summary) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
		fireEvent.click(within(also).getByRole('button', { name: /Open.*Search slow/ }));
		await screen.findByRole('heading', { level: 2, name: /Search slow/ });
		// The pressed button is gone: the focus goes to the incident now shown, not to <body>.
		await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('heading', { level: 2, name: /Search slow/ })));
		expect(screen.getByRole('region', { name: 'Also open' }).textContent).toContain('Queue stuck');
	});

	it('opens on the incident a link names (the bar shows another than the one last worked on), and works on it from then on', async () => {
		// The seeded incident, worked on last, resolved; an older one still open, which the incident bar shows.
		const older = declareIncident(
			{ ...emptyState(), responder: 'dana' },
			declaration({ title: 'Search slow', severity: 'S2', status: 'looking', detectedAt: NOW - min(180), scenarios: [] }),
			'inc-',
			NOW - min(179),
		);
		const { state: seededState, id } = seeded();
		const resolved = setStatus(seededState, id, { id: 'over', label: 'Over', closes: true }, NOW - min(1));
		saveState(localStorage, { ...resolved, incidents: [...resolved.incidents, older.state.incidents[0]!] });
		history.replaceState(null, '', `/incident/?incident=${older.id}#top`);
		onTestFinished(() => history.replaceState(null, '', '/'));
		await mount();
		await screen.findByRole('heading', { level: 2, name: /Search slow/ });
		// No declaration asked for, and the address no longer names it: a reload follows what is worked on.
		expect(screen.queryByRole('dialog')).toBeNull();
		expect(location.search).toBe('');
		expect(location.hash).toBe('#top');
		// It is the incident worked on now: what every page and message fills from.
		await waitFor(() => expect(loadState(localStorage, NOW).state.activeId).toBe(older.id));
		await screen.findByRole('heading', { level: 2, name: /Search slow/ });
	});

	it("on a device whose clock reads before the incident's last entry, resolves it after that entry, not before its declaration", async () => {
		// The note was written at DETECTED + 3 min, on another device; this one's clock reads 15 minutes earlier.
		vi.setSystemTime(DETECTED - min(12));
		await workspace();
		fireEvent.click(screen.getByRole('button', { name: 'Over' }));
		fireEvent.click(screen.getByRole('button', { name: 'Mark over' }));
		await waitFor(() => expect(saved().resolvedAt).toBeDefined());
		const lastEntry = DETECTED + min(3);
		expect(saved().resolvedAt).toBeGreaterThan(lastEntry);
		// The timeline keeps its order: the status change comes after what was there.
		const times = saved().events.map((e) => e.at);
		expect(times).toEqual([...times].sort((a, b) => a - b));
	});

	it("says when this device's clock reads before the incident's last entry, and not otherwise", async () => {
		await workspace();
		expect(screen.queryByText(/clock/i)).toBeNull();
		cleanup();
		// Another device wrote the note at DETECTED + 3 min; this one's clock reads 15 minutes earlier.
		vi.setSystemTime(DETECTED - min(12));
		await workspace();
		const warning = screen.getByText(/this device’s clock/i);
		expect(warning.textContent).toMatch(/reads 03:02 UTC, before the incident’s last entry \(03:17 UTC\)/);
		// Above the summary, where it is read before any time it affects.
		const summary = screen.getByRole('heading', { level: 2, name: /Queue stuck/ });
		expect(warning.compareDocumentPosition(summary) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
	});

	it('takes a link with an empty incident and a declaration asked for as a declaration', async () => {
		saveState(localStorage, seeded().state);
		history.replaceState(null, '', '/incident/?incident=&severity=S2');
		onTestFinished(() => history.replaceState(null, '', '/'));
		await mount();
		await waitFor(() => expect(document.querySelector('.declare-dialog form, form[aria-label="Declare an incident"]')).not.toBeNull(), {
			timeout: 3000,
		});
	});

	it('says so when a link names an incident this browser does not hold, above the one it shows instead', async () => {
		saveState(localStorage, seeded().state);
		history.replaceState(null, '', '/incident/?incident=20261126-0300-zz99');
		onTestFinished(() => history.replaceState(null, '', '/'));
		await mount();
		const title = await screen.findByRole('heading', { level: 2, name: /Queue stuck/ });
		expect(screen.queryByRole('dialog')).toBeNull();
		expect(location.search).toBe('');
		const notice = await screen.findByText(/20261126-0300-zz99/);
		expect(notice.textContent).toMatch(
			/^The link names incident 20261126-0300-zz99, which this browser does not hold: shown here is Queue stuck\./,
		);
		expect(notice.compareDocumentPosition(title) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
	});

	it('never repeats as its own words what a link says in place of an incident id', async () => {
		saveState(localStorage, seeded().state);
		const said = 'Security notice from the commander: download the file below and send it to ops@evil.example';
		history.replaceState(null, '', `/incident/?incident=${encodeURIComponent(said)}`);
		onTestFinished(() => history.replaceState(null, '', '/'));
		await mount();
		await screen.findByRole('heading', { level: 2, name: /Queue stuck/ });
		const notice = await screen.findByText(/^The link names an incident this browser does not hold/);
		expect(document.body.textContent).not.toContain('evil.example');
		expect(notice.textContent).not.toContain('Security');
	});

	it('takes an empty or blank incident in a link, and nothing else, as no link at all: no declaration, no notice', async () => {
		for (const query of ['?incident=', '?incident=%20']) {
			saveState(localStorage, seeded().state);
			history.replaceState(null, '', `/incident/${query}`);
			await mount();
			await screen.findByRole('heading', { level: 2, name: /Queue stuck/ });
			await new Promise((done) => setTimeout(done, 50));
			expect(document.querySelector('form[aria-label="Declare an incident"]')).toBeNull();
			expect(screen.queryByText(/does not hold/)).toBeNull();
			cleanup();
		}
		history.replaceState(null, '', '/');
	});

	it('says so when a link names an incident this browser does not hold, and none is open', async () => {
		history.replaceState(null, '', '/incident/?incident=drill-20261126-0300-zz99-2');
		onTestFinished(() => history.replaceState(null, '', '/'));
		await mount();
		const notice = await screen.findByText(/drill-20261126-0300-zz99-2/);
		expect(notice.textContent).toMatch(/^The link names incident drill-20261126-0300-zz99-2, which this browser does not hold\./);
		expect(screen.getByRole('button', { name: 'Declare an incident' })).toBeTruthy();
	});

	it('is not there with one incident open, nor for resolved ones', async () => {
		await workspace();
		expect(screen.queryByRole('region', { name: 'Also open' })).toBeNull();
	});
});

describe('the timeline', () => {
	it("lists the incident's events newest first, and adds a note", async () => {
		await workspace();
		const events = () => [...document.querySelectorAll('.events .event-text')].map((e) => e.textContent);
		expect(events()).toEqual(['Restarted the worker', 'Incident declared: S1, Queue stuck', 'Incident detected']);
		fireEvent.input(screen.getByLabelText('Add a note'), { target: { value: 'Queue drained' } });
		fireEvent.submit(screen.getByLabelText('Add a note').closest('form')!);
		expect(document.activeElement).toBe(screen.getByLabelText('Add a note'));
		await waitFor(() => expect(events()[0]).toBe('Queue drained'));
		expect(saved().events.at(-1)).toMatchObject({ kind: 'note', text: 'Queue drained', at: NOW });
		// From the keyboard, Ctrl+Enter (⌘+Enter) adds it too; Enter alone starts a new line.
		const box = screen.getByLabelText('Add a note') as HTMLTextAreaElement;
		fireEvent.input(box, { target: { value: 'Replica caught up' } });
		fireEvent.keyDown(box, { key: 'Enter' });
		expect(box.value).toBe('Replica caught up');
		fireEvent.keyDown(box, { key: 'Enter', ctrlKey: true });
		await waitFor(() => expect(events()[0]).toBe('Replica caught up'));
		expect(box.value).toBe('');
		fireEvent.input(box, { target: { value: 'Alerts cleared' } });
		fireEvent.keyDown(box, { key: 'Enter', metaKey: true });
		await waitFor(() => expect(events()[0]).toBe('Alerts cleared'));
	});

	it('says whose name signs the notes and ticks of this browser, and lets it be set while the incident is open', async () => {
		// Brought in from a shared link or a file, an incident comes with no name for this browser's responder.
		saveState(localStorage, { ...seeded().state, responder: '' });
		await mount();
		await screen.findByRole('heading', { level: 2, name: /Queue stuck/ });
		const timeline = screen.getByRole('region', { name: 'Timeline' });
		expect(within(timeline).getByRole('status').textContent).toMatch(/no name/i);
		fireEvent.click(within(timeline).getByRole('button', { name: 'Add your name' }));
		const field = within(timeline).getByLabelText<HTMLInputElement>('Your name');
		expect(document.activeElement).toBe(field);
		expect(field.maxLength).toBe(MAX_NAME_LENGTH);
		fireEvent.input(field, { target: { value: '  Erin Vale ' } });
		fireEvent.submit(field.closest('form')!);
		await waitFor(() => expect(loadState(localStorage, NOW).state.responder).toBe('Erin Vale'));
		await waitFor(() => expect(within(timeline).getByRole('status').textContent).toContain('Erin Vale'));
		// Back on the button that opened the form, now named for a change.
		expect(document.activeElement).toBe(within(timeline).getByRole('button', { name: 'Change name' }));
		// The next note is signed with it.
		fireEvent.input(screen.getByLabelText('Add a note'), { target: { value: 'Queue drained' } });
		fireEvent.submit(screen.getByLabelText('Add a note').closest('form')!);
		await waitFor(() => expect(saved().events.at(-1)).toMatchObject({ kind: 'note', text: 'Queue drained', by: 'Erin Vale' }));
		// A name that would notify a whole channel when a line it signs is pasted into chat is refused, saying why.
		fireEvent.click(within(timeline).getByRole('button', { name: 'Change name' }));
		const again = within(timeline).getByLabelText<HTMLInputElement>('Your name');
		fireEvent.input(again, { target: { value: 'Erin @here' } });
		fireEvent.submit(again.closest('form')!);
		expect(within(timeline).getByRole('alert').textContent).toContain('@here');
		expect(again.getAttribute('aria-invalid')).toBe('true');
		expect(document.activeElement).toBe(again);
		fireEvent.keyDown(again, { key: 'Escape' });
		// Escape closes the form unchanged, the focus back on its button.
		fireEvent.click(within(timeline).getByRole('button', { name: 'Change name' }));
		fireEvent.keyDown(within(timeline).getByLabelText('Your name'), { key: 'Escape' });
		expect(within(timeline).queryByLabelText('Your name')).toBeNull();
		expect(document.activeElement).toBe(within(timeline).getByRole('button', { name: 'Change name' }));
		expect(loadState(localStorage, NOW).state.responder).toBe('Erin Vale');
	});

	it('says so when the name, set in the declare form, would notify a whole channel', async () => {
		saveState(localStorage, { ...seeded().state, responder: 'Al @here' });
		await mount();
		await screen.findByRole('heading', { level: 2, name: /Queue stuck/ });
		const line = screen.getByRole('region', { name: 'Timeline' }).querySelector('.responder-name')!;
		expect(line.textContent).toMatch(/Your name contains @here, which notifies everyone in the channel\. Change it\./);
	});

	it('keeps a paste longer than a note holds, says so before adding, and leaves what did not fit in the box', async () => {
		await workspace();
		const box = screen.getByLabelText<HTMLTextAreaElement>('Add a note');
		// A log pasted whole, about 106,000 characters (a maxlength on the box would drop all but the first 2,000 unsaid).
		const line = (n: number) => `${String(n).padStart(4, '0')} GET /checkout 503 upstream timed out after 30s`;
		const paste = Array.from({ length: 2000 }, (_, n) => line(n)).join('\n');
		const count = (n: string) => Number(n.replaceAll(',', ''));
		fireEvent.input(box, { target: { value: paste } });
		expect(box.value).toBe(paste);
		const limit = () => document.getElementById(box.getAttribute('aria-describedby') ?? '');
		expect(limit()?.getAttribute('role')).toBe('status');
		const said = /^Notes hold at most 2,000 characters: .*first ([\d,]+).* other ([\d,]+) characters/.exec(limit()?.textContent ?? '');
		expect(said).not.toBeNull();
		const before = saved().events.length;
		fireEvent.submit(box.closest('form')!);
		await waitFor(() => expect(saved().events).toHaveLength(before + 1));
		const added = saved().events.at(-1)!;
		expect(added.kind).toBe('note');
		// Cut between two lines of the log, and nothing lost: what was added and what stays in the box make up the paste.
		expect(added.text.length).toBe(count(said![1]!));
		expect(`${added.text}\n${box.value}`).toBe(paste);
		expect(box.value.length).toBe(count(said![2]!));
		// What is left is still more than a note holds: the box says so again, for what it now holds.
		expect(limit()?.textContent).toContain(`other ${(box.value.length - count(said![1]!) - 1).toLocaleString('en')} characters`);
	});
});

describe('editing the details', () => {
	it('loads the form on the first click, with the button marked busy until it is in and a second click ignored', async () => {
		await workspace();
		const button = screen.getByRole('button', { name: 'Edit details' });
		fireEvent.click(button);
		expect(button.getAttribute('aria-busy')).toBe('true');
		fireEvent.click(button);
		const form = await screen.findByRole('form', { name: 'Edit incident details' });
		expect((screen.getByLabelText('Title') as HTMLInputElement).value).toBe(saved().title);
		expect(screen.getAllByRole('form', { name: 'Edit incident details' })).toEqual([form]);
		// The focus goes into the form, at its first field; and back to the button once the form closes.
		const title = screen.getByLabelText('Title') as HTMLInputElement;
		expect(document.activeElement).toBe(title);
		expect([title.selectionStart, title.selectionEnd]).toEqual([title.value.length, title.value.length]);
		fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
		expect(screen.queryByRole('form', { name: 'Edit incident details' })).toBeNull();
		expect(screen.getByRole('button', { name: 'Edit details' }).getAttribute('aria-busy')).not.toBe('true');
		expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Edit details' }));
	});

	it('saves what was changed and leaves an untouched detection time exactly as it was', async () => {
		await workspace();
		fireEvent.click(screen.getByRole('button', { name: 'Edit details' }));
		await screen.findByRole('form', { name: 'Edit incident details' });
		fireEvent.input(screen.getByLabelText('Title'), { target: { value: 'Queue stuck again' } });
		fireEvent.input(screen.getByLabelText('On-call'), { target: { value: '@erin' } });
		fireEvent.submit(screen.getByRole('form', { name: 'Edit incident details' }));
		await waitFor(() => expect(saved()).toMatchObject({ title: 'Queue stuck again', onCall: '@erin', detectedAt: DETECTED }));
		await waitFor(() => expect(screen.getByRole('heading', { level: 2 }).textContent).toContain('Queue stuck again'));
		expect(document.querySelector('[data-elapsed]')?.textContent).toBe('21 min 00 s');
	});
});

describe('copying the incident when the clipboard is refused', () => {
	it('opens the manual copy box on the first click, though its code loads only then, with the report selected', async () => {
		vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new Error('not allowed'));
		await workspace();
		fireEvent.click(screen.getByRole('button', { name: 'Copy as Markdown' }));
		const box = (await screen.findByRole('textbox', { name: 'Incident as Markdown' })) as HTMLTextAreaElement;
		expect(box.value).toContain('Queue stuck');
		await waitFor(() => expect(document.activeElement).toBe(box));
	});
});

describe('changes, through the store loaded on demand', () => {
	it('shows the incident without the store, and loads it on the first sign of a change', async () => {
		await workspace();
		expect(await pageStoreMade()).toBeUndefined();
		fireEvent.focusIn(screen.getByLabelText('Severity'));
		await waitFor(async () => expect(await pageStoreMade()).toBeDefined());
	});

	it('applies changes made before their code is in, in the order they were made', async () => {
		await workspace();
		fireEvent.change(screen.getByLabelText('Severity'), { target: { value: 'S2' } });
		fireEvent.click(screen.getByRole('button', { name: 'Contained' }));
		fireEvent.input(screen.getByLabelText('Add a note'), { target: { value: 'Queue drained' } });
		fireEvent.submit(screen.getByLabelText('Add a note').closest('form')!);
		await waitFor(() =>
			expect(
				saved()
					.events.slice(-3)
					.map((e) => e.text),
			).toEqual(['Severity S1 → S2', 'Status: Contained', 'Queue drained']),
		);
		await waitFor(() => expect(document.querySelector('.events .event-text')?.textContent).toBe('Queue drained'));
	});

	it('says when a change cannot be saved, and offers what was not saved to copy', async () => {
		await workspace();
		// Replaced on the storage itself (happy-dom binds its methods to it once first used), and put back after.
		const setItem = localStorage.setItem.bind(localStorage);
		const full = (key: string, value: string) => {
			if (key === 'playbook:state') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
			setItem(key, value);
		};
		Object.defineProperty(localStorage, 'setItem', { value: full, configurable: true, writable: true });
		onTestFinished(() => {
			Object.defineProperty(localStorage, 'setItem', { value: setItem, configurable: true, writable: true });
		});
		const box = screen.getByLabelText('Add a note');
		fireEvent.input(box, { target: { value: 'Queue drained' } });
		fireEvent.submit(screen.getByLabelText('Add a note').closest('form')!);
		const notice = await screen.findByRole('alert');
		expect(notice.textContent).toMatch(/^Not saved: browser storage is full/);
		expect(within(notice).getByRole('button', { name: 'Copy it' })).toBeTruthy();
		expect(document.querySelector('.events .event-text')?.textContent).toBe('Queue drained');
		// Told above the workspace, which stays as it was (the box being typed in is the same).
		expect(screen.getByLabelText('Add a note')).toBe(box);
	});
});

describe('stored data the workspace cannot use', () => {
	it('is kept aside by the full read, and the responder told, before the workspace shows', async () => {
		const broken = '{"version":1,"state":{"incidents":[{"id":"20261126-0314","title":"Half a rec';
		localStorage.setItem('playbook:state', broken);
		await mount();
		const notice = await screen.findByRole('alert');
		expect(notice.textContent).toContain('could not be read (it is not valid JSON)');
		expect(within(notice).getByRole('button', { name: 'Download the kept data' })).toBeTruthy();
		expect(keptAside().map((key) => localStorage.getItem(key))).toEqual([broken]);
		expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('No incident is open in this browser');
	});

	it('with times beyond what a deadline added to them can show is kept aside, and said, not a blank page', async () => {
		// The furthest a date holds: a deadline minutes after it is no date, and every view writing it would throw.
		const far = 8.64e15;
		const { state, id } = seeded();
		const incidents = state.incidents.map((i) =>
			i.id === id ? { ...i, detectedAt: far, declaredAt: far, events: i.events.map((e) => ({ ...e, at: far })) } : i,
		);
		saveState(localStorage, { ...state, incidents });
		const errors: unknown[] = [];
		const onError = (event: ErrorEvent) => errors.push(event.error);
		window.addEventListener('error', onError);
		onTestFinished(() => window.removeEventListener('error', onError));
		await mount();
		expect((await screen.findByRole('alert')).textContent).toMatch(/kept aside/i);
		expect(keptAside()).toHaveLength(1);
		expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('No incident is open in this browser');
		expect(errors).toEqual([]);
	});

	it('of an older shape or another version is read by the full read, not shown as nothing', async () => {
		localStorage.setItem('playbook:state', JSON.stringify({ version: 3, state: { incidents: [] } }));
		await mount();
		expect(screen.queryByRole('heading', { level: 2 })).toBeNull();
		expect((await screen.findByRole('alert')).textContent).toContain('written by a newer version of this site');
	});

	it('kept aside earlier is listed to download or delete, with the incidents read without the store', async () => {
		localStorage.setItem('playbook:backup:2026-01-02T03:04:05.000Z', 'old data');
		await workspace();
		expect(screen.getByText('Data kept aside (1)')).toBeTruthy();
		expect(await pageStoreMade()).toBeUndefined();
	});
});
