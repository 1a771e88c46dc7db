/**
 * The severities an incident went through and for how long: what the post-mortem, the course
 * chart, the metrics and the drills' score all read, kept apart from the post-mortem's tables so a
 * page that only counts does not load them.
 */
import { severityById, type ClientSeverity } from './clientPlaybook.ts';
import type { ShownIncident } from './storageRead.ts';

/** What the periods are read from: an incident as stored, validated (state.ts) or as pages show it (storageRead.ts). */
export type PeriodIncident = Pick<ShownIncident, 'severity' | 'detectedAt' | 'resolvedAt' | 'events'>;

/** One stretch of time the incident spent at one severity. */
export interface SeverityPeriod {
	severity: string;
	from: number;
	to: number;
}

/** Where the incident ends for the post-mortem: its resolution, or now while it is open. */
export function incidentEnd(incident: Pick<PeriodIncident, 'resolvedAt'>, now: number): number {
	return incident.resolvedAt ?? now;
}

/**
 * The severities the incident went through, from detection to its end, read from the declared
 * severity and the `severity` events. Adjacent stretches at one level are joined; empty ones dropped.
 */
export function severityPeriods(incident: PeriodIncident, now: number): SeverityPeriod[] {
	const start = incident.detectedAt;
	const end = Math.max(start, incidentEnd(incident, now));
	const clamp = (at: number) => Math.min(end, Math.max(start, at));
	const changes = incident.events.filter((e) => e.kind === 'severity' && e.value !== undefined).sort((a, b) => a.at - b.at);
	let current = incident.events.find((e) => e.kind === 'declared')?.value ?? incident.severity;
	let cursor = start;
	const stretches: SeverityPeriod[] = [];
	for (const change of changes) {
		const at = clamp(change.at);
		stretches.push({ severity: current, from: cursor, to: at });
		cursor = at;
		current = change.value ?? current;
	}
	stretches.push({ severity: current, from: cursor, to: end });
	// A change logged after resolution makes an empty stretch at a level never really held.
	const held = stretches.filter((p) => p.to > p.from);
	const periods: SeverityPeriod[] = [];
	for (const period of held.length > 0 ? held : stretches.slice(-1)) {
		const last = periods.at(-1);
		if (last?.severity === period.severity) last.to = period.to;
		else periods.push({ ...period });
	}
	return periods;
}

/** "P0 Critical", or the bare id for a level the playbook no longer has. */
export function severityLabel(severities: readonly Pick<ClientSeverity, 'id' | 'name'>[], id: string): string {
	const level = severityById(severities, id);
	return level ? `${level.id} ${level.name}` : id;
}

/** The most severe level the incident reached (lowest rank), which is what a post-mortem reports it as. */
export function peakSeverity(incident: PeriodIncident, severities: readonly Pick<ClientSeverity, 'id' | 'rank'>[], now: number): string {
	const rank = (id: string) => severityById(severities, id)?.rank ?? Number.POSITIVE_INFINITY;
	return severityPeriods(incident, now).reduce((peak, p) => (rank(p.severity) < rank(peak) ? p.severity : peak), incident.severity);
}

const MINUTE = 60_000;

/**
 * The span between two times as messages show them, to the minute: "03:00 UTC to 04:20 UTC" is
 * 1 h 20 min whatever their seconds, so a reader who subtracts the times finds the duration given,
 * and the spans of periods that share their ends add up to the whole. `unit` a second: to the second.
 */
export function shownSpan(from: number, to: number, unit: number = MINUTE): number {
	return Math.max(0, Math.floor(to / unit) - Math.floor(from / unit)) * unit;
}

/** How long from one time to another as messages say it: in the minutes shown, or in seconds under a minute. */
export function shownDuration(from: number, to: number): number {
	return to - from < MINUTE ? Math.max(0, to - from) : shownSpan(from, to);
}
