/**
 * A checklist as Markdown, to copy or download. Loaded when the responder asks for it, so a
 * runbook page does not load the Markdown writer just to show its steps.
 */
import { checklistMarkdown } from '../lib/checklistMarkdown.ts';
import type { ChecklistSpec } from '../lib/clientPlaybook.ts';
import type { ShownTicks } from '../lib/storageRead.ts';
import { copyText, downloadText } from './copyText.ts';

/** Copy the list; returns the text when the clipboard refused, for the fallback. */
export async function copyChecklist(spec: ChecklistSpec, ticks: ShownTicks): Promise<string | undefined> {
	const text = checklistMarkdown(spec, ticks);
	return (await copyText(text)) ? undefined : text;
}

/** Download the list as a .md file. */
export function downloadChecklist(spec: ChecklistSpec, ticks: ShownTicks): void {
	downloadText(`${spec.key.replaceAll('/', '-')}.md`, checklistMarkdown(spec, ticks));
}
