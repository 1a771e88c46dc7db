import { urls } from '../lib/urls.ts';
import { formatPhaseTitle } from '../lib/format.ts';
import { alertIndex } from '../lib/alertLinks.ts';
import type { ChecklistSpec, ClientPlaybook, PublishedScenarios } from '../lib/clientPlaybook.ts';
import type { GeneratorTemplate } from '../lib/composeMessage.ts';
import type { Playbook } from '../lib/playbook.ts';
import { slugify } from '../lib/slug.ts';

/**
 * The data islands need, from the full playbook. With `fetchScenarios`, the scenarios are not
 * written into the page: islands fetch them from the scenario data URL, so the page's size does not
 * grow with the playbook. The issue tracker (`tracker`) and each level's status page impact
 * (`statusPage`) come only to the pages that use them; `criteria: false` leaves out the levels'
 * criteria, which only the classifier reads.
 */
export function toClient(
	playbook: Playbook,
	options: { fetchScenarios?: boolean; tracker?: boolean; statusPage?: boolean; criteria?: boolean } = {},
): ClientPlaybook {
	return {
		organisation: playbook.site.organisation,
		channelPrefix: playbook.site.channelPrefix,
		statusPage: playbook.site.resources.flatMap((g) => g.items).find((r) => r.role === 'status-page')?.url,
		...(options.tracker && playbook.site.tracker ? { tracker: playbook.site.tracker } : {}),
		statuses: playbook.site.statuses,
		severities: playbook.severities.map(
			({ id, name, urgency, tone, rank, criteria, responseTime, responseLabel, escalateAfter, updateEvery, statusImpact }) => ({
				id,
				name,
				urgency,
				tone,
				rank,
				criteria: options.criteria === false ? [] : criteria,
				responseTime,
				responseLabel,
				escalateAfter,
				updateEvery,
				...(options.statusPage ? { statusImpact } : {}),
			}),
		),
		escalation: playbook.escalation,
		scenarios: options.fetchScenarios ? [] : playbook.scenarios.map(({ id, title, severities }) => ({ id, title, severities })),
		...(options.fetchScenarios ? { scenariosFrom: urls.scenarioData() } : {}),
	};
}

/** Every scenario and its checklists, and the declaration template, as the scenario data URL publishes them. */
export function scenarioData(playbook: Playbook): PublishedScenarios {
	return {
		scenarios: playbook.scenarios.map(({ id, title, severities }) => ({ id, title, severities })),
		checklists: playbook.scenarios.flatMap(scenarioChecklists),
		declaration: declarationTemplate(playbook),
		alerts: alertIndex(playbook.scenarios),
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
		...(scenario.mitigation
			? [
					{
						...list('mitigation', 'Mitigation', scenario.mitigation),
						...(scenario.mitigationAlternatives ? { alternatives: true as const } : {}),
					},
				]
			: []),
	];
}

/** The checklists of a phase page: one per group of steps. */
export function phaseChecklists(phase: Playbook['phases'][number]): ChecklistSpec[] {
	const page = formatPhaseTitle(phase);
	// A window with no start opens at detection for the first phase (number 1), and after resolution for a later one.
	const opensAfter = phase.window.from ?? (phase.sidebar.order === 1 ? 0 : 'resolution');
	return phase.groups.map((group) => ({
		key: `phase/${phase.id}/${slugify(group.title)}`,
		label: `${page} — ${group.title}`,
		page,
		href: urls.phase(phase.id),
		steps: group.steps,
		...(group.signs ? { signs: true as const } : {}),
		...(group.alternatives ? { alternatives: true as const } : {}),
		opensAfter,
	}));
}

/** The checklists of every phase, in order. */
export function allPhaseChecklists(playbook: Playbook): ChecklistSpec[] {
	return playbook.phases.flatMap(phaseChecklists);
}

/**
 * The message copied as an incident is declared: the first message template in the playbook's
 * order (the declaration), as plain data for islands.
 */
export function declarationTemplate(playbook: Playbook): GeneratorTemplate | undefined {
	const template = playbook.templates.find((t) => t.kind === 'message');
	return template && { id: template.id, title: template.title, kind: template.kind, text: template.text, fields: template.fields };
}
