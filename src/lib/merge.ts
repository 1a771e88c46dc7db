/**
 * Merge two versions of the stored state, e.g. this tab's and another tab's, so that neither
 * loses what it recorded: ticks merge per step (the newer change wins), timeline events are
 * united, incident fields merge per field (the newer edit wins), deletions win over old copies.
 */
import type { Incident, State, Ticks, TimelineEvent } from './state';

function mergeTicks(a: Ticks, b: Ticks): Ticks {
	const merged: Ticks = { ...a };
	for (const [key, tick] of Object.entries(b)) {
		const other = merged[key];
		if (!other || tick.changedAt >= other.changedAt) merged[key] = tick;
	}
	return merged;
}

function mergeEvents(a: TimelineEvent[], b: TimelineEvent[]): TimelineEvent[] {
	const byId = new Map(a.map((e) => [e.id, e]));
	for (const e of b) byId.set(e.id, e);
	return [...byId.values()].sort((x, y) => x.at - y.at || x.id.localeCompare(y.id));
}

/** Fields merged as whole values, each by its own clock entry. */
const FIELDS = ['title', 'severity', 'status', 'impact', 'services', 'onCall', 'commander', 'detectedAt', 'scenarios'] as const;

function mergeIncident(a: Incident, b: Incident): Incident {
	const newer = (field: string) => (b.clock[field] ?? 0) >= (a.clock[field] ?? 0) ? b : a;
	const merged: Incident = { ...a, ticks: mergeTicks(a.ticks, b.ticks), events: mergeEvents(a.events, b.events) };
	for (const field of FIELDS) Object.assign(merged, { [field]: newer(field)[field] });
	const resolvedAt = newer('resolvedAt').resolvedAt;
	if (resolvedAt === undefined) delete merged.resolvedAt;
	else merged.resolvedAt = resolvedAt;
	const postMortem = { ...a.postMortem };
	for (const key of Object.keys(postMortem) as (keyof Incident['postMortem'])[]) {
		Object.assign(postMortem, { [key]: newer(`postMortem.${key}`).postMortem[key] });
	}
	const typed = { ...a.typed };
	for (const key of new Set([...Object.keys(typed), ...Object.keys(b.typed ?? {})])) {
		const value = newer(`typed.${key}`).typed?.[key];
		if (value !== undefined) typed[key] = value;
	}
	if (Object.keys(typed).length > 0) merged.typed = typed;
	const clock = { ...a.clock };
	for (const [key, at] of Object.entries(b.clock)) clock[key] = Math.max(at, clock[key] ?? 0);
	return { ...merged, postMortem, clock };
}

/** Merge two states; `b` is the one read most recently (it wins ties). */
export function mergeState(a: State, b: State): State {
	const deleted = { ...a.deleted };
	for (const [id, at] of Object.entries(b.deleted)) deleted[id] = Math.max(at, deleted[id] ?? 0);
	const incidents = new Map<string, Incident>();
	for (const incident of [...a.incidents, ...b.incidents]) {
		if (deleted[incident.id] !== undefined) continue;
		const seen = incidents.get(incident.id);
		incidents.set(incident.id, seen ? mergeIncident(seen, incident) : incident);
	}
	const active = b.activeAt >= a.activeAt ? b : a;
	const activeId = active.activeId !== null && deleted[active.activeId] !== undefined ? null : active.activeId;
	return {
		activeId,
		activeAt: Math.max(a.activeAt, b.activeAt),
		incidents: [...incidents.values()].sort((x, y) => y.declaredAt - x.declaredAt),
		deleted,
		scratch: mergeTicks(a.scratch, b.scratch),
		responder: b.responder || a.responder,
		...((b.messageFormat ?? a.messageFormat) ? { messageFormat: b.messageFormat ?? a.messageFormat } : {}),
	};
}
