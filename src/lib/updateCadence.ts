/** Whether an incident's status updates kept to their cadence: read by the metrics and by a drill's score. */
import type { ClockLevel } from './clocks.ts';
import type { ShownIncident } from './storageRead.ts';

const MINUTE = 60_000;

/** How the status updates kept to the cadence: how many were due, and how many came late or never. */
export interface Cadence {
	due: number;
	late: number;
}

/**
 * Status updates against the cadence of the level in force (`levelAt`): from the declaration,
 * each next message is due `updateEvery` after the last one, until the end. A message sent after
 * its due time is late; a stretch with no message past its due time is one late update.
 */
export function updateCadence(
	incident: Pick<ShownIncident, 'declaredAt' | 'events'>,
	levelAt: (at: number) => Pick<ClockLevel, 'updateEvery'> | undefined,
	end: number,
): Cadence {
	const messages = incident.events
		.filter((e) => e.kind === 'message' && e.at >= incident.declaredAt && e.at <= end)
		.map((e) => e.at)
		.sort((a, b) => a - b);
	let last = incident.declaredAt;
	let due = 0;
	let late = 0;
	for (const at of messages) {
		const every = levelAt(last)?.updateEvery;
		if (every === undefined) return { due, late };
		due++;
		if (at > last + every * MINUTE) late++;
		last = at;
	}
	const every = levelAt(last)?.updateEvery;
	if (every !== undefined && last + every * MINUTE < end) {
		due++;
		late++;
	}
	return { due, late };
}
