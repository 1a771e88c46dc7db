/**
 * A device whose clock reads earlier than what an incident has on record: the incident came from
 * another device (a shared link, an import, a second responder) or the clock was set back. Every
 * time it writes lands before what is there already: the timeline out of order, durations of 0 s,
 * deadlines wrong. The workspace and the messages say so, with the times, so it is put right.
 */
import type { Incident } from './state.ts';
import { deadlineTime } from './timeText.ts';

/** How far behind a device's clock may read before it is told: two devices' clocks differ by seconds. */
export const CLOCK_SLACK_MS = 60_000;

/**
 * The last time a device wrote into the incident's record: its declaration, timeline, ticks and edits.
 * Not the detection, a time the responder types, which may come after the declaration.
 */
export function lastWritten(incident: Pick<Incident, 'declaredAt' | 'events' | 'ticks' | 'clock'>): number {
	// A loop, not Math.max(...): a long timeline would pass too many arguments.
	let last = incident.declaredAt;
	for (const e of incident.events) if (e.kind !== 'detected' && e.at > last) last = e.at;
	for (const t of Object.values(incident.ticks)) if (t.changedAt > last) last = t.changedAt;
	for (const at of Object.values(incident.clock)) if (at > last) last = at;
	return last;
}

/** How far this device's clock, reading `now`, is behind the incident's last entry; 0 within the slack. */
export function clockBehind(incident: Pick<Incident, 'declaredAt' | 'events' | 'ticks' | 'clock'>, now: number): number {
	const behind = lastWritten(incident) - now;
	return behind > CLOCK_SLACK_MS ? behind : 0;
}

/**
 * What to tell the responder about this device's clock, or undefined when it is right. Both times
 * to the minute (dated when they fall on another day), and no gap worked out from them, which would
 * not add up with the minutes shown.
 */
export function clockWarning(incident: Pick<Incident, 'declaredAt' | 'events' | 'ticks' | 'clock'>, now: number): string | undefined {
	if (clockBehind(incident, now) === 0) return undefined;
	return (
		`This device’s clock reads ${deadlineTime(now, now)}, before the incident’s last entry (${deadlineTime(lastWritten(incident), now)}): ` +
		'set it right, or what is written here goes in out of order and its times are wrong.'
	);
}
