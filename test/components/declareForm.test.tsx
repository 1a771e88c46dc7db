import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { useEffect, useReducer } from 'preact/hooks';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ClientPlaybook, ClientSeverity } from '../../src/lib/clientPlaybook.ts';
import { addAlert, declareIncident, setItemNote, tickItem } from '../../src/lib/incidents.ts';
import { MAX_IMPACT_LENGTH, MAX_NAME_LENGTH, MAX_TITLE_LENGTH } from '../../src/lib/limits.ts';
import { emptyState, type State } from '../../src/lib/state.ts';
import { createStore, type Store } from '../../src/lib/store.ts';
import { DeclareForm, type DeclarePrefill, type OpenChanged } from '../../src/islands/workspace/DeclareForm.tsx';
import { declaration, T0 } from '../support/incidents.ts';
import { MemoryStorage } from '../support/memoryStorage.ts';

/** A made-up playbook: three levels and two runbooks, none of it the live content's. */
const level = (id: string, name: string, rank: number): ClientSeverity => ({
	id,
	name,
	urgency: 'Soon',
	tone: 'caution',
	rank,
	criteria: [{ id: 'wrong', text: 'Something is wrong' }],
	responseTime: 5,
	escalateAfter: 10,
	updateEvery: 30,
});
const playbook: ClientPlaybook = {
	organisation: 'Castor',
	channelPrefix: 'inc-',
	statuses: [{ id: 'looking', label: 'Looking', closes: false }],
	severities: [level('S1', 'Grave', 0), level('S2', 'Bad', 1), level('S3', 'Minor', 2)],
	escalation: [],
	scenarios: [
		{ id: 'errors', title: 'Errors', severities: ['S2', 'S3'] },
		{ id: 'slow', title: 'Slow', severities: ['S3'] },
		{ id: 'down', title: 'Down', severities: ['S1'] },
	],
};

/** The form over a store, re-rendered on every change as the islands are. */
function Harness({
	store,
	prefill,
	onDeclared,
	onAdded,
}: {
	store: Store;
	prefill: DeclarePrefill;
	onDeclared: (id: string) => void;
	onAdded: (id: string, changed: OpenChanged) => void;
}) {
	const [, rerender] = useReducer((n: number) => n + 1, 0);
	useEffect(() => store.subscribe(() => rerender(undefined)), []);
	return <DeclareForm playbook={playbook} state={store.get()} store={store} prefill={prefill} onDeclared={onDeclared} onAdded={onAdded} />;
}

function form(prefill: DeclarePrefill = {}, state: State = emptyState()) {
	const store = createStore(new MemoryStorage(), () => Date.now(), undefined);
	store.update(() => state);
	const declared: string[] = [];
	const added: [string, OpenChanged][] = [];
	render(
		<Harness store={store} prefill={prefill} onDeclared={(id) => declared.push(id)} onAdded={(id, changed) => added.push([id, changed])} />,
	);
	return { store, declared, added, submit: () => fireEvent.submit(screen.getByRole('form', { name: 'Declare an incident' })) };
}
const described = (el: HTMLElement) =>
	(el.getAttribute('aria-describedby') ?? '')
		.split(' ')
		.map((id) => document.getElementById(id)?.textContent ?? '')
		.join(' ');

let scrolled: Element[] = [];
beforeEach(() => {
	vi.useFakeTimers({ now: T0, toFake: ['Date'] });
	scrolled = [];
	Element.prototype.scrollIntoView = function (this: Element) {
		scrolled.push(this);
	};
});
afterEach(() => {
	cleanup();
	vi.useRealTimers();
	sessionStorage.clear();
});

