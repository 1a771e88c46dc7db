/**
 * The incident model: every change a responder can make, as a pure function from one state to the
 * next. Islands call these through the store (store.ts); nothing here touches the DOM or storage.
 */
import { changedItems, type ActionItemFields } from './actionItems.ts';
import { dueValue, type Deadline } from './clocks.ts';
import { scenarioAdded } from './escalationLadder.ts';
import { keyParts } from './incidentChecklists.ts';
import { newId } from './newId.ts';
import { uniqueServices } from './serviceList.ts';
import { actionItemClock, IMPORTED_CLOCK, scenarioClock } from './merge.ts';
import { activeIncident, findIncident } from './stateRead.ts';
import {
	emptyPostMortem,
	type ActionItem,
	type Exercise,
	type Incident,
	type PostMortem,
	type State,
	type Tick,
	type Ticks,
	type TimelineEvent,
} from './state.ts';

/** What a responder fills in to declare an incident. */
export interface Declaration {
	title: string;
	severity: string;
	/** Id of the status the incident starts in (the first status of the content). */
	status: string;
	detectedAt: number;
	impact: string;
	services: string[];
	onCall: string;
	commander: string;
	scenarios: string[];
	drill: boolean;
	alert?: string | undefined;
	/** The scripted drill played, when started from one (drills only). */
	exercise?: Exercise | undefined;
}

/** Fields of an incident a responder edits directly. */
export type IncidentFields = Pick<Incident, 'title' | 'impact' | 'services' | 'onCall' | 'commander' | 'detectedAt' | 'scenarios'>;

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The incident id for a declaration at this time: "20261126-0314-k7q2", or "drill-20261126-0314-k7q2".
 * The date keeps it readable; the random suffix keeps two tabs or two browsers declaring in the
 * same minute from sharing an id (and so from merging into one incident).
 */
export function incidentId(at: number, drill: boolean, taken: readonly string[], random: () => number = Math.random): string {
	const d = new Date(at);
	const suffix = Math.floor(random() * 36 ** 4)
		.toString(36)
		.padStart(4, '0');
	const date = `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}`;
	const base = `${drill ? 'drill-' : ''}${date}-${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}-${suffix}`;
	let id = base;
	for (let n = 2; taken.includes(id); n++) id = `${base}-${n}`;
	return id;
}

/** The chat channel of an incident: the configured prefix and the incident id. */
export function channelName(prefix: string, id: string): string {
	return `#${prefix}${id}`;
}

/** Finding an incident, kept with the read that needs no store (stateRead.ts). */
export { activeIncident, findIncident };

function event(now: number, kind: TimelineEvent['kind'], text: string, by: string, value?: string): TimelineEvent {
	return { id: newId(now), at: now, kind, text, ...(by ? { by } : {}), ...(value === undefined ? {} : { value }) };
}

function withIncident(state: State, id: string, change: (incident: Incident) => Incident): State {
	return { ...state, incidents: state.incidents.map((i) => (i.id === id ? change(i) : i)) };
}

/** Declare an incident and make it the active one. Returns the new state and the incident's id. */
export function declareIncident(
	state: State,
	input: Declaration,
	channelPrefix: string,
	now: number,
	random: () => number = Math.random,
): { state: State; id: string } {
	const id = incidentId(now, input.drill, [...state.incidents.map((i) => i.id), ...Object.keys(state.deleted)], random);
	const by = state.responder;
	const incident: Incident = {
		id,
		title: input.title.trim() || 'Untitled incident',
		severity: input.severity,
		status: input.status,
		drill: input.drill,
		detectedAt: Math.min(input.detectedAt, now),
		declaredAt: now,
		impact: input.impact,
		services: uniqueServices(input.services),
		onCall: input.onCall,
		commander: input.commander,
		channel: channelName(channelPrefix, id),
		scenarios: input.scenarios,
		...(input.alert ? { alert: input.alert } : {}),
		...(input.drill && input.exercise ? { exercise: input.exercise } : {}),
		ticks: {},
		events: [
			event(Math.min(input.detectedAt, now), 'detected', input.alert ? `Incident detected: alert ${input.alert}` : 'Incident detected', ''),
			event(
				now,
				'declared',
				`${input.drill ? 'Drill declared' : 'Incident declared'}: ${input.severity}, ${input.title.trim() || 'Untitled incident'}`,
				by,
				input.severity,
			),
		],
		postMortem: emptyPostMortem(),
		clock: {},
	};
	return { state: { ...state, incidents: [incident, ...state.incidents], activeId: id, activeAt: now }, id };
}

