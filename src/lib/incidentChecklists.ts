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

/** Does this list belong to the incident: every phase, the incident's scenarios, and any list it ticked in? */
export function belongsToIncident(spec: Pick<ChecklistSpec, 'key'>, incident: Pick<Incident, 'scenarios' | 'ticks'>): boolean {
	const { area, page } = keyParts(spec);
	return area === 'phase' || incident.scenarios.includes(page) || touched(spec, incident);
}

/** The lists that belong to the incident, in playbook order. */
export function incidentChecklists<T extends Pick<ChecklistSpec, 'key'>>(
	incident: Pick<Incident, 'scenarios' | 'ticks'>,
	checklists: readonly T[],
): T[] {
	return checklists.filter((spec) => belongsToIncident(spec, incident));
}
