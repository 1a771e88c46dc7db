/**
 * Which checklists belong to an incident: the one rule the workspace's progress, the Markdown
 * export and the post-mortem's skipped steps share.
 */
import type { ChecklistSpec } from './clientPlaybook.ts';
import type { Incident } from './state.ts';

/** The parts of a list's key: "scenario", "service-down", "response". */
export function keyParts(spec: Pick<ChecklistSpec, 'key'>): { area: string; page: string; part: string } {
	const [area = '', page = '', part = ''] = spec.key.split('/');
	return { area, page, part };
}

/** Was anything of this list ticked or noted on the incident? */
export function touched(spec: Pick<ChecklistSpec, 'key'>, incident: Pick<Incident, 'ticks'>): boolean {
	const prefix = `${spec.key}/`;
	return Object.entries(incident.ticks).some(([key, tick]) => key.startsWith(prefix) && (tick.done || tick.note !== undefined));
}

/**
 * Does a list hold steps to take? Symptoms are things to recognise, not steps: one not ticked was
 * not seen, not skipped, and they count in no "steps done". The one rule of what a step is.
 */
export function holdsSteps(spec: Pick<ChecklistSpec, 'key'>): boolean {
	return keyParts(spec).part !== 'symptoms';
}

/**
 * The lists that belong to the incident, in playbook order: every phase's, its scenarios', and
 * every list of a page it ticked in (so a page counts the same steps here as on the page itself).
 */
export function incidentChecklists<T extends Pick<ChecklistSpec, 'key'>>(
	incident: Pick<Incident, 'scenarios' | 'ticks'>,
	checklists: readonly T[],
): T[] {
	const page = (spec: T) => `${keyParts(spec).area}/${keyParts(spec).page}`;
	const ticked = new Set(checklists.filter((spec) => touched(spec, incident)).map(page));
	return checklists.filter((spec) => {
		const { area, page: id } = keyParts(spec);
		return area === 'phase' || incident.scenarios.includes(id) || ticked.has(page(spec));
	});
}
