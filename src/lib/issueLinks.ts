/**
 * Action items of the post-mortem as new issues in the team's tracker (site settings, `tracker`):
 * a link that opens the tracker's new-issue form with the title, body and labels filled in.
 * When the link would be too long for the tracker to accept, the issue is copied instead.
 */
import type { Tracker } from '../schemas/site.ts';
import type { ActionItem, Incident } from './state.ts';

/** Longest new-issue link offered: GitHub answers longer ones with an error (it caps URLs near 8 KB). */
export const MAX_ISSUE_URL = 8_000;

/** An issue to file: its title and Markdown body. */
export interface IssueDraft {
	title: string;
	body: string;
}

/** The issue for one action item, with the incident's context in its body. */
export function issueDraft(item: ActionItem, incident: Pick<Incident, 'id' | 'title' | 'severity'>, link?: string): IssueDraft {
	const lines = [
		`Follow-up of incident ${incident.id} (${incident.severity}): ${incident.title}`,
		'',
		...(item.owner.trim() ? [`- Owner: ${item.owner.trim()}`] : []),
		...(item.due.trim() ? [`- Due: ${item.due.trim()}`] : []),
		...(link ? [`- Post-mortem: ${link}`] : []),
	];
	return { title: item.item.trim(), body: lines.join('\n').trim() };
}

/** The tracker's new-issue URL for a draft. */
export function newIssueUrl(tracker: Tracker, draft: IssueDraft): string {
	const base = `${tracker.url.replace(/\/+$/, '')}/${tracker.repo}`;
	if (tracker.kind === 'gitlab') {
		// GitLab's form has no labels parameter: its /label quick action sets them on creation.
		const labels = tracker.labels.map((l) => `~"${l.replace(/"/g, '')}"`).join(' ');
		const description = labels ? `${draft.body}\n\n/label ${labels}` : draft.body;
		return `${base}/-/issues/new?${new URLSearchParams({ 'issue[title]': draft.title, 'issue[description]': description })}`;
	}
	const query = new URLSearchParams({ title: draft.title, body: draft.body });
	if (tracker.labels.length > 0) query.set('labels', tracker.labels.join(','));
	return `${base}/issues/new?${query}`;
}

/** How to file an issue: open the link, or copy the text when the link would be too long. */
export type IssueAction = { kind: 'link'; url: string } | { kind: 'copy'; text: string };

/** The way to file this draft in this tracker. */
export function issueAction(tracker: Tracker, draft: IssueDraft): IssueAction {
	const url = newIssueUrl(tracker, draft);
	return url.length <= MAX_ISSUE_URL ? { kind: 'link', url } : { kind: 'copy', text: `${draft.title}\n\n${draft.body}` };
}
