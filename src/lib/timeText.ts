/**
 * Times and spans as messages, exports and the workspace write them: a date with the time, a span in
 * words, a deadline dated when it falls on another day. Apart from the clocks (clocks.ts), which every
 * page loads with the incident bar: the bar writes none of these, and the pages that do load them.
 */
import { formatUtcTime, MINUTE } from './clocks.ts';

/** A date and time in UTC: "2026-11-26 14:02 UTC". */
export function formatUtcDateTime(at: number): string {
	return `${new Date(at).toISOString().slice(0, 10)} ${formatUtcTime(at)}`;
}

/** A duration in words for messages: "1 h 5 min", "12 min", "45 s". */
export function formatSpan(ms: number): string {
	const minutes = Math.floor(ms / MINUTE);
	if (minutes < 1) return `${Math.max(0, Math.floor(ms / 1000))} s`;
	const h = Math.floor(minutes / 60);
	const m = minutes % 60;
	return h === 0 ? `${m} min` : m === 0 ? `${h} h` : `${h} h ${m} min`;
}

/** A deadline's time, with its date when it falls on another day (UTC) than `now`. */
export function deadlineTime(at: number, now: number): string {
	const day = (t: number) => new Date(t).toISOString().slice(0, 10);
	return day(at) === day(now) ? formatUtcTime(at) : formatUtcDateTime(at);
}
