import type { Severity } from '../schemas/severity.ts';
import type { PhaseData } from '../schemas/phase.ts';
import type { ScenarioData } from '../schemas/scenario.ts';
import type { TemplateData } from '../schemas/template.ts';
import type { EscalationStep } from '../schemas/escalation.ts';
import type { Site } from '../schemas/site.ts';
import type { DrillData } from '../schemas/drill.ts';

/** Where an entry came from, for error messages. */
interface Sourced {
	/** Entry id (file name without extension for pages and templates). */
	id: string;
	/** Path of the file, relative to the project root. */
	file: string;
}

/** A phase with its id and file. */
export type Phase = PhaseData & Sourced;
/** A scenario with its id and file. */
export type Scenario = ScenarioData & Sourced;
/** A template with its id and file. */
export type Template = TemplateData & Sourced;
/** A drill with its id and file. */
export type Drill = DrillData & Sourced;
/** A severity with its file. */
export type SeverityEntry = Severity & { file: string };

/** The whole playbook as plain, serialisable data, in the order responders need it. */
export interface Playbook {
	severities: SeverityEntry[];
	phases: Phase[];
	scenarios: Scenario[];
	templates: Template[];
	escalation: EscalationStep[];
	/** Game-day drills (content/drills); optional so older fixtures need none. */
	drills?: Drill[];
	site: Site;
}

/** Sort entries in place by a numeric key, then by title or id, so output never depends on file order. */
export function sortBy<T>(items: T[], key: (item: T) => number, name: (item: T) => string): T[] {
	return items.sort((a, b) => key(a) - key(b) || name(a).localeCompare(name(b)));
}
