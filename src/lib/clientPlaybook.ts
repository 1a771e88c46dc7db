/**
 * The part of the playbook the browser needs, as plain data passed to islands: levels, statuses,
 * the escalation path, scenario names, checklists. Built at build time from content.
 */
import type { EscalationStep } from '../schemas/escalation.ts';
import type { AlertRoute } from './alertLinks.ts';
import type { Severity } from '../schemas/severity.ts';
import type { Status, Tracker } from '../schemas/site.ts';
import type { Step } from '../schemas/step.ts';
import type { GeneratorTemplate } from './composeMessage.ts';

/** A checklist: its stable key, its name in exports, where it lives, and its steps. */
export interface ChecklistSpec {
	/** Key of the list; a step's tick is stored under "<key>/<step id>". */
	key: string;
	/** Name in progress and exports, e.g. "Service Down: Response". */
	label: string;
	/** The page it belongs to, e.g. "Phase 1: Detection & Triage" or "Service Down". */
	page: string;
	/** Link to that page. */
	href: string;
	steps: Step[];
	/** The steps are signs an incident is noticed by, not tasks (a phase group's `signs`): none is ever skipped. */
	signs?: true | undefined;
	/** The steps are alternatives, one is enough (a phase group's `alternatives`): skipped only when none is ticked. */
	alternatives?: true | undefined;
	/**
	 * For a phase's lists: minutes after detection the phase's window opens (absent: at detection),
	 * or "resolution" for a phase that runs once the incident is resolved (the post-mortem).
	 */
	opensAfter?: number | 'resolution' | undefined;
}

/** A severity level as the browser uses it. */
export type ClientSeverity = Pick<
	Severity,
	'id' | 'name' | 'urgency' | 'tone' | 'rank' | 'criteria' | 'responseTime' | 'escalateAfter' | 'updateEvery'
> & {
	/** How a public status page shows this level (the severity's `statusImpact`). */
	statusImpact?: Severity['statusImpact'] | undefined;
	responseLabel?: string | undefined;
};

/** What islands know of the playbook. */
export interface ClientPlaybook {
	organisation: string;
	channelPrefix: string;
	/** Status page link for messages, when the tools list has one. */
	statusPage?: string | undefined;
	/** Where follow-up issues are filed, when the site settings name a tracker. */
	tracker?: Tracker | undefined;
	statuses: Status[];
	severities: ClientSeverity[];
	escalation: EscalationStep[];
	/** The scenarios, when they come with the page (a runbook's own and related ones). */
	scenarios: ClientScenario[];
	/**
	 * Where to fetch every scenario and its checklists instead (see PublishedScenarios): pages that list
	 * the whole playbook keep a fixed size however many scenarios it has.
	 */
	scenariosFrom?: string | undefined;
}

/** A scenario as islands name and link it. */
export interface ClientScenario {
	id: string;
	title: string;
	severities: string[];
}

/** Every scenario and its checklists, published once as JSON for the pages that need them all. */
export interface PublishedScenarios {
	scenarios: ClientScenario[];
	checklists: ChecklistSpec[];
	/** The message copied as an incident is declared (fetched when one declares, not carried by every page). */
	declaration?: GeneratorTemplate | undefined;
	/** Which scenario each listed alert opens, by alertKey() (see alertLinks.ts). */
	alerts: Record<string, AlertRoute>;
}

/** The storage key of one step. */
export function itemKey(listKey: string, stepId: string): string {
	return `${listKey}/${stepId}`;
}

/** The severity with this id. */
export function severityById<T extends { id: string }>(severities: readonly T[], id: string): T | undefined {
	return severities.find((s) => s.id === id);
}
