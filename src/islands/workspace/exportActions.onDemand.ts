/**
 * Export and import of a whole incident: the Markdown report, the JSON file, reading a file back,
 * and the share section's panels (encrypted link, handover, status page file, opening a shared
 * incident). Loaded as one piece when the responder asks for one of them, not with the workspace.
 */
import { incidentMarkdown } from '../../lib/checklistMarkdown.ts';
import type { ChecklistSpec, ClientPlaybook } from '../../lib/clientPlaybook.ts';
import { exportIncident, parseImport, readSealedFile, type ImportResult } from '../../lib/incidentJson.ts';
import { MAX_IMPORT_BYTES } from '../../lib/limits.ts';
import type { Incident } from '../../lib/state.ts';
import { copyText, downloadText } from '../copyText.ts';

type Report = Pick<ClientPlaybook, 'severities' | 'statuses'>;

/** Copy the incident as Markdown; returns the text when the clipboard refused, for the fallback. */
export async function copyIncidentMarkdown(
	incident: Incident,
	checklists: readonly ChecklistSpec[],
	playbook: Report,
): Promise<string | undefined> {
	const text = incidentMarkdown(incident, checklists, playbook);
	return (await copyText(text)) ? undefined : text;
}

/** Download the incident as a Markdown report. */
export function downloadIncidentMarkdown(incident: Incident, checklists: readonly ChecklistSpec[], playbook: Report): void {
	downloadText(`incident-${incident.id}.md`, incidentMarkdown(incident, checklists, playbook));
}

/** Download the incident as JSON that imports back. */
export function downloadIncidentJson(incident: Incident): void {
	downloadText(`incident-${incident.id}.json`, exportIncident(incident, Date.now()), 'application/json');
}

/** A chosen file: an incident (or why not), or an encrypted incident that needs its key. */
export type FileImport = ImportResult | { ok: 'sealed'; data: string };

/** Read and check a chosen file; an oversized file is refused on its size alone, before it is read. */
export async function readImport(file: File): Promise<FileImport> {
	const text = file.size > MAX_IMPORT_BYTES ? '' : await file.text();
	const sealed = readSealedFile(text);
	return sealed.ok ? { ok: 'sealed', data: sealed.data } : parseImport(text, file.size);
}

export { ExportsPanel } from './ExportsPanel.onDemand.tsx';
export { SharePanel } from './SharePanel.onDemand.tsx';
