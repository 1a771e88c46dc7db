/**
 * What the declare form checks and tidies before an incident is declared: the problems of each
 * field (shown beside it, the first one focused), the title's limit, the levels a runbook usually
 * has, and an incident already open that a new alert may belong to (services: serviceList.ts).
 */
import { declaredFrom } from './alertParams.ts';
import { addedAlertLines } from './incidents.ts';
import { detectionProblem, MAX_IMPACT_LENGTH, MAX_TITLE_LENGTH } from './limits.ts';
import type { Incident, State } from './state.ts';

/** The declare form's fields that can be refused, in the order the form shows them. */
export const DECLARE_FIELDS = ['title', 'severity', 'detected'] as const;
export type DeclareField = (typeof DECLARE_FIELDS)[number];

/** What the form holds when it is submitted. */
export interface DeclareInput {
	title: string;
	severity: string;
	detectedAt: number;
}

/** Why each field cannot be declared with, in the form's order (the first is the one to focus); empty when all is well. */
export function declareProblems(
	input: DeclareInput,
	severities: readonly string[],
	now: number,
): { field: DeclareField; message: string }[] {
	const problems: { field: DeclareField; message: string }[] = [];
	if (!input.title.trim()) problems.push({ field: 'title', message: 'Give the incident a title: what is broken, in a few words.' });
	if (!severities.includes(input.severity)) problems.push({ field: 'severity', message: 'Choose a severity.' });
	const detection = detectionProblem(input.detectedAt, now);
	if (detection) problems.push({ field: 'detected', message: detection });
	return problems;
}

/** Said once a field reaches its limit (a longer paste is cut there by the browser), or undefined below it. */
function limitNote(length: number, max: number, holder: string, rest: string): string | undefined {
	return length >= max ? `${max.toLocaleString('en')} characters, the most ${holder} holds: anything longer was cut. ${rest}` : undefined;
}

/** Said once the title reaches its limit, or undefined below it. */
export const titleLimitNote = (length: number) => limitNote(length, MAX_TITLE_LENGTH, 'a title', 'Put the rest in Impact.');

/** Said once the impact reaches its limit, or undefined below it. */
export const impactLimitNote = (length: number) =>
	limitNote(length, MAX_IMPACT_LENGTH, 'Impact', 'Put the rest in a note on the timeline once declared.');

/** The levels split into those the chosen runbooks usually have (first) and the others, each in the playbook's order. */
export function usualLevels<T extends { id: string }>(levels: readonly T[], usual: readonly string[]): { usual: T[]; others: T[] } {
	return { usual: levels.filter((l) => usual.includes(l.id)), others: levels.filter((l) => !usual.includes(l.id)) };
}

/** Whether the incident was declared from the alert named, or took it since (its timeline says so), in any case. */
export const carriesAlert = (incident: Pick<Incident, 'alert' | 'events'>, name: string | undefined): boolean =>
	declaredFrom(incident, name) || addedAlertLines(incident, name).length > 0;

/**
 * The open incident a new declaration may duplicate: of the open ones (not resolved, drills apart
 * from real ones), one declared from the same alert or that took it since first, then one on the same scenario, then the one worked
 * on (the incident bar's and the workspace's), then the latest.
 */
export function alreadyOpen(
	state: State,
	about: { alert?: string | undefined; scenarios?: readonly string[] | undefined; drill?: boolean },
): Incident | undefined {
	const open = state.incidents.filter((i) => i.resolvedAt === undefined && i.drill === (about.drill ?? false));
	const rank = (i: Incident) =>
		(carriesAlert(i, about.alert) ? 4 : 0) +
		(i.scenarios.some((s) => about.scenarios?.includes(s)) ? 2 : 0) +
		(i.id === state.activeId ? 1 : 0);
	return [...open].sort((a, b) => rank(b) - rank(a) || b.declaredAt - a.declaredAt)[0];
}

/**
 * How setting an incident at level `from` to level `to` changes it: raised to a more severe level
 * (a lower rank), lowered to a milder one, set from a level the playbook no longer has, or undefined
 * when it stays (or `to` is unknown).
 */
export function levelChange(
	levels: readonly { id: string; rank: number }[],
	from: string,
	to: string,
): 'raise' | 'lower' | 'set' | undefined {
	const rankOf = (id: string) => levels.find((l) => l.id === id)?.rank;
	const [was, will] = [rankOf(from), rankOf(to)];
	if (will === undefined || was === will) return undefined;
	if (was === undefined) return 'set';
	return will < was ? 'raise' : 'lower';
}

/** The word for each way an open incident's level can be set to the classified one (levelChange). */
export const CHANGE_LABELS = { raise: 'Raise', lower: 'Lower', set: 'Set' } as const;

/**
 * What the declare form offers first for `about`: the open incident it may duplicate (alreadyOpen)
 * and, for a classification, how that incident's level would change to the one classified.
 */
export function firstOffer(
	levels: readonly { id: string; rank: number }[],
	state: State,
	about: {
		alert?: string | undefined;
		scenarios?: readonly string[] | undefined;
		severity?: string | undefined;
		classified?: boolean | undefined;
	},
): { open: Incident | undefined; change: 'raise' | 'lower' | 'set' | undefined } {
	const open = alreadyOpen(state, about);
	const change = open && about.classified && about.severity ? levelChange(levels, open.severity, about.severity) : undefined;
	return { open, change };
}

/**
 * What a classification's Declare says when the form it opens offers first to raise the open incident
 * (or set a level the playbook no longer has): "Raise P2 to P0". Undefined otherwise: nothing open
 * but drills, open at that level, or at a more severe one (lowering it is one of two choices there,
 * neither first: a milder classification is as likely a second, smaller incident). The label then
 * says Declare, though with an alert in the address and its incident open at that level the form
 * offers adding the alert (or opening that incident) first.
 */
export function offeredChange(...[levels, state, about]: Parameters<typeof firstOffer>): string | undefined {
	const { open, change } = firstOffer(levels, state, about);
	return open && change && change !== 'lower' ? `${CHANGE_LABELS[change]} ${open.severity} to ${about.severity}` : undefined;
}
