/**
 * How a checklist's key is read: the one rule every part that reads one uses (which lists belong to an
 * incident, the post-mortem's skipped steps, the scenario a runbook's tick gives its incident). Apart
 * from incidentChecklists.ts so the incident model, which every page may load on demand, reads keys
 * without taking in the lists' rules (src/build/incidentBarChunk.ts).
 */
import type { ChecklistSpec } from './clientPlaybook.ts';

/** The parts of a list's key: "scenario", "service-down", "response". */
export function keyParts(spec: Pick<ChecklistSpec, 'key'>): { area: string; page: string; part: string } {
	const [area = '', page = '', part = ''] = spec.key.split('/');
	return { area, page, part };
}
