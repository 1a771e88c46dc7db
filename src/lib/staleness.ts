const DAY_MS = 86_400_000;

/** The UTC day a moment falls on, counted from 1 January 1970. */
const dayNumber = (date: Date) => Math.floor(date.getTime() / DAY_MS);

/** Whole days from the review date to `now`, counted in UTC calendar days (0 on the day itself). */
export function daysSinceReview(lastReviewed: Date, now: Date): number {
	return dayNumber(now) - dayNumber(lastReviewed);
}

/**
 * A page is stale once more than `staleAfterDays` days have passed since its review: reviewed
 * exactly that many days ago, it is still current.
 */
export function isStale(lastReviewed: Date, now: Date, staleAfterDays: number): boolean {
	return staleOn(staleFrom(lastReviewed, staleAfterDays), now);
}

/**
 * The first UTC day (counted from 1 January 1970) on which a page reviewed on `lastReviewed` is stale: the page
 * carries it, and the browser only compares it with today's (staleOn), so a site not rebuilt shows the note in time.
 */
export function staleFrom(lastReviewed: Date, staleAfterDays: number): number {
	return dayNumber(lastReviewed) + staleAfterDays + 1;
}

/** Whether `now` falls on or after `from`, a UTC day as staleFrom gives it (a whole number: no need to round `now` down). */
export const staleOn = (from: number, now: Date): boolean => now.getTime() / DAY_MS >= from;
