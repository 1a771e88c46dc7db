import type { EscalationStep } from '../schemas/escalation.ts';
import { formatMinutes } from './format.ts';

/** Does this rung of the path apply at this severity? */
export function rungApplies(rung: Pick<EscalationStep, 'severities'>, severityId: string): boolean {
	return rung.severities === undefined || rung.severities.includes(severityId);
}

/** What a rung's being done is read from: the incident's declaration and its escalations ("rung:<id>"). */
export interface RungRecord {
	declaredAt: number;
	events: readonly { kind: string; at: number; value?: string | undefined }[];
}

/**
 * When a rung was brought in, undefined while it has not been (or is not on the path): the first
 * responder (the lowest level) by the declaration, any other rung when its escalation was logged.
 * The one rule of the workspace's deadlines and the post-mortem's skipped steps.
 */
export function rungDoneAt(incident: RungRecord, ladder: readonly Pick<EscalationStep, 'id' | 'level'>[], id: string): number | undefined {
	const [first] = [...ladder].sort((a, b) => a.level - b.level);
	if (first?.id === id) return incident.declaredAt;
	if (!ladder.some((rung) => rung.id === id)) return undefined;
	return incident.events.find((e) => e.kind === 'escalation' && e.value === `rung:${id}`)?.at;
}

/** A scenario given to an incident after its declaration, as its timeline line names it (the line's value). */
export const scenarioAdded = (id: string): string => `scenario:${id}`;

/** Does a conditional rung's condition hold for an incident tagged with these scenarios? */
export function conditionHolds(rung: Pick<EscalationStep, 'condition' | 'scenarios'>, scenarioIds: readonly string[]): boolean {
	if (rung.condition === undefined) return true;
	return (rung.scenarios ?? []).some((id) => scenarioIds.includes(id));
}

/** The rungs above the first responder that a severity can reach: who that level escalates to. */
export function escalatesTo(ladder: readonly EscalationStep[], severityId: string): EscalationStep[] {
	const [first, ...rest] = [...ladder].sort((a, b) => a.level - b.level);
	return first ? rest.filter((rung) => rungApplies(rung, severityId)) : [];
}

/** One rung as a level reaches it: minutes after detection, or when its condition holds. */
export interface PlannedRung {
	rung: EscalationStep;
	/** Minutes after detection the rung falls due; absent for a rung brought in when its condition holds. */
	after?: number;
}

/**
 * How the path and a level's timing combine: a rung above the first responder is brought in once
 * the incident has been unresolved for the level's "escalate after", and for the rung's own
 * `after` when it has one (whichever is later). A rung with a condition and no `after` is brought
 * in as soon as its condition holds. Rungs that do not apply at the level are left out.
 */
export function escalationPlan(ladder: readonly EscalationStep[], level: { id: string; escalateAfter: number }): PlannedRung[] {
	return escalatesTo(ladder, level.id).map((rung) =>
		rung.condition !== undefined && rung.after === undefined ? { rung } : { rung, after: Math.max(level.escalateAfter, rung.after ?? 0) },
	);
}

/** When a level brings a rung in, in words: "if unresolved after 15 minutes", "if data breach/security incident". */
export function describePlannedRung(planned: PlannedRung): string {
	const { rung, after } = planned;
	if (after === undefined) return `if ${rung.condition ?? 'needed'}`;
	return rung.condition === undefined
		? `if unresolved after ${formatMinutes(after)}`
		: `if ${rung.condition} and unresolved after ${formatMinutes(after)}`;
}
