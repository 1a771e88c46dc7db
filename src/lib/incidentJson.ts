/**
 * An incident as a JSON file that imports back: a backup, a hand-over to a colleague, or the
 * record kept with the post-mortem. Imports are checked before anything changes.
 */
import * as z from 'zod/mini';
import { IncidentSchema, type Incident } from './state';

/** Marks a file as one of ours. */
export const EXPORT_FORMAT = 'incident-playbook/incident';
/** Version of the file format this code writes and reads. */
export const EXPORT_VERSION = 1;
/** Marks an encrypted incident file: the sealed data of a share link (shareLink.ts), without its key. */
export const SEALED_FORMAT = `${EXPORT_FORMAT}/sealed`;
/** Files larger than this are refused before being read (an incident is a few kilobytes). */
export const MAX_IMPORT_BYTES = 2 * 1024 * 1024;

/** The incident as the text of a .json file. */
export function exportIncident(incident: Incident, now: number): string {
	return `${JSON.stringify({ format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: new Date(now).toISOString(), incident }, null, 2)}\n`;
}

/** The outcome of reading a file: the incident, or why it was refused. */
export type ImportResult = { ok: true; incident: Incident } | { ok: false; reason: string };

const EnvelopeSchema = z.object({ format: z.string(), version: z.number(), incident: z.unknown() });

/** Check a file's text (and size in bytes) and return the incident in it, or the reason it is refused. */
export function parseImport(text: string, size: number = text.length): ImportResult {
	if (size > MAX_IMPORT_BYTES) {
		return { ok: false, reason: `The file is ${(size / 1024 / 1024).toFixed(1)} MB; an incident export is at most ${MAX_IMPORT_BYTES / 1024 / 1024} MB.` };
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
		return { ok: false, reason: `The file was exported by a newer version of this site (format ${envelope.data.version}; this page reads ${EXPORT_VERSION}). Open it with the newer site.` };
	}
	const incident = IncidentSchema.safeParse(envelope.data.incident);
	if (!incident.success) {
		const issue = incident.error.issues[0];
		return { ok: false, reason: `The incident in the file is incomplete or damaged (at ${issue?.path.join('.') || 'the top level'}: ${issue?.message ?? 'invalid'}).` };
	}
	return { ok: true, incident: incident.data };
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
