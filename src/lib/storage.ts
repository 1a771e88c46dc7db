/**
 * The storage layer's full read and its writes. Everything is under one namespaced key holding
 * `{"version": N, "state": …}`, validated with zod on every read. The key, the version and the
 * parse live in storageRead.ts, which also holds the cheap read pages use to show the state
 * without zod: it leaves to this read whatever it would have to guess about.
 *
 * What a read can meet, and what happens:
 * - nothing stored: an empty state.
 * - the current version: used once it validates.
 * - an older version: migrated step by step (MIGRATIONS), validated, and the user is told.
 * - a newer version (a newer copy of the site wrote it, in this tab before or in another one now):
 *   left in place and never written over; the page says it is out of date and to reload for the
 *   newer version, keeps its changes in memory meanwhile and offers them for download or copying.
 *   (Set aside instead, an old tab's next tick wrote its own data over the newer, and the incident
 *   the newer page showed was then only in a backup.)
 * - unreadable JSON, or data that fails validation: copied aside the same way, never dropped.
 * - no format number, or one that is not a whole number (`"1"`, null, 1.5): copied aside as of an
 *   unknown format, however well the data validates (this site never writes it so).
 * - localStorage unavailable (disabled, private mode, sandboxed frame): the page works in memory
 *   and says that nothing will be kept.
 * The same read (readStored) serves the page's load and every write another tab makes (the store's
 * `storage` event and its re-read before each change): another tab's data is migrated, validated
 * and, when unusable, set aside with a notice exactly as at load, while this page keeps its state.
 * And on a write: storage full or refused: the page keeps the state in memory and says so.
 *
 * Every notice of data not saved (storage unavailable or full, or unusable data that could not be
 * set aside and so must not be overwritten) is marked `unsaved`: it stays while writes fail, and
 * offers what could not be saved for download or copying. Unusable data left in place (too big to
 * copy aside) is `blocking`: it can be downloaded, then saved over when the responder says so.
 *
 * Migrations of the stored shape (none yet; MIGRATIONS): fields added since version 1 are
 * optional, so version 1 data stays valid. The clock of an incident may hold one entry per
 * action item and field ("postMortem.actionItems.<id>.<field>", and ".removed" when removed);
 * data without them merges action items by the older whole-list entry.
 * Fields added without a new version, because they are optional and older data stays valid:
 * an incident's `typed` (values typed into messages) and the state's `messageFormat`. Data
 * written before them reads as it is (no typed values, the default format); an older copy of the
 * site reading newer data drops them (zod strips unknown keys) and keeps everything else.
 *
 * Changes within version 1 that need no migration (older data reads unchanged; a copy of the site
 * older than the change sets newer data aside as invalid, as above, and loses nothing):
 * - timeline event kind `handover`, with an optional `handover` record on the event.
 */
import { StateSchema, emptyState, type State } from './state.ts';
import { BACKUP_PREFIX, browserStorage, parseStored, STATE_KEY, STATE_VERSION } from './storageRead.ts';

export { BACKUP_PREFIX, browserStorage, STATE_KEY, STATE_VERSION };

/** A change from version N to N+1 of the stored shape, keyed by N. */
export type Migration = (old: unknown) => unknown;
/** Migrations by the version they migrate from. Add one each time STATE_VERSION goes up. */
export const MIGRATIONS: Record<number, Migration> = {};

/** Something the user must be told about their stored data. */
export interface StorageNotice {
	kind: 'unavailable' | 'full' | 'corrupt' | 'invalid' | 'newer' | 'migrated' | 'unsaved';
	message: string;
	/** Key under which the unusable data was kept (the state key itself when it could not be copied aside). */
	backupKey?: string;
	/** What this tab holds is not being saved: offer it for download or copying. */
	unsaved?: boolean;
	/** The unusable data was left under the state key, and nothing is saved until the responder lets it be overwritten. */
	blocking?: boolean;
}

const UNAVAILABLE: StorageNotice = {
	kind: 'unavailable',
	message:
		'Not saved: this browser does not let the site keep data (storage is disabled or in private mode). Everything works, but incidents and ticks are lost when this page is left or reloaded.',
	unsaved: true,
};

/** Said when a change could not be written because unusable data is left in place. */
export const NOT_SAVED: StorageNotice = {
	kind: 'unsaved',
	message: 'Not saved: changes are kept only on this page while the unreadable data above is in place: leaving or reloading it loses them.',
	unsaved: true,
};

function setAside(storage: Storage, raw: string, now: number): string | undefined {
	// Every page load meets the same unusable data until something new is saved: keep one copy.
	const same = listBackups(storage).find((backup) => readRaw(storage, backup.key) === raw);
	if (same) return same.key;
	// Two reads in the same millisecond (another tab writing twice) must not overwrite the first copy.
	const stamp = `${BACKUP_PREFIX}${new Date(now).toISOString()}`;
	let key = stamp;
	for (let n = 2; readRaw(storage, key) !== null; n++) key = `${stamp}-${n}`;
	try {
		storage.setItem(key, raw);
		return key;
	} catch {
		return undefined;
	}
}

function asideNotice(kind: 'corrupt' | 'invalid', what: string, key: string | undefined, loaded: boolean): StorageNotice {
	const kept = key
		? 'It has been kept aside and can be downloaded from the incident workspace.'
		: 'It could not be copied aside (storage is full), so nothing new is saved until you download it (in the incident workspace) and save over it.';
	const outcome = loaded ? 'The site started with no incidents.' : 'This page kept the incidents it had.';
	return { kind, message: `${what} ${kept} ${outcome}`, backupKey: key ?? STATE_KEY, ...(key ? {} : { blocking: true }) };
}

