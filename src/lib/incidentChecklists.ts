/**
 * Which checklists belong to an incident, and which of its phases it reached: the one rule the
 * workspace's progress, the Markdown export and the post-mortem's skipped steps share.
 */
import type { ChecklistSpec } from './clientPlaybook';
import type { Incident } from './state';

const MINUTE = 60_000;

/** The parts of a list's key: "scenario", "service-down", "response". */
function keyParts(spec: Pick<ChecklistSpec, 'key'>): { area: string; page: string; part: string } {
	const [area = '', page = '', part = ''] = spec.key.split('/');
	return { area, page, part };
}

/** Was anything of this list ticked or noted on the incident? */
function touched(spec: Pick<ChecklistSpec, 'key'>, incident: Pick<Incident, 'ticks'>): boolean {
	const prefix = `${spec.key}/`;
	return Object.entries(incident.ticks).some(([key, tick]) => key.startsWith(prefix) && (tick.done || tick.note !== undefined));
}

/** Does this list belong to the incident: every phase, the incident's scenarios, and any list it ticked in? */
export function belongsToIncident(spec: Pick<ChecklistSpec, 'key'>, incident: Pick<Incident, 'scenarios' | 'ticks'>): boolean {
	const { area, page } = keyParts(spec);
	return area === 'phase' || incident.scenarios.includes(page) || touched(spec, incident);
}

/** The lists that belong to the incident, in playbook order. */
export function incidentChecklists<T extends Pick<ChecklistSpec, 'key'>>(incident: Pick<Incident, 'scenarios' | 'ticks'>, checklists: readonly T[]): T[] {
	return checklists.filter((spec) => belongsToIncident(spec, incident));
}

/** How far the incident's record goes: its resolution, or the last thing logged while it is open. */
function recordEnd(incident: Pick<Incident, 'resolvedAt' | 'declaredAt' | 'events'>): number {
	return incident.resolvedAt ?? Math.max(incident.declaredAt, ...incident.events.map((e) => e.at));
}

/**
 * The phases (by page id) the incident reached: those whose window had opened by the end of its
 * record, and any phase a step of it or of a later phase was ticked in. Phases that run after
 * resolution (the post-mortem) are never among them: they are under way while the report is written.
 */
export function reachedPhases(incident: Pick<Incident, 'detectedAt' | 'resolvedAt' | 'declaredAt' | 'events' | 'ticks'>, checklists: readonly ChecklistSpec[]): Set<string> {
	const phases = checklists.filter((spec) => keyParts(spec).area === 'phase' && spec.opensAfter !== 'resolution');
	const order = [...new Set(phases.map((spec) => keyParts(spec).page))];
	const elapsed = recordEnd(incident) - incident.detectedAt;
	const opensAt = (spec: ChecklistSpec) => (typeof spec.opensAfter === 'number' ? spec.opensAfter : 0) * MINUTE;
	const byTime = phases.filter((spec) => opensAt(spec) <= elapsed).map((spec) => order.indexOf(keyParts(spec).page));
	const byTicks = phases.filter((spec) => touched(spec, incident)).map((spec) => order.indexOf(keyParts(spec).page));
	const furthest = Math.max(-1, ...byTicks);
	return new Set(order.filter((_, index) => index <= furthest || byTime.includes(index)));
}

/** Lists whose unticked steps count as skipped: the incident's scenario steps (not symptoms) and its reached phases. */
export function listsToReport<T extends ChecklistSpec>(incident: Incident, checklists: readonly T[]): T[] {
	const reached = reachedPhases(incident, checklists);
	return incidentChecklists(incident, checklists).filter((spec) => {
		const { area, page, part } = keyParts(spec);
		// Symptoms are things to recognise, not steps to take: one not ticked was not seen, not skipped.
		return area === 'phase' ? reached.has(page) : part !== 'symptoms';
	});
}
