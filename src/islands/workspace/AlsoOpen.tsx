import { severityById, type ClientPlaybook } from '../../lib/clientPlaybook.ts';
import { deadlines, nextDeadline } from '../../lib/clocks.ts';
import { deadlineText, listedDeadlines } from '../../lib/listedDeadlines.ts';
import type { State } from '../../lib/state.ts';
import { SeverityBadge } from '../SeverityBadge.tsx';

interface Props {
	state: State;
	/** The incident the workspace shows. */
	shown: string | undefined;
	playbook: ClientPlaybook;
	now: number;
	onSwitch: (id: string) => void;
}

/**
 * The other incidents still open in this browser, above the one shown: the incident bar follows one
 * incident, and the other's clocks run on unseen. Each says its most pressing deadline as the bar
 * would, and opens in one press.
 */
export function AlsoOpen({ state, shown, playbook, now, onSwitch }: Props) {
	const others = state.incidents.filter((i) => i.resolvedAt === undefined && i.id !== shown);
	if (others.length === 0) return null;
	return (
		<section class="also-open pb-ui" aria-labelledby="also-open-title">
			<h2 id="also-open-title" class="sr-only">
				Also open
			</h2>
			<ul>
				{others.map((incident) => {
					const level = severityById(playbook.severities, incident.severity);
					const next = level && nextDeadline(listedDeadlines(deadlines(incident, level, playbook.escalation, now, playbook.severities)));
					const [label, when] = next ? deadlineText(next, now) : ['', ''];
					return (
						<li key={incident.id}>
							<span aria-hidden="true">Also open: </span>
							{incident.drill && <span class="drill-badge">DRILL</span>} {level && <SeverityBadge severity={level} />}{' '}
							<strong>{incident.title}</strong>
							{next && (
								<span class={`also-open-next state-${next.state}`}>
									{' '}
									{label} <span class="also-open-when">{when}</span>
								</span>
							)}{' '}
							<button type="button" aria-label={`Open ${incident.title}`} onClick={() => onSwitch(incident.id)}>
								Open
							</button>
						</li>
					);
				})}
			</ul>
		</section>
	);
}