/** The format number as stored, said briefly (it may be anything JSON holds). */
function formatName(declared: unknown): string {
	if (declared === undefined) return 'no format number';
	const text = JSON.stringify(declared);
	return `format ${text.length > 20 ? `${text.slice(0, 20)}…` : text}`;
}

/** What a read found: the state to use and anything the user must be told. */
export interface Loaded {
	state: State;
	notices: StorageNotice[];
	/** False when the stored data must not be overwritten (it could not be set aside). */
	writable: boolean;
}

/** What stored text held: its state when usable (undefined when nothing usable was stored), and what to tell the user. */
export interface ReadStored {
	state: State | undefined;
	notices: StorageNotice[];
	/** False when the stored data must not be overwritten (it could not be set aside). */
	writable: boolean;
}

/**
 * Parse, version-check, migrate and validate stored text (as at page load, or as another tab
 * wrote it); unusable text is set aside and noticed. `loaded` says whether this is the page's
 * first read (it then starts empty) or a later one (the page keeps what it has). Never throws.
 */
export function readStored(
	storage: Storage,
	raw: string | null,
	now: number,
	{ migrations = MIGRATIONS, loaded = false }: { migrations?: Record<number, Migration>; loaded?: boolean } = {},
): ReadStored {
	if (raw === null) return { state: undefined, notices: [], writable: true };

	const aside = (kind: 'corrupt' | 'invalid', what: string): ReadStored => {
		const key = setAside(storage, raw, now);
		return { state: undefined, notices: [asideNotice(kind, what, key, loaded)], writable: key !== undefined };
	};

	const stored = parseStored(raw);
	if (!stored) return aside('corrupt', 'The incident data saved in this browser could not be read (it is not valid JSON).');
	const { version } = stored;
	const unknown = () =>
		aside('invalid', `The incident data saved in this browser is in an unknown format (${formatName(stored.declared)}).`);
	if (!Number.isInteger(version)) return unknown();
	if (version > STATE_VERSION) {
		const message = `The incident data saved in this browser was written by a newer version of this site (format ${version}; this page reads ${STATE_VERSION}). This page is out of date: reload it to use the newer version. Until then nothing is saved here, so the newer data is not written over.`;
		return { state: undefined, notices: [{ kind: 'newer', message, unsaved: true }], writable: false };
	}
	let data = stored.state;
	let migrated = false;
	for (let v = version; v < STATE_VERSION; v++) {
		const migrate = migrations[v];
		if (!migrate) return unknown();
		data = migrate(data);
		migrated = true;
	}
	const result = StateSchema.safeParse(data);
	if (!result.success) {
		const where = result.error.issues[0]?.path.join('.') || 'top level';
		return aside('invalid', `The incident data saved in this browser does not have the expected shape (first problem at ${where}).`);
	}
	const notices: StorageNotice[] = migrated
		? [{ kind: 'migrated', message: `Your saved incidents were updated from format ${version} to format ${STATE_VERSION}.` }]
		: [];
	return { state: result.data, notices, writable: true };
}

/** Read and validate the stored state at page load. Never throws. */
export function loadState(storage: Storage | undefined, now: number, migrations: Record<number, Migration> = MIGRATIONS): Loaded {
	if (!storage) return { state: emptyState(), notices: [UNAVAILABLE], writable: false };
	let raw: string | null;
	try {
		raw = storage.getItem(STATE_KEY);
	} catch {
		return { state: emptyState(), notices: [UNAVAILABLE], writable: false };
	}
	const read = readStored(storage, raw, now, { migrations, loaded: true });
	return { ...read, state: read.state ?? emptyState() };
}

/** Write the state; returns a notice when it could not be kept. Never throws. */
export function saveState(storage: Storage | undefined, state: State): StorageNotice | undefined {
	if (!storage) return UNAVAILABLE;
	try {
		storage.setItem(STATE_KEY, JSON.stringify({ version: STATE_VERSION, state }));
		return undefined;
	} catch (error) {
		const full = error instanceof DOMException && error.name === 'QuotaExceededError';
		return full
			? {
					kind: 'full',
					message:
						'Not saved: browser storage is full, so the latest changes are kept only on this page: leaving or reloading it loses them. Download or copy them, and delete old incidents or kept data to free space.',
					unsaved: true,
				}
			: UNAVAILABLE;
	}
}

/** Data set aside by earlier reads, newest first. */
export function listBackups(storage: Storage | undefined): { key: string; size: number }[] {
	if (!storage) return [];
	const found: { key: string; size: number }[] = [];
	try {
		for (let i = 0; i < storage.length; i++) {
			const key = storage.key(i);
			if (key?.startsWith(BACKUP_PREFIX)) found.push({ key, size: storage.getItem(key)?.length ?? 0 });
		}
	} catch {
		return [];
	}
	return found.sort((a, b) => b.key.localeCompare(a.key));
}

/** The raw text of a backup (or of the main key when it could not be set aside). */
export function readRaw(storage: Storage | undefined, key: string): string | null {
	try {
		return storage?.getItem(key) ?? null;
	} catch {
		return null;
	}
}

/** Remove a backup the user has downloaded or no longer wants. */
export function removeBackup(storage: Storage | undefined, key: string): void {
	if (!key.startsWith(BACKUP_PREFIX)) return;
	try {
		storage?.removeItem(key);
	} catch {
		/* nothing to do: the backup stays */
	}
}
