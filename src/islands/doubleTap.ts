/**
 * A second tap this soon after a press that replaces what is under the finger (a confirmation, the
 * next view) lands on what was drawn in its place: what is drawn there ignores it.
 */
export const DOUBLE_TAP_MS = 800;

/** Whether a press at `at` comes too soon after `shownAt`, the moment what it lands on appeared. */
export const tooSoon = (shownAt: number, at = Date.now()): boolean => at - shownAt < DOUBLE_TAP_MS;
