/**
 * The incident's clocks: elapsed time and every deadline the playbook sets (response target,
 * "escalate if not resolved in", each rung of the escalation path, the next status update).
 * Everything is computed from stored timestamps and `now`, so clocks are right after a reload,
 * a sleeping laptop or a background tab.
 */
import type { EscalationStep } from '../schemas/escalation.ts';
import type { Severity } from '../schemas/severity.ts';
import { conditionHolds, describePlannedRung, escalationPlan, rungDoneAt, scenarioAdded } from './escalationLadder.ts';
import { formatMinutes } from './format.ts';
import type { Incident, TimelineEvent } from './state.ts';

/** How long a deadline shows as "due" before it counts as overdue. */
export const DUE_WINDOW_MS = 5 * 60_000;
export const MINUTE = 60_000;

/** Where a deadline stands. */
export type DeadlineState = 'upcoming' | 'due' | 'overdue' | 'done' | 'missed' | 'unneeded' | 'conditional';

/** One timed obligation of the incident. */
export interface Deadline {
	/** "response", "escalate", "update" or "rung:<id>". */
	id: string;
	kind: 'response' | 'escalate' | 'rung' | 'update';
	/** What falls due, e.g. "Engineering Lead". */
	label: string;
	/** When it applies, in words, e.g. "If unresolved in 30 minutes". */
	detail: string;
	/** When it falls due (absent for a condition that does not hold). */
	at?: number;
	state: DeadlineState;
	/** When it was met. */
	doneAt?: number;
}

/** The parts of an incident the clocks read (the store's incident, or what the cheap read shows of it). */
export type ClockIncident = Pick<Incident, 'detectedAt' | 'declaredAt' | 'resolvedAt' | 'scenarios'> & {
	events: readonly (Pick<TimelineEvent, 'at'> & { kind: string; value?: string | undefined })[];
};

/** The parts of a severity level the clocks need. */
export type ClockLevel = Pick<Severity, 'id' | 'responseTime' | 'escalateAfter' | 'updateEvery'>;

/** Time since detection, stopping at resolution. */
export function elapsedMs(incident: Pick<Incident, 'detectedAt' | 'resolvedAt'>, now: number): number {
	return Math.max(0, (incident.resolvedAt ?? now) - incident.detectedAt);
}

/**
 * When someone took the incident on. Declaring an incident is acknowledging it: the responder who
 * declares is working on it, so the response target is met (or missed) at the declaration.
 */
export function firstResponseAt(incident: Pick<Incident, 'declaredAt'>): number {
	return incident.declaredAt;
}

function timed(at: number, now: number, resolvedAt: number | undefined): DeadlineState {
	if (resolvedAt !== undefined) return at <= resolvedAt ? 'missed' : 'unneeded';
	if (now < at) return 'upcoming';
	return now < at + DUE_WINDOW_MS ? 'due' : 'overdue';
}

