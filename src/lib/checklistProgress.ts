/** How far a checklist is: steps done, and ticks on steps since removed from the playbook. */
import { itemKey, type ChecklistSpec } from './clientPlaybook';
import type { ShownTick } from './storageRead';

/** Ticks under a list's key whose step is no longer in the list (removed from the content). */
export function removedTicks<T extends ShownTick>(spec: ChecklistSpec, ticks: Record<string, T>): [string, T][] {
	const prefix = `${spec.key}/`;
	const current = new Set(spec.steps.map((s) => itemKey(spec.key, s.id)));
	return Object.entries(ticks).filter(([key, tick]) => key.startsWith(prefix) && !current.has(key) && (tick.done || tick.note));
}

/** Progress of a list: steps done out of steps in the content. */
export function progress(spec: ChecklistSpec, ticks: Record<string, Pick<ShownTick, 'done'>>): { done: number; total: number } {
	const done = spec.steps.filter((s) => ticks[itemKey(spec.key, s.id)]?.done).length;
	return { done, total: spec.steps.length };
}