describe('a field the declaration cannot be made without', () => {
	it('is marked invalid, tied to its error, focused and scrolled into view, with nothing declared', () => {
		const { store, declared, submit } = form({ scenarios: ['errors'] });
		fireEvent.input(screen.getByLabelText('Title'), { target: { value: 'Checkout errors' } });
		submit();
		const severity = screen.getByLabelText('Severity');
		expect(severity.getAttribute('aria-invalid')).toBe('true');
		expect(described(severity)).toContain('Choose a severity.');
		expect(document.activeElement).toBe(severity);
		expect(scrolled).toEqual([severity]);
		expect(screen.getByLabelText('Title').getAttribute('aria-invalid')).toBeNull();
		expect([declared, store.get().incidents]).toEqual([[], []]);
		// Chosen, the error goes, and the same press declares.
		fireEvent.change(severity, { target: { value: 'S2' } });
		expect(severity.getAttribute('aria-invalid')).toBeNull();
		expect(document.getElementById('declare-severity-error')).toBeNull();
		submit();
		expect(store.get().incidents.map((i) => [i.title, i.severity])).toEqual([['Checkout errors', 'S2']]);
	});

	it('is the first one in the form that gets the focus, each one saying what is wrong', () => {
		form();
		fireEvent.submit(screen.getByRole('form'));
		const title = screen.getByLabelText('Title');
		expect(document.activeElement).toBe(title);
		expect(title.getAttribute('aria-invalid')).toBe('true');
		expect(described(title)).toMatch(/Give the incident a title/);
		expect(screen.getByLabelText('Severity').getAttribute('aria-invalid')).toBe('true');
		fireEvent.input(title, { target: { value: 'Down' } });
		expect(title.getAttribute('aria-invalid')).toBeNull();
	});
});

describe('the severity list', () => {
	it("offers the runbook's usual levels first, as a group of their own, and chooses none of them", () => {
		form({ scenarios: ['errors'] });
		const select = screen.getByLabelText('Severity') as HTMLSelectElement;
		const groups = [...select.querySelectorAll('optgroup')].map((g) => [g.label, [...g.querySelectorAll('option')].map((o) => o.value)]);
		expect(groups).toEqual([
			['Usual for Errors', ['S2', 'S3']],
			['Other levels', ['S1']],
		]);
		expect(select.value).toBe('');
		expect(described(select)).toContain('Usually S2 or S3 for Errors.');
	});

	it("starts at the runbook's one usual level, said so, and declares with it or with the level chosen instead", () => {
		const { store, submit } = form({ scenarios: ['slow'] });
		const select = screen.getByLabelText('Severity') as HTMLSelectElement;
		expect(select.value).toBe('S3');
		// The least severe level can only be worse, the most severe only milder.
		expect(described(select)).toMatch(/Usually S3 for Slow, so it is chosen: change it if this one is worse\./);
		fireEvent.input(screen.getByLabelText('Title'), { target: { value: 'Search is slow' } });
		submit();
		expect(store.get().incidents.map((i) => i.severity)).toEqual(['S3']);
		cleanup();
		const other = form({ scenarios: ['slow'] });
		fireEvent.change(screen.getByLabelText('Severity'), { target: { value: 'S1' } });
		expect(described(screen.getByLabelText('Severity'))).not.toMatch(/chosen/);
		fireEvent.input(screen.getByLabelText('Title'), { target: { value: 'Search is down' } });
		other.submit();
		expect(other.store.get().incidents.map((i) => i.severity)).toEqual(['S1']);
	});

	it('says the most severe level, chosen for the responder, can only be milder, and a playbook of one level neither', () => {
		form({ scenarios: ['down'] });
		expect(described(screen.getByLabelText('Severity'))).toMatch(/so it is chosen: change it if this one is milder\./);
		cleanup();
		const single = { ...playbook, severities: playbook.severities.slice(0, 1) };
		render(
			<DeclareForm
				playbook={single}
				state={emptyState()}
				store={createStore(new MemoryStorage(), () => Date.now(), undefined)}
				prefill={{ scenarios: ['down'] }}
				onDeclared={() => undefined}
			/>,
		);
		expect(described(screen.getByLabelText('Severity'))).toMatch(/Usually S1 for Down, so it is chosen\.\s*$/);
	});

	it('leaves a level another page chose, and chooses none where the runbooks have several usual levels', () => {
		form({ scenarios: ['slow'], severity: 'S2' });
		expect((screen.getByLabelText('Severity') as HTMLSelectElement).value).toBe('S2');
		cleanup();
		form({ scenarios: ['slow', 'errors'] });
		expect((screen.getByLabelText('Severity') as HTMLSelectElement).value).toBe('');
	});

	it('is the plain list when no runbook was chosen', () => {
		form();
		expect(screen.getByLabelText('Severity').querySelectorAll('optgroup')).toHaveLength(0);
	});

	it('sends what the form holds to the classifier: the runbook, the alert, and the services and impact as typed', () => {
		form({ scenarios: ['errors'], alert: 'ErrorsUp', services: ['web'], impact: 'Pages fail', title: 'ErrorsUp on web' });
		const query = () =>
			Object.fromEntries(
				new URL(screen.getByRole('link', { name: 'Not sure? Classify it' }).getAttribute('href')!, 'https://x').searchParams,
			);
		expect(query()).toEqual({ scenario: 'errors', alert: 'ErrorsUp', service: 'web', summary: 'Pages fail' });
		fireEvent.input(screen.getByLabelText('Affected services (comma-separated)'), { target: { value: 'web, api ' } });
		fireEvent.input(screen.getByLabelText('Impact'), { target: { value: 'Checkout fails for 5% ' } });
		expect(query()).toEqual({ scenario: 'errors', alert: 'ErrorsUp', service: 'web,api', summary: 'Checkout fails for 5%' });
		// A field left empty is not sent.
		fireEvent.input(screen.getByLabelText('Impact'), { target: { value: ' ' } });
		expect(Object.keys(query())).toEqual(['scenario', 'alert', 'service']);
	});
});