/** Move the incident to a status (statuses come from the content); a closing status resolves it. */
export function setStatus(state: State, id: string, status: { id: string; label: string; closes: boolean }, now: number): State {
	return withIncident(state, id, (incident) => {
		if (incident.status === status.id) return incident;
		const reopening = incident.resolvedAt !== undefined && !status.closes;
		const { resolvedAt: _dropped, ...open } = incident;
		const next: Incident = status.closes ? { ...incident, resolvedAt: now } : open;
		const text = status.closes ? `Resolved` : reopening ? `Reopened: ${status.label}` : `Status: ${status.label}`;
		return {
			...next,
			status: status.id,
			events: [...incident.events, event(now, 'status', text, state.responder, status.id)],
			clock: { ...incident.clock, status: now, resolvedAt: now },
		};
	});
}

/** Change the severity; the timeline keeps the history (and so the time spent at each level). */
export function setSeverity(state: State, id: string, severity: string, now: number): State {
	return withIncident(state, id, (incident) =>
		incident.severity === severity
			? incident
			: {
					...incident,
					severity,
					events: [...incident.events, event(now, 'severity', `Severity ${incident.severity} → ${severity}`, state.responder, severity)],
					clock: { ...incident.clock, severity: now },
				},
	);
}

/** Edit the incident's own fields. A changed detection time, and each scenario added, is noted on the timeline. */
export function updateIncident(state: State, id: string, edit: Partial<IncidentFields>, now: number): State {
	// Services each once, as at the declaration.
	const patch = edit.services ? { ...edit, services: uniqueServices(edit.services) } : edit;
	return withIncident(state, id, (incident) => {
		const changed = (Object.keys(patch) as (keyof IncidentFields)[]).filter(
			(key) => JSON.stringify(patch[key]) !== JSON.stringify(incident[key]),
		);
		if (changed.length === 0) return incident;
		// Forms refuse a future time (detectionProblem); one that slips through is kept at now, and
		// the timeline says what was stored.
		const detectedAt = Math.min(patch.detectedAt ?? incident.detectedAt, now);
		const events = [
			...incident.events,
			...(changed.includes('detectedAt') && detectedAt !== incident.detectedAt
				? [event(now, 'edited', `Detection time set to ${new Date(detectedAt).toISOString()}`, state.responder)]
				: []),
			...scenariosAddedLines(
				(patch.scenarios ?? []).filter((id) => !incident.scenarios.includes(id)),
				state.responder,
				now,
			),
		];
		// Scenarios each by their own clock (scenarioClock): those added and those taken away.
		const scenarios = new Set([...(patch.scenarios ?? []), ...incident.scenarios]);
		const touched = [...scenarios].filter((id) => patch.scenarios && patch.scenarios.includes(id) !== incident.scenarios.includes(id));
		const clock = {
			...incident.clock,
			...Object.fromEntries([...changed.filter((key) => key !== 'scenarios'), ...touched.map(scenarioClock)].map((key) => [key, now])),
		};
		return { ...incident, ...patch, detectedAt, events, clock };
	});
}

/** Add a note to the timeline. */
export function addNote(state: State, id: string, text: string, now: number): State {
	const note = text.trim();
	if (!note) return state;
	return withIncident(state, id, (incident) => ({ ...incident, events: [...incident.events, event(now, 'note', note, state.responder)] }));
}

/** An alert as it is added to an open incident: its name, and its level, services and summary as its link gave them. */
export interface AddedAlert {
	alert?: string | undefined;
	severity?: string | undefined;
	services: readonly string[];
	summary?: string | undefined;
}

/** What the timeline line of an alert added to an incident carries: its name in lower case, as alerts are matched (declaredFrom). */
const addedAlertValue = (name: string): string => `alert:${name.toLowerCase()}`;

/** The timeline lines of the alert named that were added to the incident (addAlert), its name in any case. */
export const addedAlertLines = (incident: Pick<Incident, 'events'>, name: string | undefined): TimelineEvent[] =>
	!name ? [] : incident.events.filter((e) => e.kind === 'note' && e.value === addedAlertValue(name));

