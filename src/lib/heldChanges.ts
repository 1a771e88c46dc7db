/**
 * Changes made on this page and not yet applied, while the store loads on demand: a tick or a note
 * (checklistChanges.onDemand.ts), a copied message to log (messageChanges.onDemand.ts), a value
 * typed into a field kept on the incident and an action item changed (heldWrites.ts), a level, a
 * status, a note or an escalation set in the workspace (workspaceChange.ts). Until
 * applied, what is held is stored under the page's own key, and should the page be left or die
 * first, the next page of any tab applies it (pageShown.ts, checklistChanges.onDemand.ts): one way
 * for every such change.
 */
import type { ActionItemChange } from './actionItems.ts';
import type { StepChange } from './checklistChanges.onDemand.ts';
import type { SourcedField } from './messageValues.ts';
import type { Status } from '../schemas/site.ts';
import { browserStorage, pendingKey } from './storageRead.ts';

/** A message copied for sending, to log on the incident's timeline at the moment it was copied. */
export interface MessageCopy {
	/** The incident's id. */
	incident: string;
	/** What the timeline says, e.g. "Copied Status Update (Slack)". */
	copied: string;
	at: number;
}

/** A value typed into a field kept on the incident (a root cause, an impact), as typed. */
export interface TypedValue {
	/** The incident's id. */
	incident: string;
	/** The field's name and where its value is kept (messageWrites.ts). */
	field: SourcedField;
	value: string;
	at: number;
}

/** An action item of the incident's post-mortem added, edited or removed. */
export interface ItemChange {
	/** The incident's id. */
	incident: string;
	item: ActionItemChange;
	at: number;
}

/** What a responder changes in the incident workspace under fire: the level, the status, a note, a rung brought in. */
export type WorkspaceEditKind =
	| { severity: string }
	| { status: Pick<Status, 'id' | 'label' | 'closes'> }
	| { note: string }
	| { escalated: { text: string; value: string } };

/** A change made in the incident workspace, timed as it was pressed. */
export interface WorkspaceEdit {
	/** The incident's id. */
	incident: string;
	edit: WorkspaceEditKind;
	at: number;
}

/** A change stored for the next page of any tab until it is applied. */
export type HeldChange = StepChange | MessageCopy | TypedValue | ItemChange | WorkspaceEdit;

/** The changes held, each with the key under which only the latest is held (none: each is held). */
const held = new Map<HeldChange, string | undefined>();

/** Store this page's changes not yet applied (none: the key is removed). Never throws. */
function keepPending(): void {
	try {
		if (held.size > 0) browserStorage()?.setItem(pendingKey, JSON.stringify([...held.keys()]));
		else browserStorage()?.removeItem(pendingKey);
	} catch {
		/* storage refused: the change is applied once the store arrives, and lost only if the page dies first */
	}
}

/**
 * Apply a change. Until it is applied it is stored, from the moment it is made (in the press's own
 * task), for the next page of any tab should this one be left or die first. With `latest`, it
 * replaces what is held under the same key: a value typed letter by letter is held once, as last
 * typed (the earlier letters are still applied here, in order; the next page needs only the last).
 */
export async function holdUntilApplied<T>(change: HeldChange, apply: () => Promise<T>, latest?: string): Promise<T> {
	for (const [other, key] of held) if (latest && key === latest) held.delete(other);
	held.set(change, latest);
	keepPending();
	try {
		return await apply();
	} finally {
		held.delete(change);
		keepPending();
	}
}
