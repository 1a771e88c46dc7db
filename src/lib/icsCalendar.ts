/**
 * The post-mortem's action items as an iCalendar file (RFC 5545): one to-do (VTODO) per item with
 * a due date, due at 17:00 UTC that day. Hand-written: the `ics` package pulls in yup
 * and nanoid for what is sixty lines here. Lines end in CRLF and fold at 75 octets.
 */
import type { ActionItem, Incident } from './state.ts';

/** When an item is due on its date: the end of the working day in UTC. */
const DUE_TIME = 'T170000Z';
const encoder = new TextEncoder();

/** A TEXT value escaped as RFC 5545 §3.3.11 asks: backslash, semicolon, comma and newlines. */
export function escapeText(text: string): string {
	return text
		.replace(/\\/g, '\\\\')
		.replace(/;/g, '\\;')
		.replace(/,/g, '\\,')
		.replace(/\r\n|\r|\n/g, '\\n');
}

/** A content line folded at 75 octets (§3.1), never inside a UTF-8 character, with CRLF endings. */
export function foldLine(line: string): string {
	const parts: string[] = [];
	let current = '';
	let octets = 0;
	for (const char of line) {
		const size = encoder.encode(char).length;
		// Continuation lines start with a space, which counts towards their 75 octets.
		if (octets + size > 75) {
			parts.push(current);
			current = ' ';
			octets = 1;
		}
		current += char;
		octets += size;
	}
	parts.push(current);
	return `${parts.join('\r\n')}\r\n`;
}

/** A time as an iCalendar UTC date-time: 20261126T031400Z. */
export function utcStamp(at: number): string {
	return `${new Date(at).toISOString().slice(0, 19).replace(/[-:]/g, '')}Z`;
}

/** What the calendar says about where the items come from. */
export interface CalendarContext {
	/** Who publishes it, for PRODID, e.g. the organisation. */
	organisation: string;
	/** Link to the incident or post-mortem, added to each description when known. */
	url?: string | undefined;
	now: number;
}

/** The action items that can go in a calendar: those with a text and a valid due date. */
export function datedItems(items: readonly ActionItem[]): ActionItem[] {
	return items.filter((a) => a.item.trim() && /^\d{4}-\d{2}-\d{2}$/.test(a.due) && !Number.isNaN(Date.parse(a.due)));
}

/** The .ics text: a VCALENDAR with one VTODO per dated action item of the incident. */
export function actionItemsCalendar(incident: Pick<Incident, 'id' | 'title' | 'postMortem'>, context: CalendarContext): string {
	const lines = [
		'BEGIN:VCALENDAR',
		'VERSION:2.0',
		`PRODID:-//${escapeText(context.organisation)}//Incident Playbook//EN`,
		'CALSCALE:GREGORIAN',
		'METHOD:PUBLISH',
	];
	for (const item of datedItems(incident.postMortem.actionItems)) {
		const description = [
			`Action item of incident ${incident.id}: ${incident.title}`,
			item.owner.trim() && `Owner: ${item.owner.trim()}`,
			context.url,
		]
			.filter(Boolean)
			.join('\n');
		lines.push(
			'BEGIN:VTODO',
			// Stable per item, so importing the file again updates the to-do instead of adding one.
			`UID:${escapeText(`${incident.id}-${item.id}@incident-playbook`)}`,
			`DTSTAMP:${utcStamp(context.now)}`,
			`DUE:${item.due.replace(/-/g, '')}${DUE_TIME}`,
			`SUMMARY:${escapeText(item.item.trim())}`,
			`DESCRIPTION:${escapeText(description)}`,
			`STATUS:${item.done ? 'COMPLETED' : 'NEEDS-ACTION'}`,
			...(context.url ? [`URL:${context.url}`] : []),
			'END:VTODO',
		);
	}
	lines.push('END:VCALENDAR');
	return lines.map(foldLine).join('');
}
