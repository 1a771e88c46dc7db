import { useRef, useState } from 'preact/hooks';
import type { ClientPlaybook } from '../lib/clientPlaybook.ts';
import { formatClock } from '../lib/clocks.ts';
import { dueInjects, injectAt, scoreDrill } from '../lib/drillScore.ts';
import { onDemandChanges } from '../lib/onDemandChanges.ts';
import type { Incident } from '../lib/state.ts';
import { urls } from '../lib/urls.ts';
import type { DrillSpec, Pending } from './Drills.tsx';
import { useScenarios } from './useScenarios.ts';
import { useNow } from './useNow.ts';
import { NotSaved } from './NotSaved.tsx';
import { tooSoon } from './doubleTap.ts';

/** What declares, ends and leaves a drill, loaded with the store on the first sign of a change. */
const changes = onDemandChanges(() => import('../lib/drillChanges.onDemand.ts'));
const { change, prepare } = changes;
/** Where the page starts loading them: a press, a key or focus in the drill. */
const preparing = { onPointerDown: prepare, onKeyDown: prepare, onFocusIn: prepare };

/** The alert and the events that have fallen due, newest last; the rest stay hidden until their time. */
function Injects({ drill, startedAt, now, ended = false }: { drill: DrillSpec; startedAt: number; now: number; ended?: boolean }) {
	const due = dueInjects(drill.injects, startedAt, now);
	const next = drill.injects.length - due.length;
	return (
		<section class="drill-injects" aria-labelledby="drill-injects-title">
			<h2 id="drill-injects-title">What the players see</h2>
			<ol aria-live="polite">
				<li class="inject inject-alert">
					<span class="inject-time">0:00</span> <strong>Alert:</strong> {drill.alert}
				</li>
				{due.map((inject) => (
					<li class="inject" key={`${inject.after}-${inject.text}`}>
						<span class="inject-time">{formatClock(injectAt(startedAt, inject) - startedAt)}</span> {inject.text}
					</li>
				))}
			</ol>
			<p class="hint">
				{next === 0
					? 'Every event of the script has happened.'
					: ended
						? `${next} event${next === 1 ? '' : 's'} of the script did not come before the end.`
						: `${next} more event${next === 1 ? '' : 's'} to come.`}
			</p>
		</section>
	);
}

/** The score's copy and download, loaded when one is asked for. */
const scoreFile = () => import('./drillScoreFile.onDemand.ts');

/** What the list hands to the drill it shows. */
export interface DrillRunProps {
	playbook: ClientPlaybook;
	/** The incident of the drill being played, with its drill; or none while one is started but not declared. */
	playing?: { incident: Incident & { exercise: NonNullable<Incident['exercise']> }; drill: DrillSpec } | undefined;
	/** The drill started and not declared yet, when none is played. */
	pending?: { drill: DrillSpec; at: Pending } | undefined;
	/** Leaves the started drill (declared or abandoned): the list comes back. */
	leave: () => void;
	/** The id of the element to focus once the next view is drawn. */
	focus: (id: string) => void;
}

/**
 * A drill under way: its events as the clock reaches them, its declaration, then its score against
 * the playbook. The list of drills loads this when one is started or is being played, so the list,
 * the page's first view, carries none of it.
 */
export default function DrillRun(props: DrillRunProps) {
	return props.playing ? (
		<Playing {...props} playing={props.playing} />
	) : props.pending ? (
		<Started {...props} pending={props.pending} />
	) : null;
}

