/**
 * What an earlier page of this tab held and could not apply before it was left (heldChanges.ts),
 * applied by the next page in the order it was made: ticks and notes through the checklist's
 * changes, copied messages through the generator's (loaded only when one was left). Anything not
 * of their shape is skipped.
 */
import { applyStepChange, type StepChange } from './checklistChanges.onDemand.ts';
import type { MessageCopy } from './heldChanges.ts';

/** Apply the changes an earlier page of this tab left. */
export async function applyLeft(changes: readonly unknown[]): Promise<void> {
	for (const change of changes) {
		if (isStepChange(change)) await applyStepChange(change);
		else if (isMessageCopy(change)) await (await import('./messageChanges.onDemand.ts')).logCopy(change.incident, change.copied, change.at);
	}
}

function isStepChange(value: unknown): value is StepChange {
	const s = value as Partial<StepChange> | null;
	const change = s?.change as { done?: unknown; note?: unknown } | undefined;
	return (
		typeof s === 'object' &&
		s !== null &&
		(s.target === null || typeof s.target === 'string') &&
		typeof s.key === 'string' &&
		typeof s.text === 'string' &&
		typeof s.list === 'string' &&
		typeof s.at === 'number' &&
		(typeof change?.done === 'boolean' || typeof change?.note === 'string')
	);
}

function isMessageCopy(value: unknown): value is MessageCopy {
	const c = value as Partial<MessageCopy> | null;
	return typeof c === 'object' && c !== null && typeof c.incident === 'string' && typeof c.copied === 'string' && typeof c.at === 'number';
}
