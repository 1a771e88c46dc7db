import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { useEffect, useReducer } from 'preact/hooks';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DeclareFlow } from '../../src/islands/declare/DeclareFlow.tsx';
import { createStore, type Store } from '../../src/lib/store.ts';
import { MemoryStorage } from '../support/memoryStorage.ts';
import { levelsPlaybook } from '../support/playbookContent.ts';

const playbook = levelsPlaybook();

function Harness({ store }: { store: Store }) {
	const [, rerender] = useReducer((n: number) => n + 1, 0);
	useEffect(() => store.subscribe(() => rerender(undefined)), []);
	return (
		<DeclareFlow
			playbook={playbook}
			state={store.get()}
			store={store}
			prefill={{ severity: playbook.severities[0]!.id }}
			now={Date.now()}
			workspaceLink
		/>
	);
}

async function declareInto(storage: MemoryStorage) {
	Element.prototype.scrollIntoView = () => {};
	// The runbooks' list is not needed here: offline.
	vi.stubGlobal(
		'fetch',
		vi.fn(async () => {
			throw new TypeError('offline');
		}),
	);
	const store = createStore(storage, () => Date.now(), undefined);
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
