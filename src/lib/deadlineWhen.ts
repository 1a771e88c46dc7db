/**
 * A deadline's time and outcome in words, for the workspace (apart from clocks.ts, which the
 * incident bar carries to every page).
 */
import { formatClock, type Deadline } from './clocks.ts';
import { deadlineTime, formatSpan } from './timeText.ts';

/**
 * When a deadline fell or falls due and how it went, in words that cannot be misread: "due 00:45 UTC,
 * done 5 min late at 00:50 UTC", "due 00:45 UTC, done at 00:30 UTC", "due 03:09 UTC, in 4 min 05 s";
 * a time on another day than `now` (UTC) with its date.
 */
export function deadlineWhen(d: Pick<Deadline, 'at' | 'state' | 'doneAt'>, now: number): string {
	const due = d.at === undefined ? '' : `due ${deadlineTime(d.at, now)}`;
	if (d.doneAt !== undefined) {
		const late = d.state === 'missed' && d.at !== undefined && d.doneAt > d.at ? ` ${formatSpan(d.doneAt - d.at)} late` : '';
		return [due, `done${late} at ${deadlineTime(d.doneAt, now)}`].filter(Boolean).join(', ');
	}
	if (d.at === undefined) return '';
	if (d.state === 'upcoming' || d.state === 'due' || d.state === 'overdue')
		return `${due}, ${d.at > now ? `in ${formatClock(d.at - now)}` : `${formatClock(now - d.at)} ago`}`;
	if (d.state === 'missed') return `${due}, not done`;
	return due;
}
