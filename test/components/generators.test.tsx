import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { render as renderNow, type ComponentChildren } from 'preact';
import { afterEach, beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import type { GeneratorTemplate } from '../../src/lib/composeMessage.ts';
import { declareIncident, setActive, setStatus, updatePostMortem } from '../../src/lib/incidents.ts';
import { emptyState, type State } from '../../src/lib/state.ts';
import { STATE_KEY, STATE_VERSION } from '../../src/lib/storage.ts';
import { declaration, min } from '../support/incidents.ts';
import { contentTemplate, levelsPlaybook } from '../support/playbookContent.ts';

const playbook = levelsPlaybook({ statusPage: 'https://status.example.com' });

function seed(state: State | null) {
	localStorage.clear();
	if (state) localStorage.setItem(STATE_KEY, JSON.stringify({ version: STATE_VERSION, state }));
}
const incident = () =>
	declareIncident({ ...emptyState(), responder: 'alice' }, declaration({ detectedAt: Date.now() - 60_000 }), 'incident-', Date.now());
const stored = () => (JSON.parse(localStorage.getItem(STATE_KEY) ?? 'null') as { state: State }).state;

/** The islands with a fresh page store: each test reads storage as a new page would. */
async function islands() {
	vi.resetModules();
	return {
		MessageGenerator: (await import('../../src/islands/MessageGenerator.tsx')).default,
		PostMortemGenerator: (await import('../../src/islands/PostMortemGenerator.tsx')).default,
	};
}

/** The boxes an element is made of, by tag and class: what sets the space it takes, not the words in it. */
function skeleton(root: Element | null): string[] {
	return [...(root?.querySelectorAll('*') ?? [])].map((el) => `${el.localName}.${[...el.classList].sort().join('.')}`);
}

beforeEach(() => seed(null));
afterEach(() => {
	cleanup();
	vi.restoreAllMocks();
});

/** The page's store is slow to arrive: it loads when the returned function is called, or when the test has finished. */
function storeArrivesLate(): () => void {
	let arrive = () => {};
	const late = new Promise<void>((resolve) => (arrive = resolve));
	vi.doMock('../../src/lib/pageStore.onDemand.ts', async (real) => {
		await late;
		return real();
	});
	onTestFinished(() => {
		arrive();
		vi.doUnmock('../../src/lib/pageStore.onDemand.ts');
	});
	return () => arrive();
}

describe('MessageGenerator', () => {
	it('shows its fields from the first render, which the server makes, then fills them from the incident once ready', async () => {
		seed(incident().state);
		const { MessageGenerator } = await islands();
		const page = document.body.appendChild(document.createElement('div'));
		onTestFinished(() => {
			renderNow(null, page);
			page.remove();
		});
		// Preact's own render runs no effect before returning: what it leaves is the first render, the one the server sends.
		renderNow(
			<MessageGenerator template={contentTemplate('declaration')} playbook={playbook}>
				<p>static template</p>
			</MessageGenerator>,
			page,
		);
		const generator = page.querySelector<HTMLElement>('.generator');
		const first = skeleton(generator);
		expect(generator?.inert).toBe(true);
		const severity = () => page.querySelector<HTMLInputElement>('#gen-declaration-severity');
		expect(severity()?.value).toBe('');
		// The printed template stays in the page, for a browser with scripting off (the stylesheet shows one or the other).
		expect(page.querySelector('.generator-printed')?.textContent).toBe('static template');
		await waitFor(() => expect(severity()?.value).toBe('P0 Critical'));
		expect(generator?.inert).toBe(false);
		expect(page.querySelector('[data-preview]')?.textContent).toContain('Impact: All users cannot log in');
		// The incident fills the values in; the fields, the preview and the buttons were all there before.
		expect(skeleton(page.querySelector('.generator')).filter((box) => !first.includes(box))).toEqual([]);
	});

	it('fills a message that lists the post-mortem’s action items (a playbook’s own template), inert until their code has loaded', async () => {
		const { state, id } = incident();
		const withItem = updatePostMortem(
			state,
			id,
			{ actionItems: [{ id: 'a1', item: 'Add a canary stage', owner: '@bob', due: '', done: false }] },
			Date.now(),
		);
		seed(withItem);
		const { MessageGenerator } = await islands();
		const template: GeneratorTemplate = {
			id: 'follow-ups',
			title: 'Follow-ups',
			kind: 'message',
			text: 'Follow-ups for {{title}}:\n{{#actions}}\n- {{item}} ({{owner}})\n{{/actions}}',
			fields: [
				{ name: 'title', label: 'Title', from: 'title', placeholder: '', required: false, multiline: false, markdown: false },
				{
					name: 'actions',
					label: 'Action items',
					from: 'actionItems',
					items: ['item', 'owner', 'due'],
					placeholder: '',
					required: false,
					multiline: false,
					markdown: false,
				},
			],
		};
		render(<MessageGenerator template={template} playbook={playbook} />);
		const preview = () => document.querySelector('[data-preview]')?.textContent ?? '';
		await waitFor(() => expect(preview()).toContain('- Add a canary stage (@bob)'));
		expect((document.querySelector('.generator') as HTMLElement).inert).toBe(false);
	});

	it('opened at its template with a value still to write, puts the focus in the first of them, beside the reason', async () => {
		const declared = declareIncident(emptyState(), declaration({ detectedAt: Date.now() - 60_000, impact: '' }), 'incident-', Date.now());
		seed(declared.state);
		const { MessageGenerator } = await islands();
		Element.prototype.scrollIntoView = () => {};
		location.hash = '#template-declaration';
		onTestFinished(() => {
			location.hash = '';
		});
		render(<MessageGenerator template={contentTemplate('declaration')} playbook={playbook} />);
		await waitFor(() => expect(document.activeElement?.id).toBe('gen-declaration-ask-impact'));
		// The reason beside it: the button copies without it.
		expect(screen.getByRole('button', { name: /without Impact$/ })).toBeTruthy();
	});

	it('leaves the focus where it is when opened without its template in the address', async () => {
		const declared = declareIncident(emptyState(), declaration({ detectedAt: Date.now() - 60_000, impact: '' }), 'incident-', Date.now());
		seed(declared.state);
		const { MessageGenerator } = await islands();
		render(<MessageGenerator template={contentTemplate('declaration')} playbook={playbook} />);
		// Asked for beside the button, as ever, but not focused.
		await waitFor(() => expect(document.getElementById('gen-declaration-ask-impact')).not.toBeNull());
		await new Promise((resolve) => setTimeout(resolve, 50));
		expect(document.activeElement).toBe(document.body);
	});

	it('previews each edit and each format as text, keeps what is typed on the incident, and asks for a missing impact beside the button', async () => {
		seed(incident().state);
		const { MessageGenerator } = await islands();
		render(<MessageGenerator template={contentTemplate('declaration')} playbook={playbook} />);
		const impact = await screen.findByLabelText(/^Impact/);
		fireEvent.input(impact, { target: { value: '<b>*half*</b>' } });
		const preview = () => document.querySelector('[data-preview]')?.textContent ?? '';
		expect(preview()).toContain('Impact: <b>\u200B*\u200Bhalf\u200B*\u200B</b>');
		expect(document.querySelector('[data-preview] b')).toBeNull();
		// Typed once: saved on the incident for every later message.
		await waitFor(() => expect(stored().incidents[0]?.impact).toBe('<b>*half*</b>'));
		fireEvent.click(screen.getByLabelText('Markdown'));
		expect(preview()).toContain('Impact: \\<b\\>\\*half\\*\\</b\\>');
		await waitFor(() => expect(stored().messageFormat).toBe('markdown'));
		fireEvent.input(impact, { target: { value: '' } });
		expect(preview()).not.toContain('Impact');
		// Asked for right above the button, which says it copies without it: not said a third time in the checks.
		const asked = document.getElementById('gen-declaration-ask-impact') as HTMLTextAreaElement;
		expect(screen.getByRole('button', { name: 'Copy as Markdown without Impact' })).toBeTruthy();
		expect(screen.queryByText(/Impact is missing/)).toBeNull();
		fireEvent.input(asked, { target: { value: 'Logins fail' } });
		expect(preview()).toContain('Impact: Logins fail');
		expect(screen.getByRole('button', { name: 'Copy as Markdown' })).toBeTruthy();
		// The asked field stays while it is typed in, so focus is not lost.
		expect(document.getElementById('gen-declaration-ask-impact')).toBe(asked);
	});

	it('keeps every field it asks for beside the button while it is typed in, when several are missing from the start', async () => {
		seed(incident().state);
		const { MessageGenerator } = await islands();
		const template = contentTemplate('resolution');
		const required = template.fields.filter((f) => f.required && !f.items).map((f) => f.name);
		expect(required.length).toBeGreaterThan(1);
		render(<MessageGenerator template={template} playbook={playbook} />);
		const askBox = (name: string) => document.getElementById(`gen-resolution-ask-${name}`) as HTMLTextAreaElement | null;
		await waitFor(() => expect(askBox(required[0]!)).not.toBeNull());
		for (const name of required) {
			const box = askBox(name)!;
			fireEvent.input(box, { target: { value: 'B' } });
			fireEvent.input(box, { target: { value: 'Bad deploy' } });
			// Filled in, it stays where it is typed: the box is not taken away under the responder's fingers.
			expect(askBox(name)).toBe(box);
			expect(box.value).toBe('Bad deploy');
		}
		expect(document.querySelector('[data-preview]')?.textContent).toContain('Bad deploy');
		// Kept on the incident for the next message (and the writes are done before the next test starts).
		await waitFor(() => expect(JSON.stringify(stored().incidents[0])).toContain('Bad deploy'));
	});

	it('reads the incident without loading the store, and keeps what is typed before the store has loaded', async () => {
		seed(incident().state);
		const { MessageGenerator } = await islands();
		const { loadedStore } = await import('../../src/lib/pageStoreLoader.ts');
		render(<MessageGenerator template={contentTemplate('declaration')} playbook={playbook} />);
		const impact = await screen.findByLabelText(/^Impact/);
		expect((impact as HTMLTextAreaElement).value).toBe('All users cannot log in');
		expect(loadedStore()).toBeUndefined();
		// Typed at once, with no press or focus that would have loaded the store ahead.
		fireEvent.input(impact, { target: { value: 'Half of logins fail' } });
		fireEvent.input(impact, { target: { value: 'Half of logins fail, EU only' } });
		expect(document.querySelector('[data-preview]')?.textContent).toContain('Impact: Half of logins fail, EU only');
		await waitFor(() => expect(stored().incidents[0]?.impact).toBe('Half of logins fail, EU only'));
		expect(loadedStore()).toBeDefined();
		expect((screen.getByLabelText(/^Impact/) as HTMLTextAreaElement).value).toBe('Half of logins fail, EU only');
	});

	it('stores a copy made just before the page is left, and the next page logs it once', async () => {
		const { state, id } = incident();
		seed(state);
		Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.resolve() }, configurable: true });
		// This page's store is slow to arrive: it is still loading when the page is left.
		const arrive = storeArrivesLate();
		const { MessageGenerator } = await islands();
		render(<MessageGenerator template={contentTemplate('update')} playbook={playbook} />);
		fireEvent.click(await screen.findByRole('button', { name: 'Copy for Slack' }));
		await screen.findByText(new RegExp(`logged on the timeline of ${id}`));
		// Stored with the copy, before the store has loaded: the page may be left or killed now.
		const pending = Object.keys(localStorage).filter((key) => key.startsWith('playbook:pending:'));
		expect(pending.flatMap((key) => JSON.parse(localStorage.getItem(key) ?? '[]'))).toMatchObject([
			{ incident: id, copied: 'Copied Status Update (Slack)' },
		]);
		// The next page (its store never saw the copy) logs it.
		cleanup();
		vi.doUnmock('../../src/lib/pageStore.onDemand.ts');
		await islands();
		const { pageShown } = await import('../../src/lib/pageShown.ts');
		pageShown();
		const messages = () =>
			stored()
				.incidents[0]?.events.filter((e) => e.kind === 'message')
				.map((e) => e.text);
		await waitFor(() => expect(messages()).toEqual(['Copied Status Update (Slack)']));
		expect(Object.keys(localStorage).filter((key) => key.startsWith('playbook:pending:'))).toEqual([]);
		// Should the first page still apply it after all (back from the back-forward cache), it is logged once.
		arrive();
		await new Promise((resolve) => setTimeout(resolve, 50));
		expect(messages()).toEqual(['Copied Status Update (Slack)']);
	});

	it('flags a broadcast mention typed into a value before copying', async () => {
		seed(incident().state);
		const { MessageGenerator } = await islands();
		render(<MessageGenerator template={contentTemplate('declaration')} playbook={playbook} />);
		fireEvent.input(await screen.findByLabelText(/^Impact/), { target: { value: 'All down @here' } });
		expect(screen.getByText(/Impact contains @here/)).toBeTruthy();
	});

	it('says before copying that a message for a closed incident is about one still open', async () => {
		const open = incident();
		const closing = playbook.statuses.find((s) => s.closes)!;
		const template: GeneratorTemplate = {
			id: 'over',
			title: 'Over',
			kind: 'message',
			text: 'Over: {{title}}',
			fields: [{ name: 'title', label: 'Incident', from: 'title', placeholder: '', required: true, multiline: false, markdown: false }],
			whenClosed: true,
		};
		seed(open.state);
		const { MessageGenerator } = await islands();
		render(<MessageGenerator template={template} playbook={playbook} />);
		const said = new RegExp(`This incident is still ${playbook.statuses[0]!.label}: this message says it is ${closing.label}`);
		expect(await screen.findByText(said)).toBeTruthy();
		cleanup();
		seed(setStatus(open.state, open.id, closing, Date.now()));
		const again = await islands();
		render(<again.MessageGenerator template={template} playbook={playbook} />);
		await screen.findByDisplayValue(open.state.incidents[0]!.title);
		expect(screen.queryByText(/this message says it is/)).toBeNull();
	});

	it('says a link names an incident not held here only once the incidents are read, never for one held', async () => {
		const { state, id } = incident();
		try {
			for (const [named, said] of [
				[id, false],
				['elsewhere-1', true],
			] as const) {
				history.replaceState(null, '', `/communication/?incident=${named}`);
				seed(state);
				const { MessageGenerator } = await islands();
				// The first render, as the page comes alive, before the incidents are read: nothing is said yet.
				const host = document.body.appendChild(document.createElement('div'));
				try {
					renderNow(<MessageGenerator template={contentTemplate('declaration')} playbook={playbook} />, host);
					expect(host.querySelector('.not-held'), named).toBeNull();
				} finally {
					renderNow(null, host);
					host.remove();
				}
				render(<MessageGenerator template={contentTemplate('declaration')} playbook={playbook} />);
				await screen.findByDisplayValue(declaration().title);
				expect(document.querySelector('.not-held')?.textContent?.includes(named) ?? false, named).toBe(said);
				cleanup();
			}
		} finally {
			history.replaceState(null, '', '/');
		}
	});

	it('offers the post-mortem once a closing message is copied for a resolved incident, and only then', async () => {
		Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.resolve() }, configurable: true });
		const closing = playbook.statuses.find((s) => s.closes)!;
		const message = (whenClosed: boolean): GeneratorTemplate => ({
			id: 'over',
			title: 'Over',
			kind: 'message',
			text: 'Over: {{title}}',
			fields: [{ name: 'title', label: 'Incident', from: 'title', placeholder: '', required: true, multiline: false, markdown: false }],
			whenClosed,
		});
		const copyAndLook = async (state: State, template: GeneratorTemplate) => {
			seed(state);
			const { MessageGenerator } = await islands();
			render(<MessageGenerator template={template} playbook={playbook} />);
			await screen.findByDisplayValue(declaration().title);
			expect(screen.queryByRole('link', { name: 'Write the post-mortem' })).toBeNull();
			fireEvent.click(screen.getByRole('button', { name: /^Copy/ }));
			await screen.findByText(/^Copied the Over/);
			const next = screen.queryByRole('link', { name: 'Write the post-mortem' });
			cleanup();
			return next?.getAttribute('href');
		};
		const open = incident();
		const resolved = setStatus(open.state, open.id, closing, Date.now());
		// The post-mortem of this incident, whichever another is worked on.
		expect(await copyAndLook(resolved, message(true))).toBe(`/post-mortem/?incident=${open.id}`);
		// Still open, the message is not yet true; a message for open incidents says nothing of the post-mortem.
		expect(await copyAndLook(open.state, message(true))).toBeUndefined();
		expect(await copyAndLook(resolved, message(false))).toBeUndefined();
	});

	it('says what to check right above the copy button, below the values still to write, where it is in view as the button is pressed', async () => {
		const template: GeneratorTemplate = {
			id: 'over',
			title: 'Over',
			kind: 'message',
			text: 'Over: {{title}}. Cause: {{cause}}',
			fields: [
				{ name: 'title', label: 'Incident', from: 'title', placeholder: '', required: true, multiline: false, markdown: false },
				{ name: 'cause', label: 'Cause', placeholder: '', required: true, multiline: true, markdown: false },
			],
			whenClosed: true,
		};
		seed(incident().state);
		const { MessageGenerator } = await islands();
		render(<MessageGenerator template={template} playbook={playbook} />);
		const check = (await screen.findByText(/this message says it is/)).closest('.send-check')!;
		const asked = document.getElementById('gen-over-ask-cause')!;
		const copy = screen.getByRole('button', { name: /^Copy/ });
		expect(asked.compareDocumentPosition(check) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
		expect(check.nextElementSibling).toBe(copy.closest('.actions'));
	});

	it("says before copying that this device's clock reads before the incident's record, whose times the message works out", async () => {
		// Declared on a device 20 minutes ahead of this one (and half a minute, for the time this test takes).
		const ahead = declareIncident(
			{ ...emptyState(), responder: 'alice' },
			declaration({ detectedAt: Date.now() + min(19) }),
			'incident-',
			Date.now() + min(20) + 30_000,
		);
		seed(ahead.state);
		const { MessageGenerator } = await islands();
		render(<MessageGenerator template={contentTemplate('declaration')} playbook={playbook} />);
		expect(
			await screen.findByText(
				/this device’s clock reads \d\d:\d\d UTC, before the incident’s last entry \((\d{4}-\d\d-\d\d )?\d\d:\d\d UTC\)/i,
			),
		).toBeTruthy();
		cleanup();
		seed(incident().state);
		const again = await islands();
		render(<again.MessageGenerator template={contentTemplate('declaration')} playbook={playbook} />);
		await screen.findByDisplayValue(declaration().title);
		expect(screen.queryByText(/this device’s clock/i)).toBeNull();
	});

	it('fills from the incident its link names (the bar’s, once the one worked on is resolved), else from the one worked on', async () => {
		const first = incident();
		const second = declareIncident(first.state, declaration({ title: 'Checkout slow' }), 'incident-', Date.now(), () => 0.5);
		const closing = playbook.statuses.find((s) => s.closes)!;
		// The first worked on again and resolved: the bar shows the second, and its link names it.
		seed(setStatus(setActive(second.state, first.id, Date.now()), first.id, closing, Date.now()));
		history.replaceState(null, '', `/communication/?incident=${second.id}`);
		onTestFinished(() => history.replaceState(null, '', '/'));
		const { MessageGenerator } = await islands();
		render(<MessageGenerator template={contentTemplate('declaration')} playbook={playbook} />);
		expect(await screen.findByDisplayValue('Checkout slow')).toBeTruthy();
		// Its link to the workspace opens that one, not the one worked on.
		const source = screen.getByRole('link', { name: second.id });
		expect(new URL(source.getAttribute('href')!, 'http://site').searchParams.get('incident')).toBe(second.id);
		cleanup();
		history.replaceState(null, '', '/communication/');
		const again = await islands();
		render(<again.MessageGenerator template={contentTemplate('declaration')} playbook={playbook} />);
		expect(await screen.findByDisplayValue(first.state.incidents[0]!.title)).toBeTruthy();
	});

	it('adds and removes timeline rows, moving focus to where the keyboard user needs it', async () => {
		const { MessageGenerator } = await islands();
		render(<MessageGenerator template={contentTemplate('update')} playbook={playbook} />);
		const add = await screen.findByRole('button', { name: 'Add a row to Timeline' });
		fireEvent.click(add);
		await waitFor(() => expect(document.activeElement?.getAttribute('aria-label')).toBe('Timeline, row 1: Time'));
		fireEvent.input(screen.getByLabelText('Timeline, row 1: Event'), { target: { value: 'Paged the DBA' } });
		expect(document.querySelector('[data-preview]')?.textContent).toContain('Timeline:\n-  - Paged the DBA');
		fireEvent.click(screen.getByRole('button', { name: 'Remove row 1 of Timeline' }));
		await waitFor(() => expect(document.activeElement).toBe(add));
		// No rows and no incident: no example row is pasted as if it were a fact.
		expect(document.querySelector('[data-preview]')?.textContent).not.toContain('[Time]');
	});

	it('logs the copy on the timeline, or shows the text selected when the clipboard is refused', async () => {
		const { state, id } = incident();
		seed(state);
		const writeText = vi.fn<(text: string) => Promise<void>>().mockResolvedValueOnce(undefined).mockRejectedValueOnce(new Error('denied'));
		Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
		const { MessageGenerator } = await islands();
		render(<MessageGenerator template={contentTemplate('update')} playbook={playbook} />);
		fireEvent.click(await screen.findByRole('button', { name: 'Copy for Slack' }));
		await screen.findByText(new RegExp(`logged on the timeline of ${id}`));
		expect(writeText.mock.calls[0]?.[0]).toBe(document.querySelector('[data-preview]')?.textContent);
		await waitFor(() => expect(stored().incidents[0]?.events.at(-1)?.text).toBe('Copied Status Update (Slack)'));

		fireEvent.click(screen.getByRole('button', { name: 'Copy for Slack' }));
		const group = await screen.findByRole('group', { name: 'Status Update (Slack)' });
		expect(within(group).getByRole('textbox')).toHaveProperty('value', document.querySelector('[data-preview]')?.textContent);
		expect(stored().incidents[0]?.events.filter((e) => e.kind === 'message')).toHaveLength(1);
	});
});

