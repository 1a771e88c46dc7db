/**
 * Figures across incidents, computed in the browser from the incident records alone: how long it
 * took to declare, to send the first message, to mitigate and to resolve, the time spent at each
 * level, and whether the playbook's targets were met. Drills never count.
 */
import { severityById, type ClientSeverity } from './clientPlaybook.ts';
import { firstResponseAt, type ClockLevel } from './clocks.ts';
import { peakSeverity, severityPeriods } from './severityPeriods.ts';
import type { ShownIncident } from './storageRead.ts';
import { updateCadence, type Cadence } from './updateCadence.ts';
import type { Status } from '../schemas/site.ts';

const MINUTE = 60_000;

/** The levels the figures need: the clocks' fields and the rank that orders them. */
export type MetricsLevel = ClockLevel & Pick<ClientSeverity, 'name' | 'rank'>;

/**
 * What the figures read of an incident: as stored and validated (state.ts), or as pages show it
 * (storageRead.ts), which the metrics page reads without the store's schemas.
 */
export type MetricsIncident = Pick<
	ShownIncident,
	'id' | 'title' | 'severity' | 'drill' | 'detectedAt' | 'declaredAt' | 'resolvedAt' | 'events'
>;

/** The statuses the figures need: which one closes, and which mean the impact stopped. */
export type MetricsStatus = Pick<Status, 'id' | 'closes'> & { mitigates?: boolean | undefined };

/** The level in force at a time, read from the incident's severity history. */
export function levelAt<T extends { id: string }>(
	incident: MetricsIncident,
	severities: readonly T[],
	now: number,
): (at: number) => T | undefined {
	const periods = severityPeriods(incident, now);
	return (at) => {
		const period = periods.find((p) => at >= p.from && at < p.to) ?? (at < (periods[0]?.from ?? 0) ? periods[0] : periods.at(-1));
		return period ? severityById(severities, period.severity) : undefined;
	};
}

/** The figures of one incident. Spans are milliseconds from detection; undefined when not reached. */
export interface IncidentFigures {
	id: string;
	title: string;
	/** The most severe level reached. */
	severity: string;
	detectedAt: number;
	toDeclare: number;
	toFirstMessage?: number | undefined;
	toMitigate?: number | undefined;
	toResolve?: number | undefined;
	/** Milliseconds spent at each level, by severity id. */
	atLevel: Record<string, number>;
	/** Someone was working on it within the response target of the declared level (undefined: not yet known). */
	responseMet?: boolean | undefined;
	/** Resolved within "escalate after" of its most severe level (undefined while open). */
	resolvedInTime?: boolean | undefined;
	updates: Cadence;
}

/** The first time the incident reached a status that means the impact stopped (or resolution). */
export function mitigatedAt(incident: MetricsIncident, statuses: readonly MetricsStatus[]): number | undefined {
	const stops = statuses.filter((s) => s.mitigates || s.closes).map((s) => s.id);
	const at = incident.events.find((e) => e.kind === 'status' && e.value !== undefined && stops.includes(e.value))?.at;
	return at ?? incident.resolvedAt;
}

/** The figures of one incident at `now` (open incidents are measured up to now). */
export function incidentFigures(
	incident: MetricsIncident,
	severities: readonly MetricsLevel[],
	statuses: readonly MetricsStatus[],
	now: number,
): IncidentFigures {
	const { detectedAt, resolvedAt } = incident;
	const end = resolvedAt ?? now;
	const declared = incident.events.find((e) => e.kind === 'declared')?.value ?? incident.severity;
	const peak = peakSeverity(incident, severities, now);
	const since = (at: number | undefined) => (at === undefined ? undefined : Math.max(0, at - detectedAt));
	const atLevel: Record<string, number> = {};
	for (const p of severityPeriods(incident, now)) atLevel[p.severity] = (atLevel[p.severity] ?? 0) + (p.to - p.from);
	const declaredLevel = severityById(severities, declared);
	const responded = firstResponseAt(incident);
	const responseAt = declaredLevel ? detectedAt + declaredLevel.responseTime * MINUTE : undefined;
	const responseMet =
		responseAt === undefined ? undefined : responded !== undefined ? responded <= responseAt : end > responseAt ? false : undefined;
	const peakLevel = severityById(severities, peak);
	const mitigated = mitigatedAt(incident, statuses);
	return {
		id: incident.id,
		title: incident.title,
		severity: peak,
		detectedAt,
		toDeclare: Math.max(0, incident.declaredAt - detectedAt),
		toFirstMessage: since(incident.events.find((e) => e.kind === 'message')?.at),
		toMitigate: since(mitigated),
		toResolve: since(resolvedAt),
		atLevel,
		responseMet,
		resolvedInTime: resolvedAt === undefined || !peakLevel ? undefined : resolvedAt - detectedAt <= peakLevel.escalateAfter * MINUTE,
		updates: updateCadence(incident, levelAt(incident, severities, now), end),
	};
}

