/**
 * The one queue of the incident workspace's changes, for the workspace and the panels it opens:
 * each waits for the changes' module and the store (loaded on the first sign of a change) and for
 * every change made before it, so two presses made before the code is in are applied in order.
 */
import { holdUntilApplied, type WorkspaceEditKind } from '../../lib/heldChanges.ts';
import { onDemandChanges } from '../../lib/onDemandChanges.ts';
import { lastWritten } from '../../lib/clockSkew.ts';

export const workspaceChanges = onDemandChanges(() => import('../../lib/workspaceChanges.onDemand.ts'));
export const { change: changeWorkspace, prepare: prepareWorkspaceChange } = workspaceChanges;

/**
 * Change an incident's level or status, add a note or log a rung brought in: timed as pressed (or
 * just after the incident's last entry, on a device whose clock reads earlier: resolved before its
 * declaration, it lasted "0 s" and its timeline ran backwards), and held until applied, so a press
 * made while the code is still loading is kept should the page be left at once (the next page of
 * any tab applies it).
 */
export function editWorkspace(incident: Parameters<typeof lastWritten>[0] & { id: string }, edit: WorkspaceEditKind): Promise<void> {
	const change = { incident: incident.id, edit, at: Math.max(Date.now(), lastWritten(incident) + 1) };
	return holdUntilApplied(change, () => changeWorkspace((c) => c.applyEdit(change)));
}
