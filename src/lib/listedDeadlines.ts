import { formatClock, type Deadline } from './clocks.ts';

/** A deadline as the lists show it; `escalates` when it is the level's escalation and the rung it brings in, as one line. */
export type ListedDeadline = Deadline & { escalates?: true };

/**
 * The deadlines as the workspace and the declaration list them. A level's "escalate after" is when the first
 * rung above the responder is brought in (escalationPlan), so the two fall at the same moment: while they do,
 * in the same state, they are one line, the rung's (with its button), named as the escalation and told by the
 * level's rule, not "Escalate" and "Engineering Lead" twice. They part when they differ (another rung was
 * brought in first, or a playbook times its rungs otherwise). The timeline's log of deadlines falling due, their
 * notifications and the course chart read them so too; the bar shows one deadline, the earliest, as it is.
 */
export function listedDeadlines(list: readonly Deadline[]): ListedDeadline[] {
	const escalate = list.find((d) => d.kind === 'escalate');
	const rung = escalate && list.find((d) => d.kind === 'rung' && d.at === escalate.at && d.state === escalate.state);
	if (!escalate || !rung) return [...list];
	return list.flatMap((d) => (d === escalate ? [] : d === rung ? [{ ...d, detail: escalate.detail, escalates: true as const }] : [d]));
}

/** How a listed deadline is named: "Escalate: Engineering Lead" for the escalation and its rung. */
export const deadlineName = (d: ListedDeadline): string => (d.escalates ? `Escalate: ${d.label}` : d.label);

/** A deadline as the incident bar shows it, named as the workspace lists it, and when it falls: "Escalate: Engineering Lead" "5 min overdue". */
export function deadlineText(d: ListedDeadline, now: number): [label: string, when: string] {
	const { at } = d;
	const when =
		at === undefined
			? ''
			: at > now
				? `in ${formatClock(at - now)}`
				: d.state === 'overdue'
					? `${formatClock(now - at, true)} overdue`
					: 'due now';
	return [deadlineName(d), when];
}
