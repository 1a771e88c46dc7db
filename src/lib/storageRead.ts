/**
 * The first step of every read of the stored incident state, and the cheap read that pages showing
 * it use: where it lives, its version, how stored text is parsed (storage.ts's full read starts
 * here), and what a page shows of it (the active incident, its level, times and deadlines' events,
 * and ticks), taken without zod and without the merge and migration code.
 *
 * The cheap read never guesses: when stored text is not JSON, of another version, or when what it
 * shows is not of the stored shape (StateSchema in state.ts), it answers `full`, and the page loads
 * the store (store.ts), whose full read migrates, sets unusable data aside and tells the user.
 * It takes the shown fields of every incident, not only the active one's (the metrics show them
 * all), so an odd incident anywhere is the full read's to set aside. What no page shows this way
 * (post-mortems, handovers, typed values) it does not check: the full read does when a page loads
 * the store, for a change or an island that edits.
 */
import { pickActive } from './activeIncident.ts';
import { DATE_LIMIT_MS, STATE_KEY, STATE_VERSION } from './stateKey.ts';

export { STATE_KEY, STATE_VERSION } from './stateKey.ts';
/** Prefix of keys holding data set aside because it could not be used. */
export const BACKUP_PREFIX = 'playbook:backup:';

/** localStorage, or undefined where merely touching it throws. */
export function browserStorage(): Storage | undefined {
	try {
		const storage = globalThis.localStorage;
		return storage ?? undefined;
	} catch {
		return undefined;
	}
}

/** Stored text parsed: the version it declares (NaN when not a number), as written, and its state. */
export interface Parsed {
	version: number;
	declared: unknown;
	state: unknown;
}

/** Parse stored text `{"version": N, "state": …}`; undefined when it is not JSON. */
export function parseStored(raw: string): Parsed | undefined {
	let stored: { version?: unknown; state?: unknown } | null;
	try {
		stored = JSON.parse(raw) as typeof stored;
	} catch {
		return undefined;
	}
	const declared = stored?.version;
	return { version: typeof declared === 'number' ? declared : Number.NaN, declared, state: stored?.state };
}

/** A checklist tick, as shown. */
export interface ShownTick {
	done: boolean;
	at: number;
	changedAt: number;
	by: string;
	/** The checklist's name when ticked. */
	list: string;
	note?: string | undefined;
	/** The step's text when ticked (shown for steps since removed). */
	text: string;
}

/** Ticks by item key, as shown. */
export type ShownTicks = Record<string, ShownTick>;

/** A timeline event, as far as clocks read it. */
export interface ShownEvent {
	kind: string;
	at: number;
	value?: string | undefined;
}

/** What a page shows of the active incident: the bar's line, its deadlines, and the ticks. */
export interface ShownIncident {
	id: string;
	title: string;
	severity: string;
	drill: boolean;
	detectedAt: number;
	declaredAt: number;
	resolvedAt?: number | undefined;
	channel: string;
	scenarios: string[];
	events: ShownEvent[];
	ticks: ShownTicks;
}

/** What a page shows of the state. */
export interface ShownState {
	/** The incident every page shows (see shownState): the active one while it is open, else the latest still open. */
	active: ShownIncident | undefined;
	/** Ticks made with no incident open. */
	scratch: ShownTicks;
}

/** What the cheap read found: nothing stored, what to show, or that the full read must decide. */
export type Peek = { kind: 'empty' } | { kind: 'shown'; shown: ShownState } | { kind: 'full' };

/** Thrown inside a take when a value is not of the stored shape; never leaves this module. */
const ODD = Symbol('odd');
type Rec = Record<string, unknown>;

function record(value: unknown): Rec {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) throw ODD;
	return value as Rec;
}
function list(value: unknown): unknown[] {
	if (!Array.isArray(value)) throw ODD;
	return value;
}

/** Fields taken, by the type each must have ("?": it may be absent). */
type Fields = Record<string, 'string' | 'number' | 'boolean' | 'string?' | 'number?'>;
const TICK: Fields = { done: 'boolean', at: 'number', changedAt: 'number', by: 'string', text: 'string', list: 'string', note: 'string?' };
const EVENT: Fields = { kind: 'string', at: 'number', value: 'string?' };
const INCIDENT: Fields = {
	id: 'string',
	title: 'string',
	severity: 'string',
	drill: 'boolean',
	detectedAt: 'number',
	declaredAt: 'number',
	resolvedAt: 'number?',
	channel: 'string',
};

