/**
 * Merge two versions of the stored state, e.g. this tab's and another tab's, so that neither
 * loses what it recorded: ticks merge per step (the newer change wins), timeline events are
 * united, incident fields merge per field (the newer edit wins), scenarios per scenario (two
 * runbooks worked at once both count), action items per item and per field (so two tabs typing in
 * different items or fields keep every keystroke), deletions win over copies older than them (an
 * incident imported again since stays). Records are read through Maps, never by property: an incident called
 * "constructor" or "__proto__" is an incident like any other.
 */
import type { ActionItem, Incident, State, Ticks, TimelineEvent } from './state.ts';

/** Two records as one; where both have a key, `pick` chooses the value. */
function mergeRecords<T>(a: Record<string, T>, b: Record<string, T>, pick: (mine: T, theirs: T) => T): Record<string, T> {
	const merged = new Map(Object.entries(a));
	for (const [key, value] of Object.entries(b)) {
		const mine = merged.get(key);
		merged.set(key, mine === undefined ? value : pick(mine, value));
	}
	return Object.fromEntries(merged);
}

const mergeTicks = (a: Ticks, b: Ticks): Ticks =>
	mergeRecords(a, b, (mine, theirs) => (theirs.changedAt >= mine.changedAt ? theirs : mine));

function mergeEvents(a: TimelineEvent[], b: TimelineEvent[]): TimelineEvent[] {
	const byId = new Map(a.map((e) => [e.id, e]));
	// One event in two versions (a note line rewritten in one tab): the later one.
	for (const e of b) {
		const seen = byId.get(e.id);
		if (!seen || seen.at <= e.at) byId.set(e.id, e);
	}
	return [...byId.values()].sort((x, y) => x.at - y.at || x.id.localeCompare(y.id));
}

/** Fields merged as whole values, each by its own clock entry. */
const FIELDS = ['title', 'severity', 'status', 'impact', 'services', 'onCall', 'commander', 'detectedAt', 'resolvedAt'] as const;
const POST_MORTEM = ['rootCause', 'resolution', 'usersAffected', 'revenueImpact', 'dataImpact', 'lessons'] as const;
const ITEM_FIELDS = ['item', 'owner', 'due', 'done'] as const;

/**
 * Clock key of one scenario of an incident: when it was last added or taken away. Scenarios merge one by one, so two
 * tabs adding different ones (two runbooks worked at once) keep both. Data from before falls back on the whole list's.
 */
export const scenarioClock = (scenario: string): string => `scenarios.${scenario}`;

/** Clock key of one field of one action item ("removed" marks its removal). */
export function actionItemClock(itemId: string, field: (typeof ITEM_FIELDS)[number] | 'removed'): string {
	return `postMortem.actionItems.${itemId}.${field}`;
}

function mergeIncident(a: Incident, b: Incident): Incident {
	const clockA = new Map(Object.entries(a.clock));
	const clockB = new Map(Object.entries(b.clock));
	// Action items of data from before per-item clocks fall back on the whole list's entry.
	const at = (clock: Map<string, number>, key: string) =>
		clock.get(key) ?? (key.startsWith('postMortem.actionItems.') ? clock.get('postMortem.actionItems') : 0) ?? 0;
	const bWins = (key: string) => at(clockB, key) >= at(clockA, key);
	const merged: Incident = { ...a, ticks: mergeTicks(a.ticks, b.ticks), events: mergeEvents(a.events, b.events) };
	for (const field of FIELDS) Object.assign(merged, { [field]: (bWins(field) ? b : a)[field] });
	// Each scenario either side holds, as the side that added or took it away last has it.
	const scenarioAt = (clock: Map<string, number>, id: string) => clock.get(scenarioClock(id)) ?? clock.get('scenarios') ?? 0;
	merged.scenarios = [...new Set([...a.scenarios, ...b.scenarios])].filter((id) =>
		(scenarioAt(clockB, id) >= scenarioAt(clockA, id) ? b : a).scenarios.includes(id),
	);
	if (merged.resolvedAt === undefined) delete merged.resolvedAt;
	const postMortem = { ...a.postMortem };
	for (const key of POST_MORTEM) postMortem[key] = (bWins(`postMortem.${key}`) ? b : a).postMortem[key];
	const items = new Map(a.postMortem.actionItems.map((item) => [item.id, item]));
	for (const item of b.postMortem.actionItems) {
		const mine = items.get(item.id);
		const theirs = ITEM_FIELDS.filter((field) => bWins(actionItemClock(item.id, field))).map((field) => [field, item[field]]);
		items.set(item.id, mine ? ({ ...mine, ...Object.fromEntries(theirs) } as ActionItem) : item);
	}
	postMortem.actionItems = [...items.values()].filter(
		(item) => !clockA.has(actionItemClock(item.id, 'removed')) && !clockB.has(actionItemClock(item.id, 'removed')),
	);
	const typed: Record<string, string> = { ...a.typed };
	for (const key of new Set([...Object.keys(typed), ...Object.keys(b.typed ?? {})])) {
		const value = (bWins(`typed.${key}`) ? b : a).typed?.[key];
		if (value !== undefined) typed[key] = value;
	}
	if (Object.keys(typed).length > 0) merged.typed = typed;
	return { ...merged, postMortem, clock: mergeRecords(a.clock, b.clock, Math.max) };
}

/** Clock key of an incident's import: a deletion older than it does not take the incident away. */
export const IMPORTED_CLOCK = 'imported';

/** Merge two states; `b` is the one read most recently (it wins ties). */
export function mergeState(a: State, b: State): State {
	const deletedAt = new Map(Object.entries(mergeRecords(a.deleted, b.deleted, Math.max)));
	const incidents = new Map<string, Incident>();
	for (const incident of [...a.incidents, ...b.incidents]) {
		const seen = incidents.get(incident.id);
		incidents.set(incident.id, seen ? mergeIncident(seen, incident) : incident);
	}
	// A deletion takes away every copy it could have seen, a stale tab's included; an incident imported
	// again after it (a file downloaded before) is back, and its deletion forgotten, in every tab.
	for (const [id, incident] of incidents) {
		const deleted = deletedAt.get(id);
		if (deleted === undefined) continue;
		if (deleted >= (incident.clock[IMPORTED_CLOCK] ?? -Infinity)) incidents.delete(id);
		else deletedAt.delete(id);
	}
	const active = b.activeAt >= a.activeAt ? b : a;
	const gone = active.activeId !== null && deletedAt.has(active.activeId);
	return {
		activeId: gone ? null : active.activeId,
		activeAt: Math.max(a.activeAt, b.activeAt),
		incidents: [...incidents.values()].sort((x, y) => y.declaredAt - x.declaredAt),
		deleted: Object.fromEntries(deletedAt),
		scratch: mergeTicks(a.scratch, b.scratch),
		responder: b.responder || a.responder,
		...((b.messageFormat ?? a.messageFormat) ? { messageFormat: b.messageFormat ?? a.messageFormat } : {}),
	};
}