function Playing({ playbook, playing: { incident, drill }, focus }: DrillRunProps & { playing: NonNullable<DrillRunProps['playing']> }) {
	const now = useNow();
	const lists = useScenarios(playbook);
	const [copied, setCopied] = useState('');
	const endPressed = useRef(0);
	const score = scoreDrill(
		incident,
		drill,
		{ severities: playbook.severities, escalation: playbook.escalation, checklists: lists.checklists },
		now,
	);
	const closing = playbook.statuses.find((s) => s.closes);
	const open = incident.resolvedAt === undefined;
	return (
		<div class="drill-run pb-ui not-content" {...preparing}>
			<NotSaved changes={changes} />
			<p class="drill-heading" id="drill-running" tabIndex={-1}>
				<span class="drill-badge">DRILL</span> <strong>{drill.title}</strong>: {open ? 'running for' : 'ended after'}{' '}
				<span class="drill-clock">{formatClock(score.endedAt - score.startedAt)}</span>
			</p>
			<Injects drill={drill} startedAt={incident.exercise.startedAt} now={open ? now : score.endedAt} ended={!open} />
			<p>
				Work the drill as a real incident: the <a href={urls.incident()}>workspace</a> (severity, status, escalations), the{' '}
				<a href={urls.scenario(drill.scenario)}>{drill.scenarioTitle} runbook</a>, the <a href={urls.communication()}>messages</a> and the{' '}
				<a href={urls.postMortem()}>post-mortem</a>.
			</p>
			<section class="drill-score" aria-labelledby="drill-score-title">
				<h2 id="drill-score-title" tabIndex={-1}>
					Score: <span class="drill-points">{score.points}</span> / {score.max}
				</h2>
				{lists.status === 'loading' && <p role="status">Loading the runbook to score its steps…</p>}
				<table>
					<thead>
						<tr>
							<th scope="col">Check</th>
							<th scope="col">Points</th>
							<th scope="col">Why</th>
						</tr>
					</thead>
					<tbody>
						{score.items.map((item) => (
							<tr key={item.id} data-score={item.id} class={item.met ? 'met' : 'missed'}>
								<th scope="row">
									<span aria-hidden="true">{item.met ? '✓' : '✗'}</span> {item.label}
									<span class="sr-only">{item.met ? ' (met)' : ' (missed)'}</span>
								</th>
								<td>
									{item.points}/{item.max}
								</td>
								<td>{item.reason}</td>
							</tr>
						))}
					</tbody>
				</table>
				<div class="drill-actions">
					<button
						type="button"
						onClick={() =>
							void scoreFile()
								.then((f) => f.copyScore(score, drill, incident))
								.then((ok) => setCopied(ok ? 'Copied the score as Markdown.' : 'The browser did not allow copying: download it instead.'))
						}
					>
						Copy score as Markdown
					</button>
					<button type="button" onClick={() => void scoreFile().then((f) => f.downloadScore(score, drill, incident))}>
						Download score
					</button>
					{open && closing && (
						<button
							type="button"
							class="primary"
							onClick={() => {
								endPressed.current = Date.now();
								focus('drill-score-title');
								void change((c) => c.endDrill(incident.id, closing));
							}}
						>
							End the drill
						</button>
					)}
					{!open && (
						<button
							type="button"
							onClick={() => {
								// A second tap on "End the drill" lands on this button, drawn in its place: it is ignored.
								if (tooSoon(endPressed.current)) return;
								focus(`drill-${drill.id}`);
								void change((c) => c.closeDrill());
							}}
						>
							Back to the drills
						</button>
					)}
				</div>
				<p role="status">{copied}</p>
				<p class="hint">Drills never count in the metrics. The score is taken at the end of the drill (or now, while it runs).</p>
			</section>
		</div>
	);
}

function Started({ playbook, pending: { drill, at }, leave, focus }: DrillRunProps & { pending: NonNullable<DrillRunProps['pending']> }) {
	const now = useNow();
	const [severity, setSeverity] = useState('');
	// Declared and not yet kept (the store may still be loading): a second press declares nothing more.
	const [declaring, setDeclaring] = useState(false);
	const declare = (e: Event) => {
		e.preventDefault();
		if (!severity || declaring) return;
		setDeclaring(true);
		const declaration = {
			title: drill.title,
			severity,
			status: playbook.statuses[0]?.id ?? '',
			detectedAt: at.startedAt,
			impact: '',
			services: drill.services,
			commander: '',
			scenarios: [drill.scenario],
			drill: true,
			exercise: { drill: drill.id, startedAt: at.startedAt },
		};
		// The clock stays in the address until the drill is declared: the page goes from the one to the other.
		// Should its code not load, the declaration waits and is made once it does (NotSaved says so meanwhile).
		void change((c) => c.declareDrill(declaration, playbook.channelPrefix)).then(() => {
			focus('drill-running');
			leave();
		});
	};
	return (
		<div class="drill-run pb-ui not-content" {...preparing}>
			<NotSaved changes={changes} />
			<p class="drill-heading" id="drill-pending" tabIndex={-1}>
				<span class="drill-badge">DRILL</span> <strong>{drill.title}</strong>: started{' '}
				<span class="drill-clock">{formatClock(now - at.startedAt)}</span> ago, not declared yet
			</p>
			<Injects drill={drill} startedAt={at.startedAt} now={now} />
			<form class="drill-declare" onSubmit={declare}>
				<label for="drill-severity">Severity</label>
				<select id="drill-severity" required value={severity} onChange={(e) => setSeverity(e.currentTarget.value)}>
					<option value="" disabled>
						Choose a level
					</option>
					{playbook.severities.map((s) => (
						<option key={s.id} value={s.id}>
							{s.id} {s.name}
						</option>
					))}
				</select>
				<button type="submit" class="primary" disabled={!severity}>
					Declare the drill
				</button>
				<button
					type="button"
					onClick={() => {
						focus(`drill-${drill.id}`);
						leave();
					}}
				>
					Abandon
				</button>
			</form>
			<p class="hint">
				Classify from what the alert says (the <a href={urls.classify()}>classifier</a> helps); the clock started with the alert.
			</p>
		</div>
	);
}
