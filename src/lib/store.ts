/**
 * The page's one copy of the incident state, shared by every island and script on the page and
 * kept in step with other tabs. Each change re-reads storage first and merges, so two tabs ticking
 * at once both keep their ticks.
 */
import { mergeState } from './merge.ts';
import { emptyState, type State } from './state.ts';
import { storeMade } from './pageStoreLoader.ts';
import {
	browserStorage,
	loadState,
	MIGRATIONS,
	NOT_SAVED,
	readRaw,
	readStored,
	type ReadStored,
	saveState,
	STATE_KEY,
	STATE_VERSION,
	type Migration,
	type StorageNotice,
} from './storage.ts';

/** The shared state with its verbs. */
export interface Store {
	/** The current state. */
	get(): State;
	/** Things the user must be told about storage, newest last. */
	notices(): readonly StorageNotice[];
	/** Call `listener` after every change, from this tab or another; returns an unsubscribe. */
	subscribe(listener: () => void): () => void;
	/** Apply a change (a function from incidents.ts) and save it. Returns the new state. */
	update(change: (state: State, now: number) => State): State;
	/** Forget a notice the user has read (a notice of unsaved data comes back at the next failed write). */
	dismiss(notice: StorageNotice): void;
	/** The state as stored text, for downloading or copying what could not be saved. */
	snapshot(): string;
	/** Save over unusable data left in place (after the responder downloaded it). */
	saveOver(): void;
}

function sameNotice(a: StorageNotice, b: StorageNotice): boolean {
	return a.kind === b.kind && a.backupKey === b.backupKey;
}

/** A store over a Storage (localStorage by default), for one page or one test. */
export function createStore(
	storage: Storage | undefined = browserStorage(),
	clock: () => number = Date.now,
	target: EventTarget | undefined = globalThis.window,
	migrations: Record<number, Migration> = MIGRATIONS,
	shown?: string | null,
): Store {
	// A page that showed the state by the cheap read loads the store when another tab writes what that read would not take:
	// it starts from the text it showed (`shown`), and then reads what is stored now as that other tab's write.
	const first = shown === undefined || !storage ? undefined : readStored(storage, shown, clock(), { migrations, loaded: true });
	const loaded = first ? { ...first, state: first.state ?? emptyState() } : loadState(storage, clock(), migrations);
	let state = loaded.state;
	let notices: StorageNotice[] = [...loaded.notices];
	let writable = loaded.writable;
	const listeners = new Set<() => void>();
	const emit = () => listeners.forEach((listener) => listener());
	const notify = (notice: StorageNotice | undefined) => {
		if (notice && !notices.some((n) => sameNotice(n, notice))) notices = [...notices, notice];
	};
	// While this page holds changes it could not write, leaving it (a link, a reload, closing the tab) loses them: the browser
	// asks first. Listened for only then, so that a page with nothing to lose leaves as any page does.
	let holding = false;
	const askFirst = (event: Event) => {
		event.preventDefault();
		// What browsers before the standard's preventDefault look for.
		(event as BeforeUnloadEvent).returnValue = true;
	};
	const hold = (held: boolean) => {
		if (held === holding) return;
		holding = held;
		if (held) target?.addEventListener('beforeunload', askFirst);
		else target?.removeEventListener('beforeunload', askFirst);
	};
	/** Write the state; a failure leaves a notice that stays while writes fail, a success clears it. */
	const save = () => {
		const failed = saveState(storage, state);
		hold(failed !== undefined);
		if (failed) notify(failed);
		else notices = notices.filter((n) => n.kind !== 'full' && n.kind !== 'unsaved');
	};

	/**
	 * The stored state as another tab left it, read as at load (version check, migrations,
	 * validation); unusable data is set aside and noticed, and its state is then undefined.
	 */
	const readOther = (raw: string | null): ReadStored => {
		if (!storage) return { state: undefined, notices: [], writable: false };
		const read = readStored(storage, raw, clock(), { migrations });
		read.notices.forEach(notify);
		if (!read.writable) writable = false;
		return read;
	};

	/** Take what another tab wrote: merged when usable, set aside and noticed when not. */
	const takeOther = (raw: string | null) => {
		const read = readOther(raw);
		const incoming = read.state;
		if (!incoming) {
			if (read.notices.length > 0) emit();
			return;
		}
		const merged = mergeState(state, incoming);
		state = merged;
		// This tab knew something the other did not, or migrated what it wrote: write the union back so both converge.
		if (writable && (read.notices.length > 0 || JSON.stringify(merged) !== JSON.stringify(incoming))) save();
		emit();
	};
	target?.addEventListener('storage', (event) => {
		const { key, newValue } = event as StorageEvent;
		if (key === STATE_KEY) takeOther(newValue);
	});
	if (shown !== undefined && storage) takeOther(readRaw(storage, STATE_KEY));

	return {
		get: () => state,
		notices: () => notices,
		subscribe(listener) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
		update(change) {
			const stored = writable ? readOther(readRaw(storage, STATE_KEY)).state : undefined;
			const base = stored ? mergeState(state, stored) : state;
			state = change(base, clock());
			if (writable) save();
			else {
				hold(true);
				if (!notices.some((n) => n.unsaved)) notify(NOT_SAVED);
			}
			emit();
			return state;
		},
		dismiss(notice) {
			notices = notices.filter((n) => !sameNotice(n, notice));
			emit();
		},
		snapshot: () => JSON.stringify({ version: STATE_VERSION, state }),
		saveOver() {
			if (!storage || writable) return;
			writable = true;
			notices = notices.filter((n) => !n.blocking);
			save();
			emit();
		},
	};
}

let shared: Store | undefined;
/**
 * The store every island and script on this page uses, made on first use. `shown`: see
 * pageStoreLoader.ts's loadStore (the text the page showed before another tab's write).
 */
export function pageStore(shown?: string | null): Store {
	if (!shared) {
		shared = createStore(undefined, undefined, undefined, undefined, shown);
		storeMade(shared);
	}
	return shared;
}
