import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { useEffect, useReducer } from 'preact/hooks';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DeclareFlow } from '../../src/islands/declare/DeclareFlow.tsx';
import { createStore, type Store } from '../../src/lib/store.ts';
import type { DeclarePrefill } from '../../src/islands/workspace/DeclareForm.tsx';
import { declareIncident, setStatus } from '../../src/lib/incidents.ts';
import { emptyState } from '../../src/lib/state.ts';
import { declaration } from '../support/incidents.ts';
import { urls } from '../../src/lib/urls.ts';
import { MemoryStorage } from '../support/memoryStorage.ts';
import { levelsPlaybook } from '../support/playbookContent.ts';

const playbook = levelsPlaybook();

function Harness({ store, prefill = { severity: playbook.severities[0]!.id } }: { store: Store; prefill?: DeclarePrefill }) {
	const [, rerender] = useReducer((n: number) => n + 1, 0);
	useEffect(() => store.subscribe(() => rerender(undefined)), []);
	return <DeclareFlow playbook={playbook} state={store.get()} store={store} prefill={prefill} now={Date.now()} workspaceLink />;
}

/** A store over `storage`, on a page that is offline (the runbooks' list, the update's template: not needed here). */
function offlineStore(storage: MemoryStorage): Store {
	Element.prototype.scrollIntoView = () => {};
	vi.stubGlobal(
		'fetch',
		vi.fn(async () => {
			throw new TypeError('offline');
		}),
	);
	return createStore(storage, () => Date.now(), undefined);
}

async function declareInto(storage: MemoryStorage) {
	const store = offlineStore(storage);
	render(<Harness store={store} />);
	fireEvent.input(screen.getByLabelText('Title'), { target: { value: 'Checkout down' } });
	fireEvent.submit(screen.getByRole('button', { name: 'Declare and copy the message' }).closest('form')!);
	return within(await screen.findByRole('region', { name: /Declared: Checkout down$/ }));
}

afterEach(() => {
	cleanup();
	vi.unstubAllGlobals();
});

describe('a declaration this browser could not keep (storage full)', () => {
	it('says so in what comes next, offers the incident to download or copy, and sends nobody to a workspace that will not have it', async () => {
		const storage = new MemoryStorage();
		storage.quota = 100;
		const panel = await declareInto(storage);
		expect(panel.getByRole('alert').textContent).toMatch(/not saved/i);
		expect(panel.getByRole('button', { name: 'Download what is not saved' })).toBeTruthy();
		expect(panel.queryByRole('link', { name: /workspace/i })).toBeNull();
	});

	it('says nothing of the kind when it was kept', async () => {
		const panel = await declareInto(new MemoryStorage());
		expect(panel.queryByRole('alert')).toBeNull();
		expect(panel.getByRole('link', { name: /workspace/i })).toBeTruthy();
	});
});

describe('an open incident raised to the level just classified', () => {
	const [top, milder] = playbook.severities;
	/**
	 * An incident open at the milder level, with no impact written unless `impact` is given, raised from a classification
	 * whose criteria are the impact.
	 */
	async function raise(storage: MemoryStorage, { full = false, impact = '' } = {}) {
		const store = offlineStore(storage);
		const { state, id } = declareIncident(
			emptyState(),
			declaration({ title: 'Checkout slow', severity: milder!.id, impact }),
			'inc-',
			Date.now(),
		);
		store.update(() => state);
		// Room for what is stored now, and not a byte more.
		if (full)
			storage.quota = Array.from({ length: storage.length }, (_, i) => storage.key(i)!).reduce(
				(n, key) => n + key.length + (storage.getItem(key)?.length ?? 0),
				0,
			);
		render(<Harness store={store} prefill={{ severity: top!.id, classified: true, impact: 'Nobody can pay' }} />);
		fireEvent.click(screen.getByRole('button', { name: `Raise ${id} to ${top!.id}` }));
		return { store, id, panel: within(await screen.findByRole('region', { name: `${id} raised to ${top!.id}` })) };
	}

	it('offers the status update at once, the impact the incident lacked written from the form', async () => {
		const { store, panel } = await raise(new MemoryStorage());
		expect(store.get().incidents.map((i) => [i.severity, i.impact])).toEqual([[top!.id, 'Nobody can pay']]);
		expect(panel.queryByRole('alert')).toBeNull();
		expect(panel.getByRole('button', { name: 'Copy the status update' }).classList.contains('primary')).toBe(true);
		expect(panel.getByRole('link', { name: /workspace/i }).classList.contains('primary')).toBe(false);
		// Offline here, the template does not load: said, with the way to the update's form, not "opening" it.
		fireEvent.click(panel.getByRole('button', { name: 'Copy the status update' }));
		const status = await panel.findByRole('status');
		expect(status.textContent).toMatch(/^The update template could not be loaded\. Open the update's form$/);
		expect(panel.getByRole('link', { name: "Open the update's form" }).getAttribute('href')).toBe(urls.communication());
	});

	it("says so when the update's code cannot load (offline, not kept by the worker), with the way to the messages", async () => {
		vi.doMock('../../src/scripts/postUpdate.onDemand.ts', () => {
			throw new TypeError('Failed to fetch dynamically imported module');
		});
		try {
			const { panel } = await raise(new MemoryStorage());
			fireEvent.click(panel.getByRole('button', { name: 'Copy the status update' }));
			expect((await panel.findByRole('status')).textContent).toBe("The update could not be prepared on this page. Open the update's form");
			expect(panel.getByRole('button', { name: 'Copy the status update' }).getAttribute('aria-busy')).toBe('false');
		} finally {
			vi.doUnmock('../../src/scripts/postUpdate.onDemand.ts');
		}
	});

	it('resolved since (in another tab), offers no update to copy and says why', async () => {
		const { store, id, panel } = await raise(new MemoryStorage());
		store.update((s, now) => setStatus(s, id, { id: 'resolved', label: 'Resolved', closes: true }, now));
		expect((await panel.findByText(`${id} has been resolved since: there is no status update to post.`)).tagName).toBe('P');
		expect(panel.queryByRole('button', { name: 'Copy the status update' })).toBeNull();
	});

	it("offers the form's impact where the incident has another, which the update would otherwise repeat at the new level", async () => {
		const { store, panel } = await raise(new MemoryStorage(), { impact: 'A few slow pages' });
		expect(panel.getByText('Its impact still reads “A few slow pages”.')).toBeTruthy();
		fireEvent.click(panel.getByRole('button', { name: 'Change it to “Nobody can pay”' }));
		expect(store.get().incidents[0]?.impact).toBe('Nobody can pay');
		expect(panel.queryByRole('button', { name: /^Change it to/ })).toBeNull();
	});

	it('not kept (storage full), says so, with the ways to keep it, and sends nobody to a workspace that will not have it', async () => {
		const storage = new MemoryStorage();
		const { panel } = await raise(storage, { full: true });
		expect((await panel.findByRole('alert')).textContent).toMatch(/not saved[\s\S]*The change is only on this page/i);
		expect(panel.getByRole('button', { name: 'Download what is not saved' })).toBeTruthy();
		expect(panel.queryByRole('link', { name: /workspace/i })).toBeNull();
	});
});