describe('PostMortemGenerator', () => {
	it('fills in the incident the link that opened it names, else the one worked on', async () => {
		const closing = playbook.statuses.find((s) => s.closes)!;
		const first = declareIncident(
			{ ...emptyState(), responder: 'alice' },
			declaration({ title: 'Bravo down' }),
			'incident-',
			Date.now() - min(9),
			() => 0.1,
		);
		const second = declareIncident(first.state, declaration({ title: 'Alpha slow' }), 'incident-', Date.now() - min(8), () => 0.9);
		const both = setStatus(setStatus(second.state, first.id, closing, Date.now()), second.id, closing, Date.now());
		const filledFrom = async (address: string) => {
			history.replaceState(null, '', address);
			seed(both);
			const { PostMortemGenerator } = await islands();
			render(<PostMortemGenerator template={contentTemplate('post-mortem')} playbook={playbook} checklists={[]} />);
			const source = (await screen.findByText(/Filled in from incident/)).closest('p')?.textContent ?? '';
			const said = screen.queryByRole('note')?.textContent ?? '';
			cleanup();
			return `${said} ${source}`;
		};
		try {
			expect(await filledFrom(`/post-mortem/?incident=${first.id}`)).not.toContain(second.id);
			expect(await filledFrom('/post-mortem/')).not.toContain(first.id);
			// Read as the workspace reads it: spaces around the id (a pasted link) name the same incident, a blank one none.
			expect(await filledFrom(`/post-mortem/?incident=%20${first.id}%20`)).toMatch(new RegExp(`^\\s*Filled in from incident ${first.id}`));
			expect(await filledFrom('/post-mortem/?incident=%20')).toMatch(new RegExp(`^\\s*Filled in from incident ${second.id}`));
			// An id not held here (another device's, deleted): the one worked on, and said, since what is typed goes to it.
			expect(await filledFrom('/post-mortem/?incident=nope')).toMatch(
				new RegExp(
					`^The link names incident nope, which is not in this browser.*${second.id}, the one worked on.*Filled in from incident ${second.id}`,
				),
			);
		} finally {
			history.replaceState(null, '', '/');
		}
	});

	it('saves what is written on the incident, and adds action items with focus in the new one', async () => {
		seed(incident().state);
		const { PostMortemGenerator } = await islands();
		render(<PostMortemGenerator template={contentTemplate('post-mortem')} playbook={playbook} checklists={[]} />);
		fireEvent.input(await screen.findByLabelText(/^Root Cause/), { target: { value: 'Expired certificate' } });
		await waitFor(() => expect(stored().incidents[0]?.postMortem.rootCause).toBe('Expired certificate'));
		fireEvent.input(screen.getByLabelText(/^Impact/), { target: { value: 'Logins failed for 40 minutes' } });
		await waitFor(() => expect(stored().incidents[0]?.impact).toBe('Logins failed for 40 minutes'));
		fireEvent.click(screen.getByRole('button', { name: 'Add an action item' }));
		await waitFor(() => expect(document.activeElement?.getAttribute('aria-label')).toBe('Action item 1'));
		// An empty row is not an action item yet; one with words but no owner is.
		expect(screen.queryByText(/Action item 1 is missing/)).toBeNull();
		fireEvent.input(screen.getByLabelText('Action item 1'), { target: { value: 'Alert on certificate expiry' } });
		expect(screen.getByText('Action item 1 is missing an owner and a due date.')).toBeTruthy();
		expect(document.querySelector('[data-preview]')?.textContent).toContain('## Root Cause\nExpired certificate\n');
		await waitFor(() => expect(stored().incidents[0]?.postMortem.actionItems.map((a) => a.item)).toEqual(['Alert on certificate expiry']));
	});

	it('reads the incident without the store, and shows and keeps in order what is written and the action items changed before it loads', async () => {
		seed(incident().state);
		// The store is slow to arrive: every change below is made before it has.
		const arrive = storeArrivesLate();
		const { PostMortemGenerator } = await islands();
		const { loadedStore } = await import('../../src/lib/pageStoreLoader.ts');
		render(<PostMortemGenerator template={contentTemplate('post-mortem')} playbook={playbook} checklists={[]} />);
		const rootCause = (await screen.findByLabelText(/^Root Cause/)) as HTMLTextAreaElement;
		expect(loadedStore()).toBeUndefined();
		fireEvent.input(rootCause, { target: { value: 'Expired' } });
		fireEvent.input(rootCause, { target: { value: 'Expired certificate' } });
		fireEvent.click(screen.getByRole('button', { name: 'Add an action item' }));
		// Shown at once, focus in it, so what is typed next lands there.
		await waitFor(() => expect(document.activeElement?.getAttribute('aria-label')).toBe('Action item 1'));
		fireEvent.input(screen.getByLabelText('Action item 1'), { target: { value: 'Alert on expiry' } });
		fireEvent.click(screen.getByRole('button', { name: 'Add an action item' }));
		await waitFor(() => expect(document.activeElement?.getAttribute('aria-label')).toBe('Action item 2'));
		fireEvent.click(screen.getByRole('button', { name: 'Remove action item 2' }));
		const preview = () => document.querySelector('[data-preview]')?.textContent ?? '';
		expect(rootCause.value).toBe('Expired certificate');
		expect(preview()).toContain('## Root Cause\nExpired certificate\n');
		expect(preview()).toContain('Alert on expiry');
		expect(screen.queryByLabelText('Action item 2')).toBeNull();
		expect(stored().incidents[0]?.postMortem.rootCause).toBe('');
		expect(loadedStore()).toBeUndefined();

		arrive();
		// Kept up to the last change: the second item's removal (the list is then as it was after the first item's words).
		await waitFor(() => expect(Object.keys(stored().incidents[0]?.clock ?? {}).filter((key) => key.endsWith('.removed'))).toHaveLength(1));
		expect(stored().incidents[0]?.postMortem.actionItems.map((a) => a.item)).toEqual(['Alert on expiry']);
		expect(stored().incidents[0]?.postMortem.rootCause).toBe('Expired certificate');
		// The item kept is the one shown: the same field, under the same id, still focusable where it was.
		expect(screen.getByLabelText('Action item 1').id).toBe(`pm-post-mortem-${stored().incidents[0]?.postMortem.actionItems[0]?.id}-item`);
		expect(rootCause.value).toBe('Expired certificate');
	});

	it('says no incident is open and keeps showing the static template', async () => {
		const { PostMortemGenerator } = await islands();
		render(
			<PostMortemGenerator template={contentTemplate('post-mortem')} playbook={playbook} checklists={[]}>
				<p>static template</p>
			</PostMortemGenerator>,
		);
		await screen.findByText(/No incident is open/);
		expect(screen.getByText('static template')).toBeTruthy();
		expect(document.querySelector('[data-preview]')).toBeNull();
	});

	it('says it is loading the checklists over the words it shows with no incident, which keep their place unseen', async () => {
		seed(incident().state);
		vi.spyOn(globalThis, 'fetch').mockReturnValue(new Promise(() => {}));
		const { PostMortemGenerator } = await islands();
		render(
			<PostMortemGenerator
				template={contentTemplate('post-mortem')}
				playbook={{ ...playbook, scenariosFrom: '/scenarios.json' }}
				checklists={[]}
			>
				<p>static template</p>
			</PostMortemGenerator>,
		);
		await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/^Loading the scenarios’ checklists/));
		// The same paragraph, with the words it held on the server kept in it, hidden: the template under it does not move.
		const source = screen.getByRole('status').parentElement;
		expect(source?.querySelector('.held[aria-hidden="true"]')?.textContent).toMatch(/^No incident is open/);
		expect(screen.getByText('static template')).toBeTruthy();
	});
});