describe('what the form takes as typed', () => {
	it('says when the title reached its limit, and not before', () => {
		form();
		const title = screen.getByLabelText('Title');
		fireEvent.input(title, { target: { value: 'x'.repeat(MAX_TITLE_LENGTH - 1) } });
		expect(screen.queryByRole('status')).toBeNull();
		fireEvent.input(title, { target: { value: 'x'.repeat(MAX_TITLE_LENGTH) } });
		expect(screen.getByRole('status').textContent).toMatch(new RegExp(`${MAX_TITLE_LENGTH} characters.*cut`));
		expect(described(title)).toMatch(/cut/);
	});

	it('says when the impact reached its limit and a longer paste was cut, and where the rest can go', () => {
		form();
		const impact = screen.getByLabelText('Impact') as HTMLTextAreaElement;
		expect(Number(impact.getAttribute('maxlength'))).toBe(MAX_IMPACT_LENGTH);
		fireEvent.input(impact, { target: { value: 'x'.repeat(MAX_IMPACT_LENGTH - 1) } });
		expect(described(impact)).not.toMatch(/cut/);
		// As the browser leaves a longer paste: cut at the limit.
		fireEvent.input(impact, { target: { value: 'x'.repeat(MAX_IMPACT_LENGTH) } });
		expect(described(impact)).toMatch(/1,000 characters.*cut.*timeline/);
		expect(screen.getAllByRole('status').some((s) => /cut/.test(s.textContent ?? ''))).toBe(true);
	});

	it('flags a broadcast mention typed into On-call before the message is copied', () => {
		form();
		fireEvent.input(screen.getByLabelText('On-call'), { target: { value: '@here' } });
		const warning = screen.getByRole('status');
		expect(warning.textContent).toBe('On-call contains @here, which notifies everyone in the channel.');
		expect(described(screen.getByRole('button', { name: 'Declare incident' }))).toContain('@here');
		fireEvent.input(screen.getByLabelText('On-call'), { target: { value: '@dana' } });
		expect(screen.queryByRole('status')).toBeNull();
		// The responder's name too: it signs every tick and note, and the exports pasted into chat carry it. It is held
		// to the length the workspace's name form holds it to.
		expect(screen.getByLabelText<HTMLInputElement>(/^Your name/).maxLength).toBe(MAX_NAME_LENGTH);
		fireEvent.input(screen.getByLabelText(/^Your name/), { target: { value: 'Dana @channel' } });
		expect(screen.getByRole('status').textContent).toBe('Your name contains @channel, which notifies everyone in the channel.');
	});

	it('declares with a broadcast mention only when pressed again, not on the first press nor an Enter held down', () => {
		// An alert's link fills the impact: whoever wrote the alert chose its words, not the responder.
		const { store, declared, submit } = form({ severity: 'S2', impact: 'Checkout down <!channel> see <https://x.example|dashboard>' });
		fireEvent.input(screen.getByLabelText('Title'), { target: { value: 'Checkout down' } });
		submit();
		expect(store.get().incidents).toEqual([]);
		const warning = screen.getByRole('status');
		expect(warning.textContent).toContain('Impact contains <!channel>, which notifies everyone in the channel.');
		expect(warning.textContent).toMatch(/again/);
		// Beside the button that declares, and read with it.
		expect(warning.closest('.declare-submit')?.contains(screen.getByRole('button', { name: 'Declare incident' }))).toBe(true);
		expect(described(screen.getByRole('button', { name: 'Declare incident' }))).toContain('<!channel>');
		// A key held down repeats within the blink of an eye: no declaration yet.
		vi.setSystemTime(T0 + 300);
		submit();
		expect(store.get().incidents).toEqual([]);
		vi.setSystemTime(T0 + 2000);
		submit();
		expect(store.get().incidents).toHaveLength(1);
		expect(declared).toHaveLength(1);
	});

	it('asks twice for a mention in the services too, and takes Enter held down as one press', () => {
		const { store } = form({ severity: 'S2' });
		fireEvent.input(screen.getByLabelText('Title'), { target: { value: 'Checkout down' } });
		fireEvent.input(screen.getByLabelText(/Affected services/), { target: { value: '@channel, checkout' } });
		const title = screen.getByLabelText('Title');
		// Enter pressed, then held: the browser repeats the key every few tens of milliseconds.
		fireEvent.keyDown(title, { key: 'Enter' });
		fireEvent.submit(screen.getByRole('form', { name: 'Declare an incident' }));
		expect(screen.getByRole('status').textContent).toContain('Affected services contains @channel');
		vi.setSystemTime(T0 + 2000);
		const repeat = fireEvent.keyDown(title, { key: 'Enter', repeat: true });
		// The repeat is refused, so the browser submits nothing for it.
		expect(repeat).toBe(false);
		expect(store.get().incidents).toEqual([]);
	});

	it('keeps each service once, whatever its case', () => {
		const { store, submit } = form({ severity: 'S1' });
		fireEvent.input(screen.getByLabelText('Title'), { target: { value: 'Down' } });
		fireEvent.input(screen.getByLabelText(/Affected services/), { target: { value: 'checkout, api, Checkout ,, API' } });
		submit();
		expect(store.get().incidents[0]?.services).toEqual(['checkout', 'api']);
	});
});

