/**
 * When an open deadline falls due, in the words of the confirmation after declaring. Apart from
 * deadlineWhen.ts: the declare code loads on demand beside the workspace, and a module both used would
 * become one more file for the workspace page to load.
 */
import { formatUtcTime, type Deadline } from './clocks.ts';

/**
 * When an open deadline falls due, by the state the clocks gave it: "by 05:35 UTC" while there is time,
 * "due since 05:28 UTC" or "overdue since 05:05 UTC" once it has passed. An incident declared well
 * after it was detected starts with deadlines behind it, and "by 05:05 UTC" read at 05:30 says there is
 * still time.
 */
export function dueBy(d: Pick<Deadline, 'at' | 'state'>): string {
	const at = d.at === undefined ? '' : formatUtcTime(d.at);
	return d.state === 'overdue' ? `overdue since ${at}` : d.state === 'due' ? `due since ${at}` : `by ${at}`;
}
