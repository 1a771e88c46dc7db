/**
 * The limits of an incident, stated once: the declare and edit forms, the import check and the
 * export all read them from here, so whatever the site accepts it can also export and import back.
 */

/** Longest incident title, in characters (forms and imports). */
export const MAX_TITLE_LENGTH = 200;
/** Most timeline events an imported incident may hold. */
export const MAX_EVENTS = 50_000;
/**
 * Largest import file, in bytes. Chosen well above what a browser lets the site store (about 5
 * million characters for the whole state), so that the export of any incident this browser holds,
 * written compactly, imports back.
 */
export const MAX_IMPORT_BYTES = 16 * 1024 * 1024;
/** How far ahead of this computer's clock a detection time may be (clocks of two machines differ a little). */
export const MAX_CLOCK_SKEW_MS = 2 * 60_000;
