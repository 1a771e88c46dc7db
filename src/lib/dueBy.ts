/**
 * When an open deadline falls due, in the words of the confirmation after declaring. Apart from
 * deadlineWhen.ts: the declare code loads on demand beside the workspace, and a module both used would
 * become one more file for the workspace page to load.
 */
import { type Deadline } from './clocks.ts';
import { deadlineTime } from './timeText.ts';

/**
 * When an open deadline falls due, by the state the clocks gave it: "by 05:35 UTC" while there is time,
 * "due since 05:28 UTC" or "overdue since 05:05 UTC" once it has passed. An incident declared well
 * after it was detected starts with deadlines behind it, and "by 05:05 UTC" read at 05:30 says there is
 * still time. A deadline on another day than `now` (UTC) is dated: a level that escalates after a
 * day is "by 2026-12-03 02:26 UTC", not "by 02:26 UTC", the very time it was declared.
 */
export function dueBy(d: Pick<Deadline, 'at' | 'state'>, now: number): string {
	const at = d.at === undefined ? '' : deadlineTime(d.at, now);
	return d.state === 'overdue' ? `overdue since ${at}` : d.state === 'due' ? `due since ${at}` : `by ${at}`;
}
