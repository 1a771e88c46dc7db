/**
 * The one queue of the incident workspace's changes, for the workspace and the panels it opens:
 * each waits for the changes' module and the store (loaded on the first sign of a change) and for
 * every change made before it, so two presses made before the code is in are applied in order.
 */
import { onDemandChanges } from '../../lib/onDemandChanges.ts';

export const workspaceChanges = onDemandChanges(() => import('../../lib/workspaceChanges.onDemand.ts'));
export const { change: changeWorkspace, prepare: prepareWorkspaceChange } = workspaceChanges;