/** The median of some numbers (undefined for none). */
export function median(values: readonly (number | undefined)[]): number | undefined {
	const known = values.filter((v): v is number => v !== undefined).sort((a, b) => a - b);
	if (known.length === 0) return undefined;
	const mid = Math.floor(known.length / 2);
	return known.length % 2 === 1 ? known[mid] : ((known[mid - 1] ?? 0) + (known[mid] ?? 0)) / 2;
}

/** How many of some yes/no outcomes were yes, of those known. */
export interface Share {
	met: number;
	known: number;
}
const share = (values: readonly (boolean | undefined)[]): Share => ({
	met: values.filter((v) => v === true).length,
	known: values.filter((v) => v !== undefined).length,
});

/** Figures of a group of incidents (one severity, or one month). */
export interface GroupFigures {
	/** Severity id, or month "2026-11". */
	key: string;
	incidents: number;
	toDeclare?: number | undefined;
	toFirstMessage?: number | undefined;
	toMitigate?: number | undefined;
	toResolve?: number | undefined;
	/** Total time all incidents spent at this level (by severity only). */
	atLevel?: number | undefined;
	response: Share;
	resolvedInTime: Share;
	/** Updates on cadence: met = on time, known = due. */
	updates: Share;
}

function group(key: string, rows: readonly IncidentFigures[], atLevel?: number): GroupFigures {
	return {
		key,
		incidents: rows.length,
		toDeclare: median(rows.map((r) => r.toDeclare)),
		toFirstMessage: median(rows.map((r) => r.toFirstMessage)),
		toMitigate: median(rows.map((r) => r.toMitigate)),
		toResolve: median(rows.map((r) => r.toResolve)),
		...(atLevel === undefined ? {} : { atLevel }),
		response: share(rows.map((r) => r.responseMet)),
		resolvedInTime: share(rows.map((r) => r.resolvedInTime)),
		updates: rows.reduce((sum, r) => ({ met: sum.met + r.updates.due - r.updates.late, known: sum.known + r.updates.due }), {
			met: 0,
			known: 0,
		}),
	};
}

/** Everything the metrics page shows. */
export interface Metrics {
	incidents: IncidentFigures[];
	/** By most severe level reached, most severe first; time at each level summed over every incident. */
	bySeverity: GroupFigures[];
	/** By month of detection (UTC), oldest first. */
	byMonth: GroupFigures[];
	/** Drills seen and left out. */
	drillsLeftOut: number;
}

/** The metrics of some incidents: real incidents only, oldest first. */
export function computeMetrics(
	incidents: readonly MetricsIncident[],
	severities: readonly MetricsLevel[],
	statuses: readonly MetricsStatus[],
	now: number,
): Metrics {
	const real = incidents.filter((i) => !i.drill).sort((a, b) => a.detectedAt - b.detectedAt);
	const rows = real.map((i) => incidentFigures(i, severities, statuses, now));
	const rank = (id: string) => severityById(severities, id)?.rank ?? Number.POSITIVE_INFINITY;
	const levels = [...new Set(rows.flatMap((r) => [r.severity, ...Object.keys(r.atLevel)]))].sort(
		(a, b) => rank(a) - rank(b) || a.localeCompare(b),
	);
	const month = (at: number) => new Date(at).toISOString().slice(0, 7);
	const months = [...new Set(rows.map((r) => month(r.detectedAt)))].sort();
	return {
		incidents: rows,
		bySeverity: levels.map((id) =>
			group(
				id,
				rows.filter((r) => r.severity === id),
				rows.reduce((sum, r) => sum + (r.atLevel[id] ?? 0), 0),
			),
		),
		byMonth: months.map((m) =>
			group(
				m,
				rows.filter((r) => month(r.detectedAt) === m),
			),
		),
		drillsLeftOut: incidents.length - real.length,
	};
}

/** Incidents from several sources, each id once (the first source wins: this browser before files). */
export function uniqueIncidents<T extends MetricsIncident>(...sources: readonly (readonly T[])[]): T[] {
	const seen = new Map<string, T>();
	for (const incident of sources.flat()) if (!seen.has(incident.id)) seen.set(incident.id, incident);
	return [...seen.values()];
}
