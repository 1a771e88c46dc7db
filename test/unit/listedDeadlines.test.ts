import { describe, expect, it } from 'vitest';
import type { Deadline } from '../../src/lib/clocks.ts';
import { deadlineName, listedDeadlines } from '../../src/lib/listedDeadlines.ts';

const at = 1_000_000;
const escalate: Deadline = {
	id: 'escalate',
	kind: 'escalate',
	label: 'Escalate',
	detail: 'P1: escalate if not resolved in 30 minutes',
	at,
	state: 'upcoming',
};
const lead: Deadline = {
	id: 'rung:lead',
	kind: 'rung',
	label: 'Team Lead',
	detail: 'At P1: if unresolved after 30 minutes',
	at,
	state: 'upcoming',
};
const head: Deadline = { id: 'rung:head', kind: 'rung', label: 'Head', detail: 'At P1: after 60 minutes', at: at + 1, state: 'upcoming' };
const update: Deadline = { id: 'update', kind: 'update', label: 'Next status update', detail: 'Every 30 minutes', at, state: 'upcoming' };

describe('the deadlines as listed', () => {
	it("make the level's escalation and the rung it brings in at that moment one line, the rung's, told by the level's rule", () => {
		const listed = listedDeadlines([escalate, lead, update, head]);
		expect(listed.map((d) => [d.id, deadlineName(d), d.detail])).toEqual([
			['rung:lead', 'Escalate: Team Lead', escalate.detail],
			['update', 'Next status update', update.detail],
			['rung:head', 'Head', head.detail],
		]);
	});

	it('keep them apart when they differ: another time, or another state (a different rung was brought in first)', () => {
		expect(listedDeadlines([escalate, { ...lead, at: at + 60_000 }]).map((d) => d.id)).toEqual(['escalate', 'rung:lead']);
		const other = listedDeadlines([{ ...escalate, state: 'done', doneAt: at - 5 }, lead]);
		expect(other.map((d) => [d.id, deadlineName(d)])).toEqual([
			['escalate', 'Escalate'],
			['rung:lead', 'Team Lead'],
		]);
	});

	it('leave a list without an escalation, or without a rung, as it is', () => {
		expect(listedDeadlines([update, head])).toEqual([update, head]);
		expect(listedDeadlines([escalate, update])).toEqual([escalate, update]);
	});
});