/**
 * The named fields of a record, each of its type. Every number taken is a time, held to what a date can hold, as the
 * store's schema holds it (which also refuses the Infinity JSON gives for 1e999, and NaN).
 */
function take<T>(value: unknown, fields: Fields): T {
	const from = record(value);
	const out: Rec = {};
	for (const [key, type] of Object.entries(fields)) {
		const field = from[key];
		if (field === undefined && type.endsWith('?')) continue;
		if (typeof field !== type.replace('?', '') || (typeof field === 'number' && !(Math.abs(field) <= DATE_LIMIT_MS))) throw ODD;
		out[key] = field;
	}
	return out as T;
}

function ticks(value: unknown): ShownTicks {
	const out: ShownTicks = {};
	// zod's record() skips __proto__; so does the read, and it must not set a prototype.
	for (const [key, tick] of Object.entries(record(value))) if (key !== '__proto__') out[key] = take(tick, TICK);
	return out;
}

function incident(value: unknown): ShownIncident {
	const i = record(value);
	return {
		...take<Omit<ShownIncident, 'scenarios' | 'events' | 'ticks'>>(i, INCIDENT),
		scenarios: list(i['scenarios']).map((id) => take<{ id: string }>({ id }, { id: 'string' }).id),
		events: list(i['events']).map((e) => take<ShownEvent>(e, EVENT)),
		ticks: ticks(i['ticks']),
	};
}

/** Every incident of a state, as shown: each is taken, so one of another shape leaves the state to the full read. */
const incidents = (state: Rec) => list(state['incidents']).map(incident);

/** What `read` takes of the stored shape; undefined when a value it takes is not of it. */
function shaped<T>(read: () => T): T | undefined {
	try {
		return read();
	} catch (error) {
		if (error === ODD) return undefined;
		throw error;
	}
}

/**
 * What a page shows of a state (as stored, or the store's validated state), and the scratch ticks.
 * The incident: the one pickActive (activeIncident.ts) picks. Undefined when what it takes is not
 * of the stored shape.
 */
export function shownState(state: unknown): ShownState | undefined {
	return shaped(() => {
		const s = record(state);
		take(s, { activeAt: 'number' });
		const activeId = s['activeId'] === null ? null : take<{ activeId: string }>(s, { activeId: 'string' }).activeId;
		return { active: pickActive(incidents(s), activeId), scratch: ticks(s['scratch']) };
	});
}

/**
 * Every stored incident as a page shows one, for a page that shows them all (the metrics) without
 * the store; undefined when one is not of the stored shape (the store's full read decides).
 */
export function shownIncidents(state: unknown): ShownIncident[] | undefined {
	return shaped(() => incidents(record(state)));
}

/** The cheap read of stored text (null: nothing stored). Never throws. */
export function peekState(raw: string | null): Peek {
	if (raw === null) return { kind: 'empty' };
	const parsed = parseStored(raw);
	if (!parsed || parsed.version !== STATE_VERSION) return { kind: 'full' };
	const shown = shownState(parsed.state);
	return shown ? { kind: 'shown', shown } : { kind: 'full' };
}

/** The stored text (null: nothing stored), or undefined when storage cannot be read at all. Never throws. */
export function storedText(storage: Storage | undefined = browserStorage()): string | null | undefined {
	try {
		return storage ? storage.getItem(STATE_KEY) : undefined;
	} catch {
		return undefined;
	}
}

/**
 * Where a page keeps the changes it made and has not yet applied to the state: under its own key
 * (tabs never overwrite each other's), written as each change is made, so it is stored in the press
 * that makes it and survives the page being left, reloaded or killed.
 */
export const PENDING_PREFIX = 'playbook:pending:';
/** This page's key. */
export const pendingKey = PENDING_PREFIX + Date.now().toString(36) + Math.random().toString(36).slice(2, 8);

/** Whether a storage key holds changes another page (of any tab) left and did not apply. */
export const isLeftKey = (key: string): boolean => key.startsWith(PENDING_PREFIX) && key !== pendingKey;

/** Whether other pages left changes they did not apply: the next page applies them (pageShown.ts). Never throws. */
export function changesLeft(): boolean {
	try {
		return Object.keys(browserStorage() ?? {}).some(isLeftKey);
	} catch {
		return false;
	}
}
