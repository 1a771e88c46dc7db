/** Put text on the clipboard; false when the browser refuses (no permission, not a secure page). */
export async function copyText(text: string): Promise<boolean> {
	try {
		await navigator.clipboard.writeText(text);
		return true;
	} catch {
		return false;
	}
}

/** Offer text as a file download. */
export function downloadText(filename: string, text: string, type = 'text/markdown'): void {
	const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
	const link = document.createElement('a');
	link.href = url;
	link.download = filename;
	document.body.append(link);
	link.click();
	link.remove();
	setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/* What this tab holds and could not save (storage full or unusable): offered where the notice says so, as a file
   or on the clipboard, since leaving the page would lose it. */

/** Download the state this tab holds as a JSON file. */
export function downloadUnsaved(snapshot: string): void {
	downloadText(`playbook-not-saved-${new Date().toISOString().replaceAll(':', '-')}.json`, snapshot, 'application/json');
}

/** Copy it; the words that say how it went. */
export async function copyUnsaved(snapshot: string): Promise<string> {
	return (await copyText(snapshot)) ? 'Copied.' : 'The browser refused to copy: download it instead.';
}
