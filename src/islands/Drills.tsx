import { useEffect, useRef, useState } from 'preact/hooks';
import type { ClientPlaybook } from '../lib/clientPlaybook.ts';
import { formatClock } from '../lib/clocks.ts';
import { dueInjects, injectAt, scoreDrill } from '../lib/drillScore.ts';
import { onDemandChanges } from '../lib/onDemandChanges.ts';
import { activeIncident } from '../lib/stateRead.ts';
import { urls } from '../lib/urls.ts';
import type { Inject } from '../schemas/drill.ts';
import { useScenarios } from './useScenarios.ts';
import { useNow } from './useNow.ts';
import { useStateRead } from './useStateRead.ts';
import { NotSaved } from './NotSaved.tsx';
import { tooSoon } from './doubleTap.ts';

/** What declares, ends and leaves a drill, loaded with the store on the first sign of a change. */
const changes = onDemandChanges(() => import('../lib/drillChanges.onDemand.ts'));
const { change, prepare } = changes;
/** Where the page starts loading them: a press, a key or focus in the drill. */
const preparing = { onPointerDown: prepare, onKeyDown: prepare, onFocusIn: prepare };

/** A drill as the page gets it: its script, and the name of its scenario. */
export interface DrillSpec {
	id: string;
	title: string;
	description?: string | undefined;
	scenario: string;
	scenarioTitle: string;
	severity: string;
	alert: string;
	services: string[];
	injects: Inject[];
}

interface Props {
	drills: DrillSpec[];
	playbook: ClientPlaybook;
}

/** A drill started but not declared yet: kept in the address, so a reload keeps the clock. */
interface Pending {
	id: string;
	startedAt: number;
}

function pendingFromUrl(drills: readonly DrillSpec[]): Pending | undefined {
	const params = new URLSearchParams(location.search);
	const id = params.get('drill');
	const startedAt = Number(params.get('started'));
	return id && drills.some((d) => d.id === id) && Number.isFinite(startedAt) && startedAt > 0 ? { id, startedAt } : undefined;
}

/** The alert and the events that have fallen due, newest last; the rest stay hidden until their time. */
function Injects({ drill, startedAt, now }: { drill: DrillSpec; startedAt: number; now: number }) {
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
			<p class="hint">{next === 0 ? 'Every event of the script has happened.' : `${next} more event${next === 1 ? '' : 's'} to come.`}</p>
		</section>
	);
}

/** The score's copy and download, loaded when one is asked for. */
const scoreFile = () => import('./drillScoreFile.onDemand.ts');

/**
 * Game-day drills: start one, see its alert and its events as the clock reaches them, declare and
 * work it in the workspace and runbooks as for real, and read the score against the playbook.
 * The drill played is read without the store (useStateRead); the store loads on the first sign of
 * a change.
 */