/** The timeline line of an alert added to an incident. */
function alertLine(alert: AddedAlert): string {
	const facts = [alert.severity, ...alert.services].filter(Boolean).join(', ');
	return `Alert ${alert.alert ?? 'without a name'}${facts ? ` (${facts})` : ''} added${alert.summary ? `: ${alert.summary}` : ''}`;
}

/**
 * Whether the incident took this very alert already, with the same level, services and summary: the same link
 * opened in a third tab, or pressed again. The same alert firing for another service is another line.
 */
export const tookAlert = (incident: Pick<Incident, 'events'>, alert: AddedAlert): boolean =>
	addedAlertLines(incident, alert.alert).some((e) => e.text.toLowerCase() === alertLine(alert).toLowerCase());

/**
 * Add an alert to an open incident instead of declaring another: the timeline notes it, with its
 * level, services and summary (as alertPrefill bounds it), at the moment it was added (its link
 * carries no firing time); its services join the incident's (each once). The same alert taken
 * already (tookAlert) is noted once.
 */
export function addAlert(state: State, id: string, alert: AddedAlert, now: number): State {
	return withIncident(state, id, (incident) => {
		if (tookAlert(incident, alert)) return incident;
		const services = uniqueServices([...incident.services, ...alert.services]);
		const grew = services.length !== incident.services.length;
		const value = alert.alert === undefined ? undefined : addedAlertValue(alert.alert);
		return {
			...incident,
			services,
			clock: grew ? { ...incident.clock, services: now } : incident.clock,
			events: [...incident.events, event(now, 'note', alertLine(alert), state.responder, value)],
		};
	});
}

/**
 * Record on the timeline that a message was copied for sending. A copy already logged (the same
 * words within RECOPY_MS, with nothing on the incident changed between the two) is not logged again:
 * a second tap on a copy button, and a page left before its store arrived, which hands the copy to
 * the next page and may yet apply it itself (back from the back-forward cache). After a change (the
 * status, the level, a value typed), the copy said something new, and is the update sent.
 */
export function logMessage(state: State, id: string, text: string, now: number): State {
	return withIncident(state, id, (incident) => {
		const changes = Object.values(incident.clock);
		const same = (at: number) =>
			at === now || (Math.abs(at - now) < RECOPY_MS && !changes.some((c) => c > Math.min(at, now) && c <= Math.max(at, now)));
		return incident.events.some((e) => e.kind === 'message' && e.text === text && same(e.at))
			? incident
			: { ...incident, events: [...incident.events, event(now, 'message', text, state.responder)] };
	});
}

/**
 * How long after a copy is logged the same message copied again (a second tap, the same text copied
 * to paste it elsewhere) says nothing new: it is logged once, not twice in the timeline and the
 * post-mortem.
 */
export const RECOPY_MS = 60_000;

/**
 * Record an escalation on the timeline: `value` says what it was ("rung:<id>" when someone was
 * brought in, "due:<deadline id>" when a deadline fell due). Each value is logged once.
 */
export function logEscalation(state: State, id: string, text: string, value: string, now: number): State {
	return withIncident(state, id, (incident) =>
		incident.events.some((e) => e.kind === 'escalation' && e.value === value)
			? incident
			: { ...incident, events: [...incident.events, event(now, 'escalation', text, state.responder, value)] },
	);
}

/**
 * Record on the timeline that a deadline fell due, stamped with the moment it fell due (a page
 * may notice it much later, after a laptop slept or when no page was open). Logged once (dueValue).
 */
export function logDeadline(
	state: State,
	id: string,
	deadline: Pick<Deadline, 'id' | 'kind' | 'label' | 'detail' | 'at'>,
	now: number,
): State {
	const value = dueValue(deadline);
	const at = Math.min(deadline.at ?? now, now);
	return withIncident(state, id, (incident) =>
		incident.events.some((e) => e.kind === 'escalation' && e.value === value)
			? incident
			: {
					...incident,
					events: [...incident.events, event(at, 'escalation', `Due: ${deadline.label} (${deadline.detail})`, '', value)].sort(
						(a, b) => a.at - b.at,
					),
				},
	);
}

