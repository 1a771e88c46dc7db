/**
 * The limits of an incident, stated once: the declare and edit forms, the import check and the
 * export all read them from here, so whatever the site accepts it can also export and import back.
 */

/** Longest incident title, in characters (forms and imports). */
export const MAX_TITLE_LENGTH = 140;
/**
 * Most timeline events an imported incident may hold. Set above what a browser can store (50,000
 * events are about 6 MB, beyond the roughly 5 million characters a site may keep), so an incident
 * that grew in this browser is always under it and its export imports back.
 */
export const MAX_EVENTS = 50_000;
/**
 * Largest import file, in bytes. Chosen well above what a browser lets the site store (about 5
 * million characters for the whole state), so that the export of any incident this browser holds,
 * written compactly, imports back.
 */
export const MAX_IMPORT_BYTES = 16 * 1024 * 1024;
/** How far ahead of this computer's clock a detection time may be (clocks of two machines differ a little). */
export const MAX_CLOCK_SKEW_MS = 2 * 60_000;

/**
 * Why a detection time cannot be used, or undefined: it lies ahead of this computer's clock by
 * more than clocks of two machines differ (a typo in the date, or a wrong clock).
 */
export function detectionProblem(detectedAt: number, now: number): string | undefined {
	if (!Number.isFinite(detectedAt)) return 'Enter when the problem was detected.';
	if (detectedAt <= now + MAX_CLOCK_SKEW_MS) return undefined;
	const minutes = Math.round((detectedAt - now) / 60_000);
	const ahead = minutes >= 120 ? `${Math.round(minutes / 60)} hours` : `${minutes} minutes`;
	return `The detection time is ${ahead} in the future by this computer's clock: check the date and time (and the computer's clock).`;
}
