const DAY_MS = 86_400_000;

/** Midnight UTC of the day a moment falls on, in milliseconds. */
const utcDay = (date: Date) => Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());

/** Whole days from the review date to `now`, counted in UTC calendar days (0 on the day itself). */
export function daysSinceReview(lastReviewed: Date, now: Date): number {
	return Math.round((utcDay(now) - utcDay(lastReviewed)) / DAY_MS);
}

/**
 * A page is stale once more than `staleAfterDays` days have passed since its review: reviewed
 * exactly that many days ago, it is still current.
 */
export function isStale(lastReviewed: Date, now: Date, staleAfterDays: number): boolean {
	return daysSinceReview(lastReviewed, now) > staleAfterDays;
}