/** Every deadline of the incident at its current severity, earliest first. */
export function deadlines(
	incident: ClockIncident,
	level: ClockLevel,
	ladder: readonly EscalationStep[],
	now: number,
	/** The playbook's levels, to look back at those the incident was at before (see `dueAt`); without them, the current level's times alone. */
	levels: readonly ClockLevel[] = [],
): Deadline[] {
	const { detectedAt, declaredAt, resolvedAt } = incident;
	const list: Deadline[] = [];
	// The levels held, from the declaration on, and when each began (not before detection). The level's times run from
	// detection, or from the last update; one a change of level put in the past falls due at the change, not before it:
	// the incident was not at this level then (nor missed it, nor logs it at a time gone). But a deadline already due
	// when the level changed, and due by the new level's own time too, has been due all along: it stays due since it
	// first fell due. A raise does not turn an overdue escalation into one "due now", nor does a lowering when the
	// laxer level's time is past too. Without `levels`, earlier levels are unknown and the current one's rule holds.
	const changes = incident.events.filter((e) => e.kind === 'severity').sort((a, b) => a.at - b.at);
	const held = [incident.events.find((e) => e.kind === 'declared'), ...changes].map((e, i) => ({
		level: i === changes.length ? level : levels.find((l) => l.id === e?.value),
		from: Math.max(detectedAt, i ? e!.at : 0),
	}));
	/** When a deadline `minutesAt(level)` after `from` falls due (undefined: that level does not ask for it). */
	const dueAt = (from: number, minutesAt: (l: ClockLevel) => number | undefined): number => {
		let due: number | undefined;
		held.forEach(({ level: l, from: start }, i) => {
			const m = l && minutesAt(l);
			const own = m === undefined ? Infinity : from + m * MINUTE;
			// Due at the change, and due too by the new level's own time: due all along, since it first fell due. Else
			// it falls due at the new level's time, not before the level was set (nor at all if the level does not ask).
			if (due === undefined || own >= start) {
				const at = Math.max(own, start);
				due = at < (held[i + 1]?.from ?? Infinity) ? at : undefined;
			}
		});
		return due!;
	};

	// The response is the declaration (firstResponseAt): judged by the level declared, when it is known.
	const declared = held[0]!.level;
	const responseAt = declared ? detectedAt + declared.responseTime * MINUTE : dueAt(detectedAt, (l) => l.responseTime);
	const responded = firstResponseAt(incident);
	list.push({
		id: 'response',
		kind: 'response',
		label: 'Response target',
		detail: `Respond within ${formatMinutes((declared ?? level).responseTime)} of detection`,
		at: responseAt,
		state: responded <= responseAt ? 'done' : 'missed',
		doneAt: responded,
	});

	const firstEscalation = incident.events.find((e) => e.kind === 'escalation' && e.value?.startsWith('rung:'))?.at;
	const escalateAt = dueAt(detectedAt, (l) => l.escalateAfter);
	list.push({
		id: 'escalate',
		kind: 'escalate',
		label: 'Escalate',
		detail: `${level.id}: escalate if not resolved in ${formatMinutes(level.escalateAfter)}`,
		at: escalateAt,
		...(firstEscalation === undefined ? { state: timed(escalateAt, now, resolvedAt) } : { state: 'done', doneAt: firstEscalation }),
	});

	const [responder] = [...ladder].sort((a, b) => a.level - b.level);
	if (responder)
		list.push({
			id: `rung:${responder.id}`,
			kind: 'rung',
			label: responder.role,
			// Brought in by the declaration itself, whatever else the path says of it: what the playbook notes of the role.
			detail: responder.note ?? '',
			at: detectedAt,
			state: 'done',
			doneAt: rungDoneAt(incident, ladder, responder.id) ?? declaredAt,
		});
	for (const planned of escalationPlan(ladder, level)) {
		const { rung } = planned;
		const base = {
			id: `rung:${rung.id}`,
			kind: 'rung' as const,
			label: rung.role,
			detail: `At ${level.id}: ${describePlannedRung(planned)}`,
		};
		if (!conditionHolds(rung, incident.scenarios)) {
			list.push({ ...base, state: 'conditional' });
			continue;
		}
		// Brought by a scenario, it counts from when the incident was given one that brings it: chosen when declaring,
		// from detection; added later, from then (its timeline line; the last, if it was taken away and added again).
		const since =
			rung.condition === undefined
				? detectedAt
				: Math.min(
						...incident.scenarios
							.filter((id) => rung.scenarios?.includes(id))
							.map((id) => incident.events.findLast((e) => e.value === scenarioAdded(id))?.at ?? detectedAt),
					);
		const at = dueAt(since, (l) => {
			const p = escalationPlan(ladder, l).find((p) => p.rung.id === rung.id);
			return p && (p.after ?? 0);
		});
		const done = rungDoneAt(incident, ladder, rung.id);
		list.push({ ...base, at, ...(done === undefined ? { state: timed(at, now, resolvedAt) } : { state: 'done', doneAt: done }) });
	}

	if (resolvedAt === undefined) {
		const lastUpdate = Math.max(declaredAt, ...incident.events.filter((e) => e.kind === 'message').map((e) => e.at));
		// A status changed since then is news the last update did not carry: the next one is due at once. The level's
		// cadence counts from the last update, but not to a time before the level was set.
		const at = Math.min(
			dueAt(lastUpdate, (l) => l.updateEvery),
			...incident.events.filter((e) => e.kind === 'status' && e.at > lastUpdate).map((e) => e.at),
		);
		list.push({
			id: 'update',
			kind: 'update',
			label: 'Next status update',
			detail: `Every ${formatMinutes(level.updateEvery)} at ${level.id}`,
			at,
			state: timed(at, now, undefined),
		});
	}
	return list.sort((a, b) => (a.at ?? Infinity) - (b.at ?? Infinity));
}

/**
 * How a deadline falling due is recorded on the timeline (and notified): once per deadline, and once per
 * status update falling due, as each update comes round again.
 */
export const dueValue = (d: Pick<Deadline, 'id' | 'kind' | 'at'>): string => `due:${d.id}${d.kind === 'update' ? `@${d.at}` : ''}`;

/** The deadline to show first: the most pressing one still open. */
export function nextDeadline<D extends Deadline>(list: readonly D[]): D | undefined {
	const open = list.filter((d) => d.state === 'overdue' || d.state === 'due' || d.state === 'upcoming');
	return open.find((d) => d.state === 'overdue') ?? open.find((d) => d.state === 'due') ?? open[0];
}

/**
 * A span as a ticking clock shows it, with its units so it cannot be misread: "20 s",
 * "4 min 05 s", "1 h 04 min" (past an hour, minutes are what matter). `byMinute`: "4 min", the
 * seconds only under a minute (how overdue a deadline is, beside whom it is for).
 */
export function formatClock(ms: number, byMinute = false): string {
	const total = Math.floor(Math.abs(ms) / 1000);
	const [h, m, s] = [Math.floor(total / 3600), Math.floor(total / 60) % 60, total % 60];
	const pad = (n: number) => String(n).padStart(2, '0');
	return h ? `${h} h ${pad(m)} min` : m ? `${m} min${byMinute ? '' : ` ${pad(s)} s`}` : `${s} s`;
}

/** A time of day in UTC, as messages and exports use it: "14:02 UTC". */
export function formatUtcTime(at: number): string {
	return `${new Date(at).toISOString().slice(11, 16)} UTC`;
}
