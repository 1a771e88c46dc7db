/**
 * What was typed into the declare form and not yet declared, kept for this tab (sessionStorage), so a
 * reload or a page killed mid-declaration on a phone gives it back. It belongs to the form it was
 * typed into: one opened with the same start (the same alert, level and runbooks) takes it; one opened
 * from another alert starts from that alert. Declaring or Cancel ends it; so does an hour. Never throws:
 * without storage, nothing is kept.
 */
const KEY = 'playbook:declare-draft';
/** A draft older than this is an incident past, not the one at hand. */
const MAX_AGE_MS = 60 * 60_000;

/** The typed values, by field name, and the level chosen. */
export interface DeclareDraft {
	values: Record<string, string>;
	severity: string;
}

interface Stored extends DeclareDraft {
	start: string;
	at: number;
}

const storage = (): Storage | undefined => {
	try {
		return globalThis.sessionStorage ?? undefined;
	} catch {
		return undefined;
	}
};

/** The draft typed into a form that started as `start` (any JSON value naming the form's start), if any. */
export function readDraft(start: unknown, now = Date.now()): DeclareDraft | undefined {
	try {
		const raw = storage()?.getItem(KEY);
		const stored = raw ? (JSON.parse(raw) as Partial<Stored>) : undefined;
		if (!stored || stored.start !== JSON.stringify(start) || typeof stored.at !== 'number' || now - stored.at > MAX_AGE_MS)
			return undefined;
		const values = stored.values && typeof stored.values === 'object' ? stored.values : {};
		return {
			values: Object.fromEntries(Object.entries(values).filter((entry): entry is [string, string] => typeof entry[1] === 'string')),
			severity: typeof stored.severity === 'string' ? stored.severity : '',
		};
	} catch {
		return undefined;
	}
}

/** Keep what is typed now into the form that started as `start`. */
export function writeDraft(start: unknown, draft: DeclareDraft, now = Date.now()): void {
	try {
		storage()?.setItem(KEY, JSON.stringify({ ...draft, start: JSON.stringify(start), at: now } satisfies Stored));
	} catch {
		// Full or refused: the form still holds it.
	}
}

/** The draft is done with (declared, or cancelled). */
export function clearDraft(): void {
	try {
		storage()?.removeItem(KEY);
	} catch {
		// Nothing to do.
	}
}
