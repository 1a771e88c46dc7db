import type { ClientPlaybook } from '../../lib/clientPlaybook.ts';
import { severityById } from '../../lib/clientPlaybook.ts';
import { formatUtcDateTime } from '../../lib/timeText.ts';
import type { State } from '../../lib/state.ts';
import { SeverityBadge } from '../SeverityBadge.tsx';

interface Props {
	state: State;
	playbook: ClientPlaybook;
	onSwitch: (id: string) => void;
	onDelete: (id: string) => void;
	onClearDrills: () => void;
	onNew: () => void;
}

/** Open and past incidents kept in this browser: switch between them, delete, start another. */
export function IncidentList({ state, playbook, onSwitch, onDelete, onClearDrills, onNew }: Props) {
	// Drills are kept apart from real incidents, so a game day never reads as an outage.
	const real = state.incidents.filter((i) => !i.drill);
	const open = real.filter((i) => i.resolvedAt === undefined);
	const past = real.filter((i) => i.resolvedAt !== undefined);
	const drillList = state.incidents.filter((i) => i.drill);
	const drills = drillList.length;
	const row = (incident: State['incidents'][number]) => {
		const severity = severityById(playbook.severities, incident.severity);
		const active = incident.id === state.activeId;
		return (
			<li key={incident.id} class={active ? 'active' : ''}>
				{incident.drill && <span class="drill-badge">DRILL</span>} {severity && <SeverityBadge severity={severity} />}{' '}
				<strong>{incident.title}</strong>{' '}
				<span class="muted">
					{incident.id}, declared {formatUtcDateTime(incident.declaredAt)}
				</span>{' '}
				{active ? (
					<span class="current">(shown above)</span>
				) : (
					<button type="button" onClick={() => onSwitch(incident.id)}>
						Open
					</button>
				)}{' '}
				<button
					type="button"
					onClick={() => {
						if (
							confirm(
								`Delete incident ${incident.id} "${incident.title}" and its timeline from this browser? Export it first if you need it.`,
							)
						)
							onDelete(incident.id);
					}}
				>
					Delete
				</button>
			</li>
		);
	};
	return (
		<section class="incident-list" aria-labelledby="incidents-title">
			<h3 id="incidents-title">Incidents in this browser</h3>
			<p class="actions">
				<button type="button" onClick={onNew}>
					Start another incident
				</button>
				{drills > 0 && (
					<button type="button" onClick={onClearDrills}>
						Clear {drills} drill{drills === 1 ? '' : 's'}
					</button>
				)}
			</p>
			<h4>Open</h4>
			{open.length === 0 ? <p class="muted">None.</p> : <ul>{open.map(row)}</ul>}
			<h4>Resolved</h4>
			{past.length === 0 ? <p class="muted">None.</p> : <ul>{past.map(row)}</ul>}
			{drills > 0 && (
				<>
					<h4>Drills</h4>
					<ul>{drillList.map(row)}</ul>
				</>
			)}
		</section>
	);
}
