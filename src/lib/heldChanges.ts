/**
 * Changes made on this page and not yet applied, while the store loads on demand: a tick or a note
 * (checklistChanges.onDemand.ts), a copied message to log (messageChanges.onDemand.ts). Until
 * applied, what is held is stored under the page's own key, and should the page be left or die
 * first, the next page of any tab applies it (pageShown.ts, checklistChanges.onDemand.ts): one way
 * for every such change.
 */
import type { StepChange } from './checklistChanges.onDemand.ts';
import { browserStorage, pendingKey } from './storageRead.ts';

/** A message copied for sending, to log on the incident's timeline at the moment it was copied. */
export interface MessageCopy {
	/** The incident's id. */
	incident: string;
	/** What the timeline says, e.g. "Copied Status Update (Slack)". */
	copied: string;
	at: number;
}

/** A change stored for the next page of any tab until it is applied. */
export type HeldChange = StepChange | MessageCopy;

const held = new Set<HeldChange>();

/** Store this page's changes not yet applied (none: the key is removed). Never throws. */
function keepPending(): void {
	try {
		if (held.size > 0) browserStorage()?.setItem(pendingKey, JSON.stringify([...held]));
		else browserStorage()?.removeItem(pendingKey);
	} catch {
		/* storage refused: the change is applied once the store arrives, and lost only if the page dies first */
	}
}

/**
 * Apply a change. Until it is applied it is stored, from the moment it is made (in the press's own
 * task), for the next page of any tab should this one be left or die first.
 */
export async function holdUntilApplied<T>(change: HeldChange, apply: () => Promise<T>): Promise<T> {
	held.add(change);
	keepPending();
	try {
		return await apply();
	} finally {
		held.delete(change);
		keepPending();
	}
}