/** Where ticks go: an incident's, or the scratch session when no incident is open. */
export type TickTarget = string | null;

function withTicks(state: State, target: TickTarget, change: (ticks: Ticks) => Ticks, log?: TimelineEvent): State {
	if (target === null) return { ...state, scratch: change(state.scratch) };
	return withIncident(state, target, (incident) => ({
		...incident,
		ticks: change(incident.ticks),
		events: log ? [...incident.events, log] : incident.events,
	}));
}

/** The ticks of a target. */
export function ticksOf(state: State, target: TickTarget): Ticks {
	return target === null ? state.scratch : (findIncident(state, target)?.ticks ?? {});
}

/** Tick a checklist step (or untick it with done: false). */
export function tickItem(
	state: State,
	target: TickTarget,
	key: string,
	step: { text: string; list: string },
	done: boolean,
	now: number,
): State {
	const previous = ticksOf(state, target)[key];
	// Already so, or older than the step's last change (made on a page whose changes were applied late): nothing to do.
	if ((previous?.done ?? false) === done || (previous?.changedAt ?? -Infinity) > now) return state;
	const tick: Tick = {
		done,
		at: done ? now : (previous?.at ?? now),
		changedAt: now,
		by: state.responder,
		text: step.text,
		list: step.list,
		...(previous?.note ? { note: previous.note } : {}),
	};
	const log = event(now, done ? 'tick' : 'untick', `${done ? 'Done' : 'Undone'}: ${step.text} (${step.list})`, state.responder);
	const ticked = withTicks(state, target, (ticks) => ({ ...ticks, [key]: tick }), log);
	return done && target !== null ? withIncident(ticked, target, (incident) => withRunbookOf(incident, key, state.responder, now)) : ticked;
}

/**
 * Scenarios given to an incident after its declaration, each said on its timeline (its value, as escalations
 * write theirs, names it): a rung the scenario brings shows up then, and the record says why.
 */
const scenariosAddedLines = (ids: readonly string[], by: string, now: number): TimelineEvent[] =>
	ids.map((id) => event(now, 'edited', `Scenario added: ${id}`, by, scenarioAdded(id)));

/**
 * A scenario's runbook worked for an incident (a step of it done, a symptom seen) makes the scenario
 * one of the incident's, as if chosen in its details: its escalation (a rung for that scenario), its
 * messages and its post-mortem follow the runbook the responder is working, not only the one picked
 * when declaring. Never taken away here: choosing is the details form's, as the declare form's choice
 * stands over ticks made before declaring (attachScratch adds none).
 */
function withRunbookOf(incident: Incident, key: string, by: string, now: number): Incident {
	const { area, page } = keyParts({ key });
	// Over, its record is what it was: a runbook opened since (ticks still go to it) changes neither its escalation nor its post-mortem.
	return area !== 'scenario' || page === '' || incident.scenarios.includes(page) || incident.resolvedAt !== undefined
		? incident
		: {
				...incident,
				scenarios: [...incident.scenarios, page],
				events: [...incident.events, ...scenariosAddedLines([page], by, now)],
				// Never back in time: a tick applied late (made on a page left before) must not lose to an older edit when tabs merge.
				clock: { ...incident.clock, [scenarioClock(page)]: Math.max(now, (incident.clock[scenarioClock(page)] ?? -Infinity) + 1) },
			};
}

/**
 * How soon after a step's note line was first written its writer's edit rewrites the line instead of adding one: a
 * typo put right, or a figure filled in, is the same finding. Later edits, or another responder's,
 * add a line, so what the note said before stays on the record. (Here, not in limits.ts: the store's
 * chunk takes in what its modules import, and pages that read limits.ts without the store would load it.)
 */
export const NOTE_REWRITE_MS = 10 * 60_000;

