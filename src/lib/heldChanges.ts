/**
 * Changes made on this page and not yet applied, while the store loads on demand: a tick or a note
 * (checklistChanges.onDemand.ts), a copied message to log (messageChanges.onDemand.ts). Should the
 * page be left first, what is still held is kept for the next page of the tab (storageRead.ts),
 * which applies it (pageShown.ts, checklistChanges.onDemand.ts): one way for every such change.
 */
import type { StepChange } from './checklistChanges.onDemand.ts';
import { keepPending } from './storageRead.ts';

/** A message copied for sending, to log on the incident's timeline at the moment it was copied. */
export interface MessageCopy {
	/** The incident's id. */
	incident: string;
	/** What the timeline says, e.g. "Copied Status Update (Slack)". */
	copied: string;
	at: number;
}

/** A change kept for the next page of the tab until it is applied. */
export type HeldChange = StepChange | MessageCopy;

const held = new Set<HeldChange>();
globalThis.window?.addEventListener('pagehide', () => {
	if (held.size > 0) keepPending([...held]);
});

/** Apply a change; until it is applied, it is kept for the next page of the tab should this one be left. */
export async function holdUntilApplied<T>(change: HeldChange, apply: () => Promise<T>): Promise<T> {
	held.add(change);
	try {
		return await apply();
	} finally {
		held.delete(change);
	}
}
