/**
 * An incident as a JSON file that imports back: a backup, a hand-over to a colleague, or the
 * record kept with the post-mortem. Imports are checked before anything changes.
 */
import * as z from 'zod/mini';
import { lastWritten } from './clockSkew.ts';
import { MAX_CLOCK_SKEW_MS, MAX_EVENTS, MAX_IMPORT_BYTES, MAX_TITLE_LENGTH } from './limits.ts';
import { IncidentSchema, type Incident } from './state.ts';

export { MAX_IMPORT_BYTES } from './limits.ts';

/** Marks a file as one of ours. */
export const EXPORT_FORMAT = 'incident-playbook/incident';
/** Version of the file format this code writes and reads. */
export const EXPORT_VERSION = 1;
const MB = 1024 * 1024;
/** Marks an encrypted incident file: the sealed data of a share link (shareLink.ts), without its key. */
export const SEALED_FORMAT = `${EXPORT_FORMAT}/sealed`;

/**
 * The incident as the text of a .json file. Written compactly, so the file is no larger than the
 * incident's own JSON, and the import limit (limits.ts), well above what a browser stores, takes
 * it back.
 */
export function exportIncident(incident: Incident, now: number): string {
	return `${JSON.stringify({ format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: new Date(now).toISOString(), incident })}\n`;
}

/** Size of a text in bytes as a UTF-8 file holds it. */
function utf8Bytes(text: string): number {
	return new TextEncoder().encode(text).length;
}

/** The outcome of reading a file: the incident, or why it was refused. */
export type ImportResult = { ok: true; incident: Incident } | { ok: false; reason: string };

const EnvelopeSchema = z.object({ format: z.string(), version: z.number(), incident: z.unknown() });

/**
 * Check a file's text (and size in bytes) and return the incident in it, or the reason it is
 * refused. `now` is this computer's clock: an incident detected or declared later is refused.
 */
export function parseImport(text: string, size: number = utf8Bytes(text), now: number = Date.now()): ImportResult {
	if (size > MAX_IMPORT_BYTES) {
		return { ok: false, reason: `The file is ${(size / MB).toFixed(1)} MB; an incident export is at most ${MAX_IMPORT_BYTES / MB} MB.` };
	}
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch {
		return { ok: false, reason: 'The file is not JSON: choose a .json file exported from the incident workspace.' };
	}
	const envelope = EnvelopeSchema.safeParse(data);
	if (!envelope.success || envelope.data.format !== EXPORT_FORMAT) {
		return { ok: false, reason: 'The file is JSON, but not an incident exported from this playbook.' };
	}
	if (envelope.data.version > EXPORT_VERSION) {
		return {
			ok: false,
			reason:
				`The file was exported by a newer version of this site (format ${envelope.data.version}; this page reads ${EXPORT_VERSION}). ` +
				'Open it with the newer site.',
		};
	}
	const incident = IncidentSchema.safeParse(envelope.data.incident);
	if (!incident.success) {
		const issue = incident.error.issues[0];
		return {
			ok: false,
			reason:
				'The incident in the file is incomplete or damaged ' +
				`(at ${issue?.path.join('.') || 'the top level'}: ${issue?.message ?? 'invalid'}).`,
		};
	}
	const found = incident.data;
	if (found.title.length > MAX_TITLE_LENGTH) {
		return {
			ok: false,
			reason:
				`The incident's title is ${found.title.length.toLocaleString('en')} characters long; a title is at most ${MAX_TITLE_LENGTH}. ` +
				'Shorten it in the file, then import it again.',
		};
	}
	if (found.events.length > MAX_EVENTS) {
		return {
			ok: false,
			reason:
				`The incident has ${found.events.length.toLocaleString('en')} timeline events; ` +
				`an incident holds at most ${MAX_EVENTS.toLocaleString('en')}.`,
		};
	}
	// The first of its times, in this order, that lies ahead of this computer's clock.
	const times: [string, number][] = [
		['was detected', found.detectedAt],
		['was declared', found.declaredAt],
		['was resolved', found.resolvedAt ?? -Infinity],
		// Its timeline, ticks and edits: what the clock warnings read (clockSkew.ts).
		['was last written to', lastWritten(found)],
	];
	const [which, at] = times.find(([, time]) => time - now > MAX_CLOCK_SKEW_MS) ?? ['', now];
	const ahead = at - now;
	if (ahead > MAX_CLOCK_SKEW_MS) {
		const hours = ahead / 3_600_000;
		const span = hours >= 2 ? `${Math.round(hours)} hours` : `${Math.round(ahead / 60_000)} minutes`;
		return {
			ok: false,
			reason:
				`The incident ${which} ${span} in the future by this computer's clock (${new Date(at).toISOString()}): ` +
				"check this computer's clock, or the times in the file.",
		};
	}
	return { ok: true, incident: found };
}

/** The text of an encrypted incident file: the sealed data without its key, which travels apart. */
export function sealedFile(sealed: { data: string }, now: number): string {
	return `${JSON.stringify({ format: SEALED_FORMAT, version: 1, exportedAt: new Date(now).toISOString(), data: sealed.data }, null, 2)}\n`;
}

/** The sealed data of an encrypted incident file, or why the file is not one. */
export function readSealedFile(text: string): { ok: true; data: string } | { ok: false; reason: string } {
	try {
		const file = JSON.parse(text) as { format?: unknown; version?: unknown; data?: unknown };
		if (file.format === SEALED_FORMAT && file.version === 1 && typeof file.data === 'string') return { ok: true, data: file.data };
	} catch {
		/* not JSON: said below */
	}
	return { ok: false, reason: 'The file is not an encrypted incident from this playbook.' };
}
