import { describe, expect, it } from 'vitest';
import { formatMinutes, formatPhaseTitle, formatWindow } from '../../src/lib/format.ts';
import { formatResponseTarget } from '../../src/lib/levelText.ts';

describe('the words levels and phases are shown in', () => {
	it('says durations as people do', () => {
		expect(formatMinutes(1)).toBe('1 minute');
		expect(formatMinutes(90)).toBe('1 hour 30 minutes');
		expect(formatMinutes(1440)).toBe('24 hours');
	});

	it('puts a level’s label before its response time, and the time alone without one', () => {
		expect(formatResponseTarget({ responseTime: 7, responseLabel: 'Right away' })).toBe('Right away (< 7 minutes)');
		expect(formatResponseTarget({ responseTime: 120 })).toBe('< 2 hours');
	});

	it('numbers a phase by its order', () => {
		expect(formatPhaseTitle({ title: 'Containment', sidebar: { order: 3 } })).toBe('Phase 3: Containment');
	});

	it('labels a phase window in one unit where it can', () => {
		expect(formatWindow({ to: 5 })).toBe('0–5 min');
		expect(formatWindow({ from: 60, to: 240 })).toBe('1–4 h');
		expect(formatWindow({ to: 10, label: 'First ten minutes' })).toBe('First ten minutes');
	});
});
