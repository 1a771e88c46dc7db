import type { Incident } from './state.ts';

/**
 * How a message copied for the channel is logged on the incident's timeline, by the generators and
 * the one-press update alike: "Copied Status Update (Slack)", its template's title and its format.
 */
export const copiedLine = (title: string, format: string): string => `Copied ${title} (${format})`;

/** When the message with this title was last copied at or after `after`, in any format, if it was. */
export function lastCopied(incident: Pick<Incident, 'events'>, title: string, after: number): number | undefined {
	// The line up to its format: "Copied Status Update (".
	const copied = copiedLine(title, '').slice(0, -1);
	return incident.events.findLast((e) => e.kind === 'message' && e.at >= after && e.text.startsWith(copied))?.at;
}
