/**
 * What the classifier and the playbook's pages say of a level and its path, in words. Apart from format.ts and
 * escalationLadder.ts, which the incident bar's clocks import: what they hold rides on every page (src/build/incidentBarChunk.ts).
 */
import type { EscalationStep } from '../schemas/escalation.ts';
import { formatMinutes } from './format.ts';

/** A level's response target as responders read it: "Immediate (< 5 minutes)", or "< 5 minutes". */
export function formatResponseTarget(level: { responseTime: number; responseLabel?: string | undefined }): string {
	const within = `< ${formatMinutes(level.responseTime)}`;
	return level.responseLabel ? `${level.responseLabel} (${within})` : within;
}

/** When a rung is brought in, in words: "If P0/P1 unresolved in 1 hour", "If P0 data breach/security incident". */
export function describeRung(rung: EscalationStep): string {
	const levels = rung.severities ? `${rung.severities.join('/')} ` : '';
	if (rung.after !== undefined) return `If ${levels}unresolved in ${formatMinutes(rung.after)}`;
	if (rung.condition !== undefined) return `If ${levels}${rung.condition}`;
	return rung.note ?? '';
}