describe('what was typed, before a reload or a page killed mid-declaration', () => {
	const typeInto = (label: RegExp, value: string) => fireEvent.input(screen.getByLabelText(label), { target: { value } });
	const fromAlert: DeclarePrefill = { alert: 'DiskFull', title: 'DiskFull on db', severity: 'S2', services: ['db'] };
	it('is given back by the form opened again from the same start: the same alert, level and runbooks', () => {
		form(fromAlert);
		typeInto(/^Title/, 'Disk full on db-2, writes failing');
		typeInto(/^Impact/, 'Orders cannot be saved');
		typeInto(/^On-call/, '@dana');
		fireEvent.change(screen.getByLabelText('Severity'), { target: { value: 'S1' } });
		cleanup();
		form(fromAlert);
		expect((screen.getByLabelText(/^Title/) as HTMLInputElement).value).toBe('Disk full on db-2, writes failing');
		expect((screen.getByLabelText(/^Impact/) as HTMLTextAreaElement).value).toBe('Orders cannot be saved');
		expect((screen.getByLabelText(/^On-call/) as HTMLInputElement).value).toBe('@dana');
		expect((screen.getByLabelText('Severity') as HTMLSelectElement).value).toBe('S1');
	});
	it('is not given to a form opened from another alert, nor after Cancel or the declaration, nor an hour on', () => {
		form(fromAlert);
		typeInto(/^Title/, 'Disk full on db-2');
		cleanup();
		form({ ...fromAlert, alert: 'HighLatency', title: 'HighLatency on api' });
		expect((screen.getByLabelText(/^Title/) as HTMLInputElement).value).toBe('HighLatency on api');
		cleanup();
		const cancelled = vi.fn();
		const store = createStore(new MemoryStorage(), () => Date.now(), undefined);
		render(
			<DeclareForm playbook={playbook} state={store.get()} store={store} prefill={fromAlert} onDeclared={() => {}} onCancel={cancelled} />,
		);
		typeInto(/^Title/, 'Disk full on db-2');
		fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
		expect(cancelled).toHaveBeenCalledTimes(1);
		cleanup();
		form(fromAlert);
		expect((screen.getByLabelText(/^Title/) as HTMLInputElement).value).toBe('DiskFull on db');
		typeInto(/^Title/, 'Disk full on db-2');
		cleanup();
		const { submit, declared } = form(fromAlert);
		submit();
		expect(declared).toHaveLength(1);
		cleanup();
		form(fromAlert);
		expect((screen.getByLabelText(/^Title/) as HTMLInputElement).value).toBe('DiskFull on db');
		typeInto(/^Title/, 'Disk full on db-2');
		cleanup();
		vi.setSystemTime(T0 + 61 * 60_000);
		form(fromAlert);
		expect((screen.getByLabelText(/^Title/) as HTMLInputElement).value).toBe('DiskFull on db');
	});
});

