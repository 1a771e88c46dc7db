/**
 * What this tab holds and could not save (storage full or unusable): offered where the notice says so,
 * as a file or on the clipboard, since leaving the page would lose it.
 */
import { copyText, downloadText } from './copyText.ts';

/** Download the state this tab holds as a JSON file. */
export function downloadUnsaved(snapshot: string): void {
	downloadText(`playbook-not-saved-${new Date().toISOString().replaceAll(':', '-')}.json`, snapshot, 'application/json');
}

/** Copy it; the words that say how it went. */
export async function copyUnsaved(snapshot: string): Promise<string> {
	return (await copyText(snapshot)) ? 'Copied.' : 'The browser refused to copy: download it instead.';
}