/** Attach a short note to a step (ticked or not). */
export function setItemNote(
	state: State,
	target: TickTarget,
	key: string,
	step: { text: string; list: string },
	note: string,
	now: number,
): State {
	const previous = ticksOf(state, target)[key];
	if ((previous?.changedAt ?? -Infinity) > now) return state;
	const { note: _old, ...rest } = previous ?? { done: false, at: now, by: state.responder, text: step.text, list: step.list };
	const text = note.trim();
	const tick: Tick = { ...rest, changedAt: now, ...(text ? { note: text } : {}) };
	// What was found at a step belongs to the incident's story: on its timeline, read by the post-mortem and the exports.
	const log = text && text !== previous?.note ? event(now, 'note', stepNoteText(step, text), state.responder) : undefined;
	const changed = withTicks(state, target, (ticks) => ({ ...ticks, [key]: tick }), log);
	// Edited soon after by its writer: the step's last note line is rewritten (its id kept, so tabs merge to the newer).
	const events = target === null ? undefined : findIncident(state, target)?.events;
	const line = log && previous?.note ? events?.findLast((e) => e.text === stepNoteText(step, previous.note!)) : undefined;
	// The window counts from when the line was first written, so a note edited every few minutes still keeps what it said.
	const written = Number(line?.value ?? line?.at);
	if (!log || !line || line.by !== log.by || !(now - written < NOTE_REWRITE_MS)) return changed;
	return withIncident(changed, target!, (incident) => ({
		...incident,
		events: [...incident.events.filter((e) => e.id !== line.id && e !== log), { ...log, id: line.id, value: String(written) }],
	}));
}

/** A step's note as the timeline says it. */
function stepNoteText(step: { text: string; list: string }, note: string): string {
	return `Note on ${step.text} (${step.list}): ${note}`;
}

/**
 * Untick every step whose key starts with the prefix ("" for all). Returns the state and the ticks
 * as they were, for undo.
 */
export function resetTicks(state: State, target: TickTarget, prefix: string, label: string, now: number): { state: State; undo: Ticks } {
	const current = ticksOf(state, target);
	const undo = Object.fromEntries(Object.entries(current).filter(([key, tick]) => key.startsWith(prefix) && tick.done));
	if (Object.keys(undo).length === 0) return { state, undo };
	const cleared = Object.fromEntries(Object.entries(undo).map(([key, tick]) => [key, { ...tick, done: false, changedAt: now }]));
	const log = event(now, 'reset', `Reset ${Object.keys(undo).length} ticks: ${label}`, state.responder);
	return { state: withTicks(state, target, (ticks) => ({ ...ticks, ...cleared }), log), undo };
}

/** Put back ticks taken away by a reset (undo). */
export function restoreTicks(state: State, target: TickTarget, ticks: Ticks, now: number): State {
	const restored = Object.fromEntries(Object.entries(ticks).map(([key, tick]) => [key, { ...tick, changedAt: now }]));
	const log = event(now, 'reset', `Undid reset of ${Object.keys(ticks).length} ticks`, state.responder);
	return withTicks(state, target, (current) => ({ ...current, ...restored }), log);
}

/**
 * Move the scratch session's ticks and step notes into an incident: each tick becomes a timeline event
 * at its time, each note one at the time it was last changed (a note on a step not ticked comes too).
 */
export function attachScratch(state: State, id: string, now: number): State {
	const kept = Object.entries(state.scratch).filter(([, tick]) => tick.done || tick.note);
	if (!findIncident(state, id) || kept.length === 0) return { ...state, scratch: {} };
	const next = withIncident(state, id, (incident) => ({
		...incident,
		ticks: { ...incident.ticks, ...Object.fromEntries(kept.map(([key, tick]) => [key, { ...tick, changedAt: now }])) },
		events: [
			...incident.events,
			...kept.flatMap(([, tick]) => [
				...(tick.done ? [event(tick.at, 'tick', `Done: ${tick.text} (${tick.list})`, tick.by)] : []),
				...(tick.note ? [event(tick.changedAt, 'note', stepNoteText(tick, tick.note), tick.by)] : []),
			]),
		].sort((a, b) => a.at - b.at),
	}));
	return { ...next, scratch: {} };
}

/** Make an incident the one every page shows (null: none). */
export function setActive(state: State, id: string | null, now: number): State {
	return { ...state, activeId: id, activeAt: now };
}

/** Delete an incident for good. */
export function deleteIncident(state: State, id: string, now: number): State {
	return {
		...state,
		incidents: state.incidents.filter((i) => i.id !== id),
		// Built with fromEntries: an id such as "__proto__" stays an own key.
		deleted: Object.fromEntries([...Object.entries(state.deleted), [id, now]]),
		...(state.activeId === id ? { activeId: null, activeAt: now } : {}),
	};
}

