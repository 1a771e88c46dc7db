/**
 * Export and import of a whole incident: the Markdown report, the JSON file, reading a file back.
 * Loaded when the responder asks for one of them, not with the workspace.
 */
import { incidentMarkdown } from '../../lib/checklistMarkdown';
import type { ChecklistSpec, ClientPlaybook } from '../../lib/clientPlaybook';
import { exportIncident, parseImport, type ImportResult } from '../../lib/incidentJson';
import { MAX_IMPORT_BYTES } from '../../lib/limits';
import type { Incident } from '../../lib/state';
import { copyText, downloadText } from '../copyText';

type Report = Pick<ClientPlaybook, 'severities' | 'statuses'>;

/** Copy the incident as Markdown; returns the text when the clipboard refused, for the fallback. */
export async function copyIncidentMarkdown(incident: Incident, checklists: readonly ChecklistSpec[], playbook: Report): Promise<string | undefined> {
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

/** Read and check a chosen file; an oversized file is refused on its size alone, before it is read. */
export async function readImport(file: File): Promise<ImportResult> {
	return parseImport(file.size > MAX_IMPORT_BYTES ? '' : await file.text(), file.size);
}