describe('the keyboard', () => {
	it('declares with Enter from the severity list or a box, as from a text field', () => {
		const { declared } = form({ scenarios: ['errors'] });
		fireEvent.input(screen.getByLabelText('Title'), { target: { value: 'Down' } });
		const severity = screen.getByLabelText('Severity');
		fireEvent.change(severity, { target: { value: 'S3' } });
		fireEvent.keyDown(screen.getByRole('checkbox', { name: 'Errors' }), { key: 'Enter' });
		expect(declared).toHaveLength(1);
	});

	it('declares once when Enter repeats (held a moment) or the form is sent twice before it gives way to what comes next', () => {
		const { store, declared, submit } = form({ severity: 'S1' });
		fireEvent.input(screen.getByLabelText('Title'), { target: { value: 'Down' } });
		// Enter in a text box sends the form, each time the key repeats.
		submit();
		submit();
		expect(declared).toHaveLength(1);
		expect(store.get().incidents).toHaveLength(1);
	});

	it('passes the detection time in one stop, a Change button that opens the field', () => {
		form();
		expect(screen.queryByLabelText('Detected at (your local time)')).toBeNull();
		fireEvent.click(screen.getByRole('button', { name: 'Change' }));
		const input = screen.getByLabelText('Detected at (your local time)');
		expect(input.getAttribute('type')).toBe('datetime-local');
		expect(document.activeElement).toBe(input);
	});
});

