/** How far a checklist is: steps done, and ticks on steps since removed from the playbook. */
import { itemKey, type ChecklistSpec } from './clientPlaybook.ts';
import { holdsSteps } from './incidentChecklists.ts';
import type { ShownTick } from './storageRead.ts';

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

/** Progress over several lists (a page, an incident): steps done out of steps, symptoms not counted (see holdsSteps). */
export function stepsProgress(
	lists: readonly ChecklistSpec[],
	ticks: Record<string, Pick<ShownTick, 'done'>>,
): { done: number; total: number } {
	return lists
		.filter(holdsSteps)
		.map((spec) => progress(spec, ticks))
		.reduce((a, b) => ({ done: a.done + b.done, total: a.total + b.total }), { done: 0, total: 0 });
}

/** A checkbox as the page found it when the island came alive: as the server rendered it, and as it is now. */
export interface EarlyBox {
	stepId: string;
	/** As the server rendered it (the `checked` attribute). */
	rendered: boolean;
	/** As it is now: the responder may have changed it before the page came alive. */
	checked: boolean;
}

/**
 * The responder's changes made before the island came alive (a slow phone): every box they changed
 * from what the server rendered and that differs from the ticks stored. A box left alone shows
 * nothing of the responder's, so the stored tick stands (another tab may have made it meanwhile).
 */
export function earlyChanges(spec: ChecklistSpec, boxes: readonly EarlyBox[], ticks: Record<string, Pick<ShownTick, 'done'>>): EarlyBox[] {
	const steps = new Set(spec.steps.map((s) => s.id));
	return boxes.filter(
		(box) => steps.has(box.stepId) && box.checked !== box.rendered && box.checked !== (ticks[itemKey(spec.key, box.stepId)]?.done ?? false),
	);
}
