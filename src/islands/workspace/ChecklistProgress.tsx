import { stepsProgress } from '../../lib/checklistProgress.ts';
import type { ChecklistSpec } from '../../lib/clientPlaybook.ts';
import { incidentChecklists } from '../../lib/incidentChecklists.ts';
import type { Incident } from '../../lib/state.ts';

interface Props {
	incident: Incident;
	checklists: ChecklistSpec[];
}

/** Progress per runbook page (each phase, the incident's scenarios, any list with ticks). */
export function ChecklistProgress({ incident, checklists }: Props) {
	const byPage = new Map<string, ChecklistSpec[]>();
	for (const spec of incidentChecklists(incident, checklists)) byPage.set(spec.page, [...(byPage.get(spec.page) ?? []), spec]);
	// Counted as the page's own progress line counts them (stepsProgress), so both say the same.
	const pages = [...byPage].map(
		([name, lists]) => [name, { href: lists[0]?.href ?? '', ...stepsProgress(lists, incident.ticks) }] as const,
	);
	return (
		<section aria-labelledby="progress-title">
			<h3 id="progress-title">Runbook progress</h3>
			<ul class="page-progress">
				{pages.map(([name, p]) => (
					<li key={name}>
						<a href={p.href}>{name}</a> <progress max={p.total} value={p.done} aria-label={`${name} progress`} />{' '}
						<span class="muted">
							{p.done}/{p.total}
						</span>
					</li>
				))}
			</ul>
		</section>
	);
}
