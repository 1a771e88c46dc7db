/**
 * Sharing an incident and handing it out: the encrypted link or file, opening one, and the status
 * page file. Loaded when the responder asks for one of them, or when the page opens with a shared
 * incident in its address, not with the workspace.
 */
import type { ClientPlaybook } from '../../lib/clientPlaybook.ts';
import { sealedFile } from '../../lib/incidentJson.ts';
import { MAX_LINK_CHARS, openFragment, sealIncident, shareLink } from '../../lib/shareLink.ts';
import type { Incident } from '../../lib/state.ts';
import { cstateIncident } from '../../lib/statusPage.ts';
import { downloadText } from '../copyText.ts';

export { openFragment };

/** What sharing made: a link to paste, or (too long for chat) a file and the key to send apart. */
export type Shared = { kind: 'link'; link: string } | { kind: 'file'; key: string; length: number };

/** Seal the incident and make a link to `page`; an incident too long for a link is downloaded as a file. */
export async function shareIncident(incident: Incident, page: string): Promise<Shared> {
	const now = Date.now();
	const sealed = await sealIncident(incident, now);
	const link = shareLink(page, sealed);
	if (link.length <= MAX_LINK_CHARS) return { kind: 'link', link };
	downloadText(`incident-${incident.id}.encrypted.json`, sealedFile(sealed, now), 'application/json');
	return { kind: 'file', key: sealed.key, length: link.length };
}

/** Download the incident as a cState issue file, the latest update carrying `message`. */
export function downloadStatusPage(incident: Incident, playbook: Pick<ClientPlaybook, 'statuses' | 'severities'>, message: string): string {
	const file = cstateIncident(incident, playbook, message);
	downloadText(file.path.split('/').pop() ?? 'incident.md', file.text);
	return file.path;
}
