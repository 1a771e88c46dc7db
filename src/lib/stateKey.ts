/** Where the incident state lives in the browser's storage, and the version of the shape this code writes (storageRead.ts reads it). */
export const STATE_KEY = 'playbook:state';
/** Version of the stored shape this code writes. */
export const STATE_VERSION = 1;
/**
 * The furthest from 1970 a stored time may be, either way (ms): the end of the year 9999, so every view can write
 * it and the deadlines added to it (the most a JavaScript date holds, 100 million days, left none: a deadline past
 * it is no date, and every view writing it threw). The store's schema (state.ts) and the cheap read (storageRead.ts)
 * both hold to it.
 */
export const DATE_LIMIT_MS = 253_402_300_799_999;