export default function Drills({ drills, playbook }: Props) {
	const { state, ready } = useStateRead();
	const now = useNow();
	const lists = useScenarios(playbook);
	const [pending, setPending] = useState<Pending | undefined>(undefined);
	const [severity, setSeverity] = useState('');
	const [copied, setCopied] = useState('');
	// Declared and not yet kept (the store may still be loading): a second press declares nothing more.
	const [declaring, setDeclaring] = useState(false);
	useEffect(() => setPending(pendingFromUrl(drills)), []);
	// Each press replaces the view: focus goes to the new view's heading (by id), not to the page's start.
	const focusNext = useRef<string>();
	useEffect(() => {
		const target = focusNext.current && document.getElementById(focusNext.current);
		if (!target) return;
		focusNext.current = undefined;
		target.focus();
	});
	const endPressed = useRef(0);

	const incident = activeIncident(state);
	const playing = incident?.exercise ? drills.find((d) => d.id === incident.exercise?.drill) : undefined;
	const start = (drill: DrillSpec) => {
		const at = Date.now();
		focusNext.current = 'drill-pending';
		setPending({ id: drill.id, startedAt: at });
		setSeverity('');
		history.replaceState(history.state, '', `${location.pathname}?${new URLSearchParams({ drill: drill.id, started: String(at) })}`);
	};
	const leave = () => {
		setPending(undefined);
		setDeclaring(false);
		history.replaceState(history.state, '', location.pathname);
	};

	if (ready && incident && playing && incident.exercise) {
		const score = scoreDrill(
			incident,
			playing,
			{ severities: playbook.severities, escalation: playbook.escalation, checklists: lists.checklists },
			now,
		);
		const closing = playbook.statuses.find((s) => s.closes);
		const open = incident.resolvedAt === undefined;
		return (
			<div class="drill-run pb-ui not-content" {...preparing}>
				<NotSaved changes={changes} />
				<p class="drill-heading" id="drill-running" tabIndex={-1}>
					<span class="drill-badge">DRILL</span> <strong>{playing.title}</strong>: {open ? 'running for' : 'ended after'}{' '}
					<span class="drill-clock">{formatClock(score.endedAt - score.startedAt)}</span>
				</p>
				<Injects drill={playing} startedAt={incident.exercise.startedAt} now={open ? now : score.endedAt} />
				<p>
					Work the drill as a real incident: the <a href={urls.incident()}>workspace</a> (severity, status, escalations), the{' '}
					<a href={urls.scenario(playing.scenario)}>{playing.scenarioTitle} runbook</a>, the <a href={urls.communication()}>messages</a> and
					the <a href={urls.postMortem()}>post-mortem</a>.
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
									.then((f) => f.copyScore(score, playing, incident))
									.then((ok) => setCopied(ok ? 'Copied the score as Markdown.' : 'The browser did not allow copying: download it instead.'))
							}
						>
							Copy score as Markdown
						</button>
						<button type="button" onClick={() => void scoreFile().then((f) => f.downloadScore(score, playing, incident))}>
							Download score
						</button>
						{open && closing && (
							<button
								type="button"
								class="primary"
								onClick={() => {
									endPressed.current = Date.now();
									focusNext.current = 'drill-score-title';
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
									focusNext.current = `drill-${playing.id}`;
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

	const chosen = pending ? drills.find((d) => d.id === pending.id) : undefined;
	if (ready && pending && chosen) {
		const declare = (e: Event) => {
			e.preventDefault();
			if (!severity || declaring) return;
			setDeclaring(true);
			const declaration = {
				title: chosen.title,
				severity,
				status: playbook.statuses[0]?.id ?? '',
				detectedAt: pending.startedAt,
				impact: '',
				services: chosen.services,
				commander: '',
				scenarios: [chosen.scenario],
				drill: true,
				exercise: { drill: chosen.id, startedAt: pending.startedAt },
			};
			// The clock stays in the address until the drill is declared: the page goes from the one to the other.
			// Should its code not load, the declaration waits and is made once it does (NotSaved says so meanwhile).
			void change((c) => c.declareDrill(declaration, playbook.channelPrefix)).then(() => {
				focusNext.current = 'drill-running';
				leave();
			});
		};
		return (
			<div class="drill-run pb-ui not-content" {...preparing}>
				<NotSaved changes={changes} />
				<p class="drill-heading" id="drill-pending" tabIndex={-1}>
					<span class="drill-badge">DRILL</span> <strong>{chosen.title}</strong>: started{' '}
					<span class="drill-clock">{formatClock(now - pending.startedAt)}</span> ago, not declared yet
				</p>
				<Injects drill={chosen} startedAt={pending.startedAt} now={now} />
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
							focusNext.current = `drill-${chosen.id}`;
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

	return (
		<ul class="drill-list pb-ui not-content">
			{drills.map((drill) => (
				<li key={drill.id} class="drill-card">
					<h2 id={`drill-${drill.id}`} tabIndex={-1}>
						{drill.title}
					</h2>
					{drill.description && <p>{drill.description}</p>}
					<p class="hint">
						Scenario: <a href={urls.scenario(drill.scenario)}>{drill.scenarioTitle}</a> · {drill.injects.length} event
						{drill.injects.length === 1 ? '' : 's'} after the alert
					</p>
					<button type="button" class="primary" aria-describedby={`drill-${drill.id}`} onClick={() => start(drill)}>
						Start
					</button>
				</li>
			))}
		</ul>
	);
}
