import { describe, expect, it } from 'vitest';
import { NOTHING_READ, readState, readStoredIncident } from '../../src/lib/incidentRead.ts';
import { STATE_VERSION } from '../../src/lib/storageRead.ts';
import { emptyState } from '../../src/lib/state.ts';
import { withIncident } from '../support/incidents.ts';

const stored = (state: unknown, version: unknown = STATE_VERSION) => JSON.stringify({ version, state });

describe('reading the open incident without the store', () => {
	it('reads the active incident whole, and the message format, as the store would show them', () => {
		const { state } = withIncident({ impact: 'Logins fail' });
		const withFormat = { ...state, messageFormat: 'plain' as const };
		const read = readStoredIncident(stored(withFormat));
		expect(read).toEqual(readState(withFormat));
		expect(read?.incident?.impact).toBe('Logins fail');
		expect(read?.incident?.postMortem.actionItems).toEqual([]);
		expect(read?.messageFormat).toBe('plain');
	});

	it('reads no incident when nothing is stored, none is active, or the active one is gone', () => {
		const { state } = withIncident();
		expect(readStoredIncident(null)).toEqual(NOTHING_READ);
		expect(readStoredIncident(stored({ ...state, activeId: null }))?.incident).toBeUndefined();
		expect(readStoredIncident(stored({ ...state, activeId: 'gone' }))?.incident).toBeUndefined();
		expect(readStoredIncident(stored(emptyState()))).toEqual(NOTHING_READ);
	});

	it('leaves to the store what it will not guess: text that is not JSON, another version, an incident or format of another shape', () => {
		const { state } = withIncident();
		const [first] = state.incidents;
		expect(readStoredIncident('{"version":')).toBeUndefined();
		expect(readStoredIncident(stored(state, STATE_VERSION + 1))).toBeUndefined();
		expect(readStoredIncident(stored(state, '1'))).toBeUndefined();
		expect(readStoredIncident(stored({ ...state, incidents: [{ ...first, postMortem: { rootCause: 7 } }] }))).toBeUndefined();
		expect(readStoredIncident(stored({ ...state, incidents: [{ ...first, events: [{ kind: 'tick' }] }] }))).toBeUndefined();
		expect(readStoredIncident(stored({ ...state, messageFormat: 'html' }))).toBeUndefined();
		expect(readStoredIncident(stored({ ...state, activeId: 5 }))).toBeUndefined();
	});
});
