import { describe, expect, it } from 'vitest';
import { daysSinceReview, isStale, staleFrom, staleOn } from '../../src/lib/staleness.ts';

const reviewed = new Date('2024-12-01');
const at = (iso: string) => new Date(iso);

describe('staleness', () => {
	it('counts whole UTC days since the review, whatever the time of day', () => {
		expect(daysSinceReview(reviewed, at('2024-12-01T23:59:59Z'))).toBe(0);
		expect(daysSinceReview(reviewed, at('2024-12-02T00:00:00Z'))).toBe(1);
		expect(daysSinceReview(reviewed, at('2025-12-01T12:00:00Z'))).toBe(365);
		expect(daysSinceReview(new Date('2024-12-01T18:30:00Z'), at('2024-12-02T01:00:00Z'))).toBe(1);
	});

	it('keeps a page current up to exactly N days, and stale from N + 1', () => {
		expect(isStale(reviewed, at('2025-05-30T12:00:00Z'), 180)).toBe(false); // 180 days
		expect(isStale(reviewed, at('2025-05-31T00:00:00Z'), 180)).toBe(true); // 181 days
		expect(isStale(reviewed, at('2024-12-02T00:00:00Z'), 1)).toBe(false);
		expect(isStale(reviewed, at('2024-12-03T00:00:00Z'), 1)).toBe(true);
	});

	it('never calls a page reviewed today, or dated in the future, stale', () => {
		expect(isStale(reviewed, reviewed, 1)).toBe(false);
		expect(isStale(new Date('2027-01-01'), at('2026-11-26T00:00:00Z'), 1)).toBe(false);
	});

	it('counts across a daylight-saving change and a leap day without drifting', () => {
		expect(daysSinceReview(new Date('2024-02-28'), at('2024-03-01T00:00:00Z'))).toBe(2);
		expect(daysSinceReview(new Date('2026-03-28'), at('2026-03-30T09:00:00+02:00'))).toBe(2);
	});

	it("names the first stale day, which the browser compares with today's: stale from it on, current the day before", () => {
		const first = staleFrom(reviewed, 180);
		expect(new Date(first * 86_400_000).toISOString()).toBe('2025-05-31T00:00:00.000Z');
		expect(new Date(staleFrom(new Date('2024-02-28T23:00:00Z'), 1) * 86_400_000).toISOString()).toBe('2024-03-01T00:00:00.000Z');
		expect(staleOn(first, at('2025-05-30T23:59:59Z'))).toBe(false);
		expect(staleOn(first, at('2025-05-31T00:00:00Z'))).toBe(true);
		// Any year: a clock far ahead finds the page stale, one before the review does not.
		expect(staleOn(first, new Date(8.64e15))).toBe(true);
		expect(staleOn(first, new Date(-8.64e15))).toBe(false);
		// The same answer as counting the days, at any hour of any day around the limit.
		for (let hour = -72; hour <= 72; hour += 5) {
			const now = new Date(Date.UTC(2025, 4, 31) + hour * 3_600_000);
			expect(staleOn(first, now), now.toISOString()).toBe(daysSinceReview(reviewed, now) > 180);
		}
	});
});