describe('a refused clipboard', () => {
	/** A send bar whose clipboard is refused, its copy button pressed. */
	async function refusedCopy(next?: ComponentChildren) {
		vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new Error('not allowed'));
		const { SendBar } = await import('../../src/islands/generator/SendBar.tsx');
		render(
			<SendBar
				id="t"
				text="Service restored"
				copyLabel="Copy for Slack"
				what="Resolution (Slack)"
				warnings={[]}
				onCopied={() => 'Copied.'}
				next={next}
			/>,
		);
		fireEvent.click(screen.getByRole('button', { name: 'Copy for Slack' }));
	}

	it('opens the manual copy on the first click, though its code loads only then, with the message selected', async () => {
		await refusedCopy();
		const box = (await screen.findByRole('textbox', { name: 'Resolution (Slack)' })) as HTMLTextAreaElement;
		expect(box.value).toBe('Service restored');
		await waitFor(() => expect(document.activeElement).toBe(box));
		expect([box.selectionStart, box.selectionEnd]).toEqual([0, 'Service restored'.length]);
	});

	it('copied by hand, says so and brings what comes next into view, as a copy by the button does', async () => {
		const scrolled: Element[] = [];
		vi.spyOn(Element.prototype, 'scrollIntoView').mockImplementation(function (this: Element) {
			scrolled.push(this);
		});
		await refusedCopy(<a href="/post-mortem/">Write the post-mortem</a>);
		fireEvent.copy(await screen.findByRole('textbox', { name: 'Resolution (Slack)' }));
		const next = await screen.findByRole('link', { name: 'Write the post-mortem' });
		await waitFor(() => expect(scrolled).toContain(next.parentElement));
		expect(screen.getByText('Copied.')).toBeTruthy();
	});
});
