/**
 * The limits of an incident, stated once: the declare and edit forms, the import check and the
 * export all read them from here, so whatever the site accepts it can also export and import back.
 */

/** Longest incident title, in characters (forms and imports). */
export const MAX_TITLE_LENGTH = 140;
/**
 * `text` cut to at most `max` UTF-16 units (what a field's maxlength counts), ending in … where it was
 * cut, and never between the two halves of a character such as an emoji (which would show as �).
 */
export const cutText = (text: string, max: number): string =>
	text.length > max ? `${text.slice(0, max - 1).replace(/[\ud800-\udbff]$/, '')}…` : text;
/** Longest impact typed when declaring: a sentence or two for the declaration message; details go on the timeline. */
export const MAX_IMPACT_LENGTH = 1000;
/** Longest name a browser signs its ticks and notes with (the declare form, the workspace): a name, not a note. */
export const MAX_NAME_LENGTH = 80;
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
/**
 * Longest timeline note, in characters: a note is a line or a paragraph of what was found or done,
 * read by everyone who opens the timeline and copied into the post-mortem. A longer paste (a log)
 * is added up to here, and the rest stays in the box: see {@link noteParts}.
 */
export const MAX_NOTE_LENGTH = 2000;

/**
 * A note as it is added, and what stays in the box: the text up to the limit, cut at the last line
 * break in it, else the last space, unless that leaves less than half: a pasted log splits between lines.
 */
export function noteParts(text: string): { note: string; rest: string } {
	const trimmed = text.trim();
	if (trimmed.length <= MAX_NOTE_LENGTH) return { note: trimmed, rest: '' };
	const head = trimmed.slice(0, MAX_NOTE_LENGTH + 1);
	const half = MAX_NOTE_LENGTH / 2;
	const breaks = [head.lastIndexOf('\n'), head.lastIndexOf(' ')].filter((at) => at >= half);
	// Not between the two halves of a character outside the basic plane (an emoji).
	const surrogate = /[\uD800-\uDBFF]/.test(head.charAt(MAX_NOTE_LENGTH - 1)) ? 1 : 0;
	const cut = breaks[0] ?? MAX_NOTE_LENGTH - surrogate;
	return { note: trimmed.slice(0, cut).trimEnd(), rest: trimmed.slice(cut).trimStart() };
}

/**
 * Said while the box holds more than a note holds, or undefined: how much goes into the note and
 * how much stays behind, so nothing pasted is dropped without the responder knowing.
 */
export function noteLimitNote(text: string): string | undefined {
	const { note, rest } = noteParts(text);
	const count = (n: number) => n.toLocaleString('en');
	return rest
		? `Notes hold at most ${count(MAX_NOTE_LENGTH)} characters: Add note adds the first ${count(note.length)}, and the other ${count(rest.length)} characters stay in this box, to add next or to delete.`
		: undefined;
}

/**
 * How far ahead of this computer's clock a detection time may be (clocks of two machines differ a little):
 * two minutes, as a number, not `2 * 60_000`, which the bundler keeps in the pages' inline scripts even unused.
 */
export const MAX_CLOCK_SKEW_MS = 120_000;

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
