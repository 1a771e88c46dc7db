import type { EscalationStep } from '../schemas/escalation';
import { formatMinutes } from './format';

/** Does this rung of the path apply at this severity? */
export function rungApplies(rung: Pick<EscalationStep, 'severities'>, severityId: string): boolean {
	return rung.severities === undefined || rung.severities.includes(severityId);
}

/** Does a conditional rung's condition hold for an incident tagged with these scenarios? */
export function conditionHolds(rung: Pick<EscalationStep, 'condition' | 'scenarios'>, scenarioIds: readonly string[]): boolean {
	if (rung.condition === undefined) return true;
	return (rung.scenarios ?? []).some((id) => scenarioIds.includes(id));
}

/** When a rung is brought in, in words: "If P0/P1 unresolved in 1 hour", "If P0 data breach/security incident". */
export function describeRung(rung: EscalationStep): string {
	const levels = rung.severities ? `${rung.severities.join('/')} ` : '';
	if (rung.after !== undefined) return `If ${levels}unresolved in ${formatMinutes(rung.after)}`;
	if (rung.condition !== undefined) return `If ${levels}${rung.condition}`;
	return rung.note ?? '';
}

/** The rungs above the first responder that a severity can reach: who that level escalates to. */
export function escalatesTo(ladder: readonly EscalationStep[], severityId: string): EscalationStep[] {
	const [first, ...rest] = [...ladder].sort((a, b) => a.level - b.level);
	return first ? rest.filter((rung) => rungApplies(rung, severityId)) : [];
}