describe('an incident already open', () => {
	const open = () =>
		declareIncident(
			{ ...emptyState(), responder: 'dana' },
			declaration({ title: 'Errors on checkout', severity: 'S2', scenarios: ['errors'], services: ['checkout'], detectedAt: T0 - 60_000 }),
			'inc-',
			T0 - 30_000,
		);

	it('is named before the form, with the alert added to it rather than a second incident declared', () => {
		const { state, id } = open();
		const { store } = form(
			{ alert: 'HighErrors', severity: 'S1', services: ['api', 'Checkout'], scenarios: ['errors'], impact: 'Half of payments fail' },
			state,
		);
		const note = screen.getByRole('note');
		expect(note.textContent).toContain('Already open: S2 Errors on checkout');
		// Opened on it, not on whichever is worked on: the one named is the one shown.
		expect(
			within(note)
				.getByRole('link', { name: `Open ${id}` })
				.getAttribute('href'),
		).toBe(`/incident/?incident=${id}`);
		// Declaring a second one stays possible, as the second choice.
		const submit = screen.getByRole('button', { name: /a new incident/ });
		expect(submit.classList.contains('primary')).toBe(false);
		fireEvent.click(within(note).getByRole('button', { name: `Add the alert to ${id}` }));
		const [incident, ...others] = store.get().incidents;
		expect(others).toEqual([]);
		expect(incident?.services).toEqual(['checkout', 'api']);
		expect(incident?.events.at(-1)?.text).toBe('Alert HighErrors (S1, api, Checkout) added: Half of payments fail');
	});

	it('classified more severe, is raised to that level in one press, rather than a second incident declared', () => {
		const { state, id } = open();
		const { store, added, declared } = form({ severity: 'S1', classified: true, scenarios: ['errors'], impact: 'Checkout is down' }, state);
		const note = screen.getByRole('note');
		expect(note.textContent).toContain('Classified S1 here: if this is the same incident, raise it to S1.');
		const raise = within(note).getByRole('button', { name: `Raise ${id} to S1` });
		expect(raise.classList.contains('primary')).toBe(true);
		// Declaring a second one stays possible, as the second choice, named as such.
		const submit = screen.getByRole('button', { name: /a new incident/ });
		expect(submit.classList.contains('primary')).toBe(false);
		fireEvent.click(raise);
		const [incident, ...others] = store.get().incidents;
		expect(others).toEqual([]);
		expect(declared).toEqual([]);
		expect(incident?.severity).toBe('S1');
		expect(incident?.clock.severity).toBe(T0);
		expect(incident?.events.at(-1)).toMatchObject({ kind: 'severity', at: T0, text: 'Severity S2 → S1', by: 'dana' });
		// Its impact, written at the milder level, is kept: the form's is offered in its place, not written over it.
		expect(incident?.impact).toBe('All users cannot log in');
		expect(added).toEqual([
			[id, { alert: undefined, level: { from: 'S2', to: 'S1', change: 'raise' }, proposedImpact: 'Checkout is down' }],
		]);
	});

	it('classified more severe from an alert, takes the alert and the level in one change', () => {
		const { state, id } = open();
		const { store, added } = form(
			{
				alert: 'HighErrors',
				severity: 'S1',
				classified: true,
				services: ['api'],
				scenarios: ['errors'],
				impact: 'Something is wrong',
				alertSummary: 'Half of payments fail',
			},
			state,
		);
		const note = screen.getByRole('note');
		// Raising is the first choice; adding the alert alone stays, as the second.
		expect(
			within(note)
				.getByRole('button', { name: /^Add the alert/ })
				.classList.contains('primary'),
		).toBe(false);
		fireEvent.click(within(note).getByRole('button', { name: `Raise ${id} to S1 and add the alert` }));
		const [incident, ...others] = store.get().incidents;
		expect(others).toEqual([]);
		expect(incident?.severity).toBe('S1');
		expect(incident?.services).toEqual(['checkout', 'api']);
		expect(incident?.events.slice(-2).map((e) => e.text)).toEqual([
			'Severity S2 → S1',
			// The alert's own words: the level and the impact (the criteria ticked) are the classification's, not the alert's.
			'Alert HighErrors (api) added: Half of payments fail',
		]);
		expect(added).toEqual([
			[id, { alert: 'HighErrors', level: { from: 'S2', to: 'S1', change: 'raise' }, proposedImpact: 'Something is wrong' }],
		]);
	});

	it('classified milder, may be lowered, as a choice that is not the first', () => {
		const { state, id } = open();
		const { store } = form({ severity: 'S3', classified: true }, state);
		const lower = within(screen.getByRole('note')).getByRole('button', { name: `Lower ${id} to S3` });
		expect(lower.classList.contains('primary')).toBe(false);
		fireEvent.click(lower);
		expect(store.get().incidents.map((i) => i.severity)).toEqual(['S3']);
	});

	it('is the one worked on of several open, said so, and one at a level the playbook lost may be set to the classified one', () => {
		const worked = open();
		const later = declareIncident(worked.state, declaration({ title: 'Search slow', severity: 'S3', scenarios: [] }), 'inc-', T0 - 10_000);
		const state = {
			...later.state,
			activeId: worked.id,
			incidents: later.state.incidents.map((i) => (i.id === worked.id ? { ...i, severity: 'S9' } : i)),
		};
		const { store } = form({ severity: 'S1', classified: true }, state);
		const note = screen.getByRole('note');
		expect(note.textContent).toContain(`Already open: S9 Errors on checkout (${worked.id}), the one worked on, and 1 more.`);
		const set = within(note).getByRole('button', { name: `Set ${worked.id} to S1` });
		expect(set.classList.contains('primary')).toBe(true);
		fireEvent.click(set);
		expect(store.get().incidents.map((i) => [i.title, i.severity])).toEqual(
			expect.arrayContaining([
				['Errors on checkout', 'S1'],
				['Search slow', 'S3'],
			]),
		);
	});

	it('is not offered a level that is not a classification (an alert says its own), nor the one it has', () => {
		const { state } = open();
		form({ alert: 'HighErrors', severity: 'S1', scenarios: ['errors'] }, state);
		expect(within(screen.getByRole('note')).queryByRole('button', { name: /^(Raise|Lower)/ })).toBeNull();
		cleanup();
		form({ severity: 'S2', classified: true }, state);
		const note = screen.getByRole('note');
		expect(within(note).queryByRole('button', { name: /^(Raise|Lower)/ })).toBeNull();
		expect(note.textContent).not.toContain('Classified');
		expect(screen.getByRole('button', { name: 'Declare incident' }).classList.contains('primary')).toBe(true);
	});

	it('declared from this very alert (in any case), is named as such and opened, with nothing to add to it', () => {
		const { state, id } = declareIncident(
			emptyState(),
			declaration({ title: 'Errors on checkout', severity: 'S2', scenarios: ['errors'], alert: 'HighErrors' }),
			'inc-',
			T0 - 30_000,
		);
		form({ alert: 'higherrors', scenarios: ['errors'] }, state);
		const note = screen.getByRole('note');
		expect(note.textContent).toContain('It was declared from this alert.');
		expect(within(note).queryByRole('button', { name: /Add the alert/ })).toBeNull();
		expect(
			within(note)
				.getByRole('link', { name: `Open ${id}` })
				.classList.contains('primary'),
		).toBe(true);
	});

	it('that took this alert already (in another tab), says so, with nothing to add to it', () => {
		const { state, id } = open();
		form({ alert: 'higherrors', scenarios: ['errors'] }, addAlert(state, id, { alert: 'HighErrors', services: [] }, T0 - 1000));
		const note = screen.getByRole('note');
		expect(note.textContent).toContain('This alert was added to it.');
		expect(within(note).queryByRole('button', { name: /Add the alert/ })).toBeNull();
	});

	it('is not offered once resolved', () => {
		const { state, id } = open();
		form({ alert: 'HighErrors' }, { ...state, incidents: state.incidents.map((i) => (i.id === id ? { ...i, resolvedAt: T0 } : i)) });
		expect(screen.queryByRole('note')).toBeNull();
		expect(screen.getByRole('button', { name: 'Declare incident' }).classList.contains('primary')).toBe(true);
	});
});

