import { progress } from '../../lib/checklistProgress.ts';
import type { ChecklistSpec } from '../../lib/clientPlaybook.ts';
import { incidentChecklists } from '../../lib/incidentChecklists.ts';
import type { Incident } from '../../lib/state.ts';

interface Props {
	incident: Incident;
	checklists: ChecklistSpec[];
}

/** Progress per runbook page (each phase, the incident's scenarios, any list with ticks). */
export function ChecklistProgress({ incident, checklists }: Props) {
	const pages = new Map<string, { href: string; done: number; total: number; scenario: boolean }>();
	for (const spec of incidentChecklists(incident, checklists)) {
		const scenario = spec.key.startsWith('scenario/');
		const p = progress(spec, incident.ticks);
		const page = pages.get(spec.page) ?? { href: spec.href, done: 0, total: 0, scenario };
		pages.set(spec.page, { ...page, done: page.done + p.done, total: page.total + p.total });
	}
	return (
		<section aria-labelledby="progress-title">
			<h3 id="progress-title">Runbook progress</h3>
			<ul class="page-progress">
				{[...pages].map(([name, p]) => (
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
