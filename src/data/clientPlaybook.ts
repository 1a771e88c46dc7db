import { urls } from '../lib/urls';
import type { ChecklistSpec, ClientPlaybook, ScenarioData } from '../lib/clientPlaybook';
import type { Playbook } from '../lib/playbook';
import { slugify } from '../lib/slug';


/**
 * The data islands need, from the full playbook. With `fetchScenarios`, the scenarios are not
 * written into the page: islands fetch them from the scenario data URL, so the page's size does not
 * grow with the playbook. The issue tracker (`tracker`) and each level's status page impact
 * (`statusPage`) come only to the pages that use them; `criteria: false` leaves out the levels'
 * criteria, which only the classifier reads.
 */
export function toClient(playbook: Playbook, options: { fetchScenarios?: boolean; tracker?: boolean; statusPage?: boolean; criteria?: boolean } = {}): ClientPlaybook {
	return {
		organisation: playbook.site.organisation,
		channelPrefix: playbook.site.channelPrefix,
		statusPage: playbook.site.resources.flatMap((g) => g.items).find((r) => r.role === 'status-page')?.url,
		...(options.tracker && playbook.site.tracker ? { tracker: playbook.site.tracker } : {}),
		statuses: playbook.site.statuses,
		severities: playbook.severities.map(({ id, name, urgency, tone, rank, criteria, responseTime, responseLabel, escalateAfter, updateEvery, statusImpact }) => ({
			id, name, urgency, tone, rank, criteria: options.criteria === false ? [] : criteria, responseTime, responseLabel, escalateAfter, updateEvery, ...(options.statusPage ? { statusImpact } : {}),
		})),
		escalation: playbook.escalation,
		scenarios: options.fetchScenarios ? [] : playbook.scenarios.map(({ id, title, severities }) => ({ id, title, severities })),
		...(options.fetchScenarios ? { scenariosFrom: urls.scenarioData() } : {}),
	};
}

/** Every scenario and its checklists, as the scenario data URL publishes them. */
export function scenarioData(playbook: Playbook): ScenarioData {
	return {
		scenarios: playbook.scenarios.map(({ id, title, severities }) => ({ id, title, severities })),
		checklists: playbook.scenarios.flatMap(scenarioChecklists),
	};
}

/** The checklists of a scenario page: symptoms, response and mitigation. */
export function scenarioChecklists(scenario: Playbook['scenarios'][number]): ChecklistSpec[] {
	const list = (part: string, name: string, steps: ChecklistSpec['steps']) => ({
		key: `scenario/${scenario.id}/${part}`,
		label: `${scenario.title}: ${name}`,
		page: scenario.title,
		href: urls.scenario(scenario.id),
		steps,
	});
	return [
		list('symptoms', 'Symptoms', scenario.symptoms),
		list('response', 'Response', scenario.response),
		...(scenario.mitigation ? [list('mitigation', 'Mitigation', scenario.mitigation)] : []),
	];
}

/** The checklists of a phase page: one per group of steps. */
export function phaseChecklists(phase: Playbook['phases'][number]): ChecklistSpec[] {
	const page = `Phase ${phase.sidebar.order}: ${phase.title}`;
	return phase.groups.map((group) => ({
		key: `phase/${phase.id}/${slugify(group.title)}`,
		label: `${page} — ${group.title}`,
		page,
		href: urls.phase(phase.id),
		steps: group.steps,
	}));
}

/** The checklists of every phase, in order. */
export function allPhaseChecklists(playbook: Playbook): ChecklistSpec[] {
	return playbook.phases.flatMap(phaseChecklists);
}
