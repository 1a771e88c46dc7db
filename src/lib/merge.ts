/**
 * Merge two versions of the stored state, e.g. this tab's and another tab's, so that neither
 * loses what it recorded: ticks merge per step (the newer change wins), timeline events are
 * united, incident fields merge per field (the newer edit wins), action items per item and per
 * field (so two tabs typing in different items or fields keep every keystroke), deletions win
 * over old copies. Ids are read as own properties only: an incident called "constructor" or
 * "__proto__" is an incident like any other.
 */
import type { ActionItem, Incident, PostMortem, State, Ticks, TimelineEvent } from './state';

const own = <T>(record: Record<string, T>, key: string): T | undefined => (Object.hasOwn(record, key) ? record[key] : undefined);

/** Set a key as an own property whatever it is ("__proto__" included); returns the record. */
export function setOwn<T>(record: Record<string, T>, key: string, value: T): Record<string, T> {
	Object.defineProperty(record, key, { value, writable: true, enumerable: true, configurable: true });
	return record;
}

/** A record with one more key, set as an own property whatever the key. */
export function withKey<T>(record: Record<string, T>, key: string, value: T): Record<string, T> {
	return setOwn(Object.fromEntries(Object.entries(record)), key, value);
}

function mergeTicks(a: Ticks, b: Ticks): Ticks {
	const merged: Ticks = Object.fromEntries(Object.entries(a));
	for (const [key, tick] of Object.entries(b)) {
		const other = own(merged, key);
		if (!other || tick.changedAt >= other.changedAt) setOwn(merged, key, tick);
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
const ITEM_FIELDS = ['item', 'owner', 'due', 'done'] as const;

/** Clock key of one field of one action item ("removed" marks its removal). */
export function actionItemClock(itemId: string, field: (typeof ITEM_FIELDS)[number] | 'removed'): string {
	return `postMortem.actionItems.${itemId}.${field}`;
}

function mergeActionItems(a: Incident, b: Incident): ActionItem[] {
	const clockOf = (incident: Incident, key: string) => own(incident.clock, key) ?? own(incident.clock, 'postMortem.actionItems') ?? 0;
	const fromA = new Map(a.postMortem.actionItems.map((item) => [item.id, item]));
	const fromB = new Map(b.postMortem.actionItems.map((item) => [item.id, item]));
	const ids = [...new Set([...fromA.keys(), ...fromB.keys()])];
	const removedAt = (id: string) => Math.max(own(a.clock, actionItemClock(id, 'removed')) ?? 0, own(b.clock, actionItemClock(id, 'removed')) ?? 0);
	const merged: ActionItem[] = [];
	for (const id of ids) {
		const left = fromA.get(id);
		const right = fromB.get(id);
		if (removedAt(id) > 0) continue;
		if (!left || !right) {
			merged.push((left ?? right)!);
			continue;
		}
		const item = { ...left };
		for (const field of ITEM_FIELDS) {
			const key = actionItemClock(id, field);
			if (clockOf(b, key) >= clockOf(a, key)) Object.assign(item, { [field]: right[field] });
		}
		merged.push(item);
	}
	return merged;
}

function mergeIncident(a: Incident, b: Incident): Incident {
	const newer = (field: string) => ((own(b.clock, field) ?? 0) >= (own(a.clock, field) ?? 0) ? b : a);
	const merged: Incident = { ...a, ticks: mergeTicks(a.ticks, b.ticks), events: mergeEvents(a.events, b.events) };
	for (const field of FIELDS) Object.assign(merged, { [field]: newer(field)[field] });
	const resolvedAt = newer('resolvedAt').resolvedAt;
	if (resolvedAt === undefined) delete merged.resolvedAt;
	else merged.resolvedAt = resolvedAt;
	const postMortem: PostMortem = { ...a.postMortem };
	for (const key of Object.keys(postMortem) as (keyof PostMortem)[]) {
		if (key !== 'actionItems') Object.assign(postMortem, { [key]: newer(`postMortem.${key}`).postMortem[key] });
	}
	postMortem.actionItems = mergeActionItems(a, b);
	const clock = Object.fromEntries(Object.entries(a.clock));
	for (const [key, at] of Object.entries(b.clock)) setOwn(clock, key, Math.max(at, own(clock, key) ?? 0));
	return { ...merged, postMortem, clock };
}

/** Merge two states; `b` is the one read most recently (it wins ties). */
export function mergeState(a: State, b: State): State {
	const deleted = Object.fromEntries(Object.entries(a.deleted));
	for (const [id, at] of Object.entries(b.deleted)) setOwn(deleted, id, Math.max(at, own(deleted, id) ?? 0));
	const incidents = new Map<string, Incident>();
	for (const incident of [...a.incidents, ...b.incidents]) {
		if (Object.hasOwn(deleted, incident.id)) continue;
		const seen = incidents.get(incident.id);
		incidents.set(incident.id, seen ? mergeIncident(seen, incident) : incident);
	}
	const active = b.activeAt >= a.activeAt ? b : a;
	const activeId = active.activeId !== null && Object.hasOwn(deleted, active.activeId) ? null : active.activeId;
	return {
		activeId,
		activeAt: Math.max(a.activeAt, b.activeAt),
		incidents: [...incidents.values()].sort((x, y) => y.declaredAt - x.declaredAt),
		deleted,
		scratch: mergeTicks(a.scratch, b.scratch),
		responder: b.responder || a.responder,
	};
}
