import { describe, expect, it } from 'vitest';
import { activeIncident, readStoredState } from '../../src/lib/stateRead.ts';
import { readStored } from '../../src/lib/storage.ts';
import { STATE_VERSION } from '../../src/lib/storageRead.ts';
import { emptyState } from '../../src/lib/state.ts';
import { MemoryStorage } from '../support/memoryStorage.ts';
import { withIncident } from '../support/incidents.ts';

const stored = (state: unknown, version: unknown = STATE_VERSION) => JSON.stringify({ version, state });

describe('reading the state without the store', () => {
	it('reads what the store reads from stored text of the current version and shape', () => {
		const { state } = withIncident({ impact: 'Logins fail' });
		const text = stored({ ...state, messageFormat: 'plain' });
		const read = readStoredState(text);
		expect(read).toEqual(readStored(new MemoryStorage(), text, 0).state);
		expect(activeIncident(read!)?.impact).toBe('Logins fail');
		expect(read?.messageFormat).toBe('plain');
	});

	it('reads an empty state when nothing is stored, and no open incident when none is active or the active one is gone', () => {
		const { state } = withIncident();
		expect(readStoredState(null)).toEqual(emptyState());
		expect(activeIncident(readStoredState(stored({ ...state, activeId: null }))!)).toBeUndefined();
		expect(activeIncident(readStoredState(stored({ ...state, activeId: 'gone' }))!)).toBeUndefined();
	});

	it('leaves to the store what it will not guess: text that is not JSON, another version, data of another shape', () => {
		const { state } = withIncident();
		const [first] = state.incidents;
		expect(readStoredState('{"version":')).toBeUndefined();
		expect(readStoredState(stored(state, STATE_VERSION + 1))).toBeUndefined();
		expect(readStoredState(stored(state, STATE_VERSION - 1))).toBeUndefined();
		expect(readStoredState(stored(state, '1'))).toBeUndefined();
		expect(readStoredState(stored({ ...state, incidents: [{ ...first, postMortem: { rootCause: 7 } }] }))).toBeUndefined();
		expect(readStoredState(stored({ ...state, messageFormat: 'html' }))).toBeUndefined();
		expect(readStoredState(stored({ ...state, activeId: 5 }))).toBeUndefined();
	});
});
