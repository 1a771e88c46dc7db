import type { Playbook } from './playbook.ts';

/**
 * Cross-references that zod cannot see from inside one file: a scenario naming a severity that
 * does not exist, an escalation rung naming an unknown scenario, a step naming an unknown rung,
 * two levels with one rank.
 * Returns one message per problem ("file: field: what"); empty when all is well.
 */
export function checkReferences(playbook: Omit<Playbook, 'site'>): string[] {
	const problems: string[] = [];
	const severityIds = playbook.severities.map((s) => s.id);
	const scenarioIds = playbook.scenarios.map((s) => s.id);
	const known = (ids: string[]) => ids.join(', ') || 'none';

	const seen = new Map<string, string>();
	for (const severity of playbook.severities) {
		const other = seen.get(`id:${severity.id}`) ?? seen.get(`rank:${severity.rank}`);
		if (seen.has(`id:${severity.id}`)) problems.push(`${severity.file}: id: "${severity.id}" is also the id of ${other}`);
		else if (seen.has(`rank:${severity.rank}`)) problems.push(`${severity.file}: rank: ${severity.rank} is also the rank of ${other}`);
		seen.set(`id:${severity.id}`, severity.file);
		seen.set(`rank:${severity.rank}`, severity.file);
	}
	if (playbook.severities.length === 0) problems.push('content/severities: no severity levels found');
	for (const severity of playbook.severities)
		severity.criteria.forEach((criterion, c) =>
			criterion.scenarios?.forEach((id, i) => {
				if (!scenarioIds.includes(id))
					problems.push(`${severity.file}: criteria.${c}.scenarios.${i}: "${id}" is not a scenario (known: ${known(scenarioIds)})`);
			}),
		);

	const phaseOrders = new Map<number, string>();
	for (const phase of playbook.phases) {
		const other = phaseOrders.get(phase.sidebar.order);
		if (other) problems.push(`${phase.file}: sidebar.order: phase ${phase.sidebar.order} is also ${other}`);
		phaseOrders.set(phase.sidebar.order, phase.file);
	}

	for (const scenario of playbook.scenarios) {
		scenario.severities.forEach((id, i) => {
			if (!severityIds.includes(id)) {
				problems.push(`${scenario.file}: severities.${i}: "${id}" is not a severity (known: ${known(severityIds)})`);
			}
		});
		scenario.related?.forEach((id, i) => {
			if (!scenarioIds.includes(id)) {
				problems.push(`${scenario.file}: related.${i}: "${id}" is not a scenario (known: ${known(scenarioIds)})`);
			}
		});
	}

	for (const step of playbook.escalation) {
		step.severities?.forEach((id, i) => {
			if (!severityIds.includes(id)) {
				problems.push(`content/escalation.yaml: ${step.id}.severities.${i}: "${id}" is not a severity (known: ${known(severityIds)})`);
			}
		});
		step.scenarios?.forEach((id, i) => {
			if (!scenarioIds.includes(id)) {
				problems.push(`content/escalation.yaml: ${step.id}.scenarios.${i}: "${id}" is not a scenario (known: ${known(scenarioIds)})`);
			}
		});
	}
	const rungIds = playbook.escalation.map((rung) => rung.id);
	const rungOf = (file: string, path: string, step: { doneByEscalating?: string | undefined }) => {
		if (step.doneByEscalating !== undefined && !rungIds.includes(step.doneByEscalating))
			problems.push(`${file}: ${path}.doneByEscalating: "${step.doneByEscalating}" is not an escalation rung (known: ${known(rungIds)})`);
	};
	for (const phase of playbook.phases)
		phase.groups.forEach((group, g) => group.steps.forEach((step, i) => rungOf(phase.file, `groups.${g}.steps.${i}`, step)));
	for (const scenario of playbook.scenarios)
		for (const part of ['symptoms', 'response', 'mitigation'] as const)
			scenario[part]?.forEach((step, i) => rungOf(scenario.file, `${part}.${i}`, step));
	for (const drill of playbook.drills ?? []) {
		if (!scenarioIds.includes(drill.scenario))
			problems.push(`${drill.file}: scenario: "${drill.scenario}" is not a scenario (known: ${known(scenarioIds)})`);
		if (!severityIds.includes(drill.severity))
			problems.push(`${drill.file}: severity: "${drill.severity}" is not a severity (known: ${known(severityIds)})`);
		drill.injects.forEach((inject, i) => {
			if (inject.severity !== undefined && !severityIds.includes(inject.severity)) {
				problems.push(`${drill.file}: injects.${i}.severity: "${inject.severity}" is not a severity (known: ${known(severityIds)})`);
			}
		});
	}
	return problems;
}