describe('steps ticked before', () => {
	const tick = (s: State, key: string, done = true) => tickItem(s, null, key, { text: key, list: 'Fixture list' }, done, T0 - 1000);
	const titled = () => fireEvent.input(screen.getByLabelText('Title'), { target: { value: 'Down' } });

	it('are added unless the offer is unticked, and one ticked only after the form opened is added too', () => {
		const { store, submit } = form({ severity: 'S2' }, tick(emptyState(), 'first'));
		fireEvent.click(screen.getByRole('checkbox', { name: /Add the 1 step ticked before/ }));
		titled();
		submit();
		expect(Object.keys(store.get().incidents[0]!.ticks)).toEqual([]);
		cleanup();
		// Nothing was ticked when the form opened: no offer was made; the tick arrives before the press.
		const late = form({ severity: 'S2' }, tick(emptyState(), 'unticked', false));
		expect(screen.queryByRole('checkbox', { name: /ticked before/ })).toBeNull();
		titled();
		late.store.update((s) => tick(s, 'late'));
		late.submit();
		expect(Object.keys(late.store.get().incidents[0]!.ticks)).toEqual(['late']);
		expect(late.store.get().scratch).toEqual({});
	});

	it('count and add the notes written on steps not ticked, with their words on the timeline', () => {
		const noted = setItemNote(tick(emptyState(), 'first'), null, 'second', { text: 'second', list: 'Fixture list' }, 'db-2 lags', T0 - 500);
		const { store, submit } = form({ severity: 'S2' }, noted);
		expect(screen.getByRole('checkbox', { name: /Add the 1 step ticked and 1 step note written before/ })).toBeTruthy();
		titled();
		submit();
		const incident = store.get().incidents[0]!;
		expect(incident.ticks['second']).toMatchObject({ done: false, note: 'db-2 lags' });
		expect(incident.events.map((e) => e.text)).toContain('Note on second (Fixture list): db-2 lags');
		expect(store.get().scratch).toEqual({});
		cleanup();
		const onlyNote = form({ severity: 'S2' }, setItemNote(emptyState(), null, 'k', { text: 'k', list: 'L' }, 'seen', T0 - 500));
		expect(screen.getByRole('checkbox', { name: /Add the 1 step note written before/ })).toBeTruthy();
		titled();
		onlyNote.submit();
		expect(onlyNote.store.get().incidents[0]!.ticks['k']?.note).toBe('seen');
	});

	it('wait for what the last page left before the declaration, which is made once however often it is pressed', async () => {
		let applied!: () => void;
		const { store, declared, submit } = form({ severity: 'S2' });
		// The last page left a tick (stored under another page's key); the code that applies it is slow.
		vi.doMock('../../src/lib/checklistChanges.onDemand.ts', () => ({
			applyLeft: () =>
				new Promise<void>((resolve) => {
					applied = () => {
						store.update((s) => tick(s, 'left'));
						localStorage.removeItem('playbook:pending:other-page');
						resolve();
					};
				}),
		}));
		localStorage.setItem('playbook:pending:other-page', '[]');
		try {
			titled();
			submit();
			submit();
			expect(declared).toEqual([]);
			await vi.waitFor(() => expect(applied).toBeTypeOf('function'));
			applied();
			await vi.waitFor(() => expect(declared).toHaveLength(1));
			expect(Object.keys(store.get().incidents[0]!.ticks)).toEqual(['left']);
			expect(store.get().incidents).toHaveLength(1);
			// A press after it declares nothing more.
			submit();
			expect(declared).toHaveLength(1);
			// Nothing left: the next form declares in the press itself.
			cleanup();
			const next = form({ severity: 'S2' });
			titled();
			next.submit();
			expect(next.declared).toHaveLength(1);
		} finally {
			vi.doUnmock('../../src/lib/checklistChanges.onDemand.ts');
			localStorage.clear();
		}
	});
});
