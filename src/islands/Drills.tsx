import { useEffect, useRef, useState } from 'preact/hooks';
import type { ClientPlaybook } from '../lib/clientPlaybook.ts';
import { activeIncident } from '../lib/stateRead.ts';
import { urls } from '../lib/urls.ts';
import type { Inject } from '../schemas/drill.ts';
import type DrillRun from './DrillRun.onDemand.tsx';
import { useStoredRead } from './useStoredRead.ts';
import { validatedState } from '../lib/stateRead.ts';

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
export interface Pending {
	id: string;
	startedAt: number;
}

/** How long a drill started and not declared stays in its address: a link older than this starts nothing. */
const PENDING_FOR_MS = 12 * 60 * 60_000;
/** How far ahead of this clock a start may be: the link was made by this browser, or by one whose clock is a little off. */
const AHEAD_MS = 2 * 60_000;

/**
 * The drill started and not declared yet, from the address: one of this page's drills, started in the last
 * twelve hours and not in the future (beyond a little clock skew), or none. A link edited by
 * hand or kept for days would show a clock of thousands of hours.
 */
function pendingFromUrl(drills: readonly DrillSpec[], now: number): Pending | undefined {
	const params = new URLSearchParams(location.search);
	const id = params.get('drill');
	const startedAt = Number(params.get('started'));
	const fresh = startedAt >= now - PENDING_FOR_MS && startedAt <= now + AHEAD_MS;
	return id && drills.some((d) => d.id === id) && fresh ? { id, startedAt } : undefined;
}

/**
 * The drill under way (its events, declaration and score). Loaded when one is started or played, and
 * as soon as the responder reaches for a Start button, so the list, the first view, carries none of it.
 */
let runView: Promise<typeof DrillRun> | undefined;
const loadRun = () => (runView ??= import('./DrillRun.onDemand.tsx').then((m) => m.default));

/**
 * Game-day drills: start one, see its alert and its events as the clock reaches them, declare and
 * work it in the workspace and runbooks as for real, and read the score against the playbook.
 * The drill played is read without the store (useStoredRead); the store loads on the first sign of
 * a change.
 */
export default function Drills({ drills, playbook }: Props) {
	const { value: state, ready } = useStoredRead(validatedState);
	const [pending, setPending] = useState<Pending | undefined>(undefined);
	const [Run, setRun] = useState<typeof DrillRun>();
	const [failed, setFailed] = useState(false);
	useEffect(() => setPending(pendingFromUrl(drills, Date.now())), []);
	// Each press replaces the view: focus goes to the new view's heading (by id), not to the page's start.
	const focusNext = useRef<string>();
	useEffect(() => {
		const target = focusNext.current && document.getElementById(focusNext.current);
		if (!target) return;
		focusNext.current = undefined;
		target.focus();
	});
	const focus = (id: string) => {
		focusNext.current = id;
	};
	const load = () => {
		if (Run) return;
		loadRun().then(
			(view) => {
				setFailed(false);
				setRun(() => view);
			},
			() => {
				runView = undefined;
				setFailed(true);
			},
		);
	};

	const incident = activeIncident(state);
	const playing = incident?.exercise ? drills.find((d) => d.id === incident.exercise?.drill) : undefined;
	const chosen = pending ? drills.find((d) => d.id === pending.id) : undefined;
	const shown = ready && !!((incident?.exercise && playing) || (pending && chosen));
	useEffect(() => {
		if (shown) load();
	}, [shown]);
	const start = (drill: DrillSpec) => {
		const at = Date.now();
		focus('drill-pending');
		setPending({ id: drill.id, startedAt: at });
		history.replaceState(history.state, '', `${location.pathname}?${new URLSearchParams({ drill: drill.id, started: String(at) })}`);
	};
	const leave = () => {
		setPending(undefined);
		history.replaceState(history.state, '', location.pathname);
	};

	if (shown && Run)
		return (
			<Run
				playbook={playbook}
				playing={incident?.exercise && playing ? { incident: { ...incident, exercise: incident.exercise }, drill: playing } : undefined}
				pending={pending && chosen ? { drill: chosen, at: pending } : undefined}
				leave={leave}
				focus={focus}
			/>
		);

	return (
		<>
			{shown && failed && (
				<p class="drill-failed" role="alert">
					The drill could not be shown: its code did not load. Check the connection, then{' '}
					<button type="button" onClick={() => location.reload()}>
						reload the page
					</button>{' '}
					(the drill keeps its clock: it is in the address).
				</p>
			)}
			<ul class="drill-list pb-ui not-content" onPointerDown={load} onFocusIn={load}>
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
		</>
	);
}
