import { describe, expect, it } from 'vitest';
import { clockBehind, CLOCK_SLACK_MS, lastWritten } from '../../src/lib/clockSkew.ts';
import { addNote, setStatus, tickItem } from '../../src/lib/incidents.ts';
import { min, T0, withIncident } from '../support/incidents.ts';

const step = { text: 'Check the load balancer', list: 'Response' };

describe("a device clock behind the incident's record", () => {
	it('finds the last time a device wrote into the record: declaration, timeline, ticks and edits', () => {
		const { state, id } = withIncident();
		const incident = (s: typeof state) => s.incidents.find((i) => i.id === id)!;
		expect(lastWritten(incident(state))).toBe(T0);
		const noted = addNote(state, id, 'Restarted the pods', T0 + min(5));
		expect(lastWritten(incident(noted))).toBe(T0 + min(5));
		const ticked = tickItem(noted, id, 'scenario/x/response/lb', step, true, T0 + min(9));
		expect(lastWritten(incident(ticked))).toBe(T0 + min(9));
		const resolved = setStatus(ticked, id, { id: 'resolved', label: 'Resolved', closes: true }, T0 + min(12));
		expect(lastWritten(incident(resolved))).toBe(T0 + min(12));
	});

	it('leaves out the detection, a time the responder typed, which may be later than the declaration', () => {
		const { state } = withIncident({ detectedAt: T0 + min(30) });
		expect(lastWritten(state.incidents[0]!)).toBe(T0);
		expect(clockBehind(state.incidents[0]!, T0 + min(1))).toBe(0);
	});

	it('says how far behind, past a minute of slack for two devices a few seconds apart', () => {
		const { state, id } = withIncident();
		const noted = addNote(state, id, 'Rolled back', T0 + min(20)).incidents[0]!;
		expect(clockBehind(noted, T0 + min(20))).toBe(0);
		expect(clockBehind(noted, T0 + min(20) - CLOCK_SLACK_MS)).toBe(0);
		expect(clockBehind(noted, T0 + min(8))).toBe(min(12));
	});
});
