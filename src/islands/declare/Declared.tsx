import { sitePath, urls } from '../../lib/urls.ts';
import { useEffect, useRef } from 'preact/hooks';
import { severityById, type ClientPlaybook } from '../../lib/clientPlaybook.ts';
import { deadlines } from '../../lib/clocks.ts';
import { deadlineName, listedDeadlines } from '../../lib/listedDeadlines.ts';
import { dueBy } from '../../lib/dueBy.ts';
import { FORMAT_LABELS } from '../../lib/composeMessage.ts';
import type { MessageFormat } from '../../lib/renderMessage.ts';
import { SCENARIO_LINK_LIMIT } from '../../lib/scenarioLinks.ts';
import type { Incident } from '../../lib/state.ts';
import type { Store } from '../../lib/store.ts';
import { NotKept } from './NotKept.tsx';
import { LazyCopyFallback } from '../LazyCopyFallback.tsx';
import { SeverityBadge } from '../SeverityBadge.tsx';
import { WorkspaceLink } from './WorkspaceLink.tsx';
import { useScenarios } from '../useScenarios.ts';

/** The declaration message and what became of it. */
export interface CopiedDeclaration {
	text: string;
	format: MessageFormat;
	/** On the clipboard; false when the browser refused (the text is then offered to copy by hand). */
	copied: boolean;
	/** Required values not known yet, whose lines were left out. */
	missing: string[];
}

interface Props {
	incident: Incident;
	playbook: ClientPlaybook;
	/** Absent when the playbook has no message template. */
	message?: CopiedDeclaration | undefined;
	now: number;
	/** The text was copied by hand from the fallback. */
	onCopiedByHand: () => void;
	/** Where the incident is followed from here; absent on the workspace itself. */
	workspaceLink?: boolean | undefined;
	/**
	 * Said first when this browser could not keep the incident (storage full or refused), with a way to take it
	 * away: it is only on this page, so no link sends the responder to a workspace that will not have it.
	 */
	notKept?: Store | undefined;
}

/**
 * What comes next, right after declaring: what was copied (or the text to copy), the runbooks to
 * open and the clocks. Focus moves here, so a screen reader reads it and the view follows.
 */
export function Declared({ incident, playbook, message, now, onCopiedByHand, workspaceLink = true, notKept }: Props) {
	const panel = useRef<HTMLElement>(null);
	useEffect(() => {
		// Where the clipboard was refused, the text to copy has the focus, selected, inside this panel.
		if (!message || message.copied) panel.current?.focus();
		panel.current?.scrollIntoView({ block: 'start' });
	}, [incident.id]);
	const { scenarios } = useScenarios(playbook);
	const level = severityById(playbook.severities, incident.severity);
	const own = scenarios.filter((s) => incident.scenarios.includes(s.id));
	// Not the runbook the form was opened on: the responder is on it already, and Close is the way back to it.
	const here = sitePath(location.pathname);
	const runbooks = (own.length > 0 ? own : scenarios.filter((s) => s.severities.includes(incident.severity)))
		.filter((s) => sitePath(urls.scenario(s.id)) !== here)
		.slice(0, SCENARIO_LINK_LIMIT);
	const clocks = level
		? listedDeadlines(deadlines(incident, level, playbook.escalation, now))
				.filter((d) => d.at !== undefined && ['upcoming', 'due', 'overdue'].includes(d.state))
				.slice(0, 3)
		: [];
	const where = message ? FORMAT_LABELS[message.format] : '';
	return (
		<section ref={panel} class="declared" tabIndex={-1} aria-labelledby="declared-title" aria-describedby="declared-copy">
			<h2 id="declared-title">
				{incident.drill && <span class="drill-badge">DRILL</span>} {level ? <SeverityBadge severity={level} /> : incident.severity}{' '}
				Declared: {incident.title}
			</h2>
			{notKept && <NotKept store={notKept} />}
			<p id="declared-copy">
				{!message
					? 'The declaration message could not be prepared (the playbook data did not load): post it from the communication page.'
					: message.copied
						? `The declaration is copied for ${where}: paste it in ${incident.channel}.`
						: `The browser did not allow copying: the declaration for ${where} is selected below to copy by hand.`}
				{message &&
					message.missing.length > 0 &&
					` Left out, not known yet: ${message.missing.join(', ')}. Add it in the workspace and post an update.`}
			</p>
			{message &&
				(message.copied ? (
					<details class="declared-text">
						<summary>What was copied</summary>
						<pre>{message.text}</pre>
					</details>
				) : (
					<div onCopy={onCopiedByHand}>
						<LazyCopyFallback text={message.text} label={`Declaration (${where})`} onClose={() => panel.current?.focus()} />
					</div>
				))}
			{runbooks.length > 0 && (
				<nav class="declared-runbooks" aria-labelledby="declared-runbooks-title">
					<span id="declared-runbooks-title">Open the runbook:</span>
					{runbooks.map((s) => (
						<a key={s.id} class="button" href={urls.scenario(s.id)}>
							{s.title}
						</a>
					))}
				</nav>
			)}
			{clocks.length > 0 && (
				<ul class="declared-clocks">
					{clocks.map((d) => (
						<li key={d.id}>
							<strong>{deadlineName(d)}</strong> <time dateTime={new Date(d.at!).toISOString()}>{dueBy(d, now)}</time>
						</li>
					))}
				</ul>
			)}
			{workspaceLink && !notKept && <WorkspaceLink />}
		</section>
	);
}