/** Delete every drill in one step. */
export function clearDrills(state: State, now: number): State {
	return state.incidents.filter((i) => i.drill).reduce((s, drill) => deleteIncident(s, drill.id, now), state);
}

/** Set the name recorded with ticks and notes made in this browser. */
export function setResponder(state: State, name: string): State {
	return { ...state, responder: name.trim() };
}

/** Edit the post-mortem's own fields. */
export function updatePostMortem(state: State, id: string, patch: Partial<PostMortem>, now: number): State {
	return withIncident(state, id, (incident) => ({
		...incident,
		postMortem: { ...incident.postMortem, ...patch },
		clock: { ...incident.clock, ...Object.fromEntries(Object.keys(patch).map((key) => [`postMortem.${key}`, now])) },
	}));
}

/** Change the action items, with a clock entry per item and field changed (tabs merge them one by one). */
function withActionItems(state: State, id: string, items: ActionItem[], clocks: string[], now: number): State {
	return withIncident(state, id, (incident) => ({
		...incident,
		postMortem: { ...incident.postMortem, actionItems: items },
		clock: { ...incident.clock, ...Object.fromEntries(clocks.map((key) => [key, now])) },
	}));
}

/**
 * Add an action item to the post-mortem. Returns the new state and the item's id: a new one, or
 * `itemId`, the id under which the post-mortem page already shows it.
 */
export function addActionItem(
	state: State,
	id: string,
	fields: ActionItemFields,
	now: number,
	itemId = newId(now),
): { state: State; itemId: string } {
	const incident = findIncident(state, id);
	const items = incident?.postMortem.actionItems ?? [];
	// Added twice (the page's own change, applied by another page too), or once it was removed: nothing more.
	if (items.some((a) => a.id === itemId) || incident?.clock[actionItemClock(itemId, 'removed')] !== undefined) return { state, itemId };
	const clocks = (['item', 'owner', 'due', 'done'] as const).map((field) => actionItemClock(itemId, field));
	return { state: withActionItems(state, id, changedItems(items, { add: itemId, fields }), clocks, now), itemId };
}

/** Change an action item's text, owner, due date or done mark. */
export function updateActionItem(state: State, id: string, itemId: string, patch: Partial<Omit<ActionItem, 'id'>>, now: number): State {
	const incident = findIncident(state, id);
	const items = incident?.postMortem.actionItems ?? [];
	// A field changed later than this edit (kept late, or twice) keeps the later value.
	const fields = (Object.keys(patch) as (keyof typeof patch)[]).filter(
		(field) => (incident?.clock[actionItemClock(itemId, field)] ?? -Infinity) <= now,
	);
	if (!items.some((a) => a.id === itemId) || fields.length === 0) return state;
	const fresh = Object.fromEntries(fields.map((field) => [field, patch[field]]));
	return withActionItems(
		state,
		id,
		changedItems(items, { update: itemId, patch: fresh }),
		fields.map((field) => actionItemClock(itemId, field)),
		now,
	);
}

/** Remove an action item from the post-mortem. */
export function removeActionItem(state: State, id: string, itemId: string, now: number): State {
	const items = findIncident(state, id)?.postMortem.actionItems ?? [];
	if (!items.some((a) => a.id === itemId)) return state;
	return withActionItems(state, id, changedItems(items, { remove: itemId }), [actionItemClock(itemId, 'removed')], now);
}

/** Add an imported incident: as it is when its id is free, or replacing the one with its id. */
export function importIncident(state: State, incident: Incident, now: number, how = 'Imported from a file'): State {
	const others = state.incidents.filter((i) => i.id !== incident.id);
	const deleted = Object.fromEntries(Object.entries(state.deleted).filter(([key]) => key !== incident.id));
	const imported: Incident = {
		...incident,
		events: [...incident.events, event(now, 'imported', how, state.responder)],
		// Newer than a deletion another tab still holds: the merge keeps it (mergeState).
		clock: { ...incident.clock, [IMPORTED_CLOCK]: now },
	};
	return {
		...state,
		incidents: [imported, ...others].sort((a, b) => b.declaredAt - a.declaredAt),
		deleted,
		activeId: incident.id,
		activeAt: now,
	};
}
