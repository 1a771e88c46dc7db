/**
 * The post-mortem's action items sent on: each as a prefilled new issue in the team's tracker, all
 * of them as a calendar file. Loaded on the first click, not with the post-mortem page.
 */
import { actionItemsCalendar, datedItems } from '../../lib/icsCalendar.ts';
import { issueAction, issueDraft } from '../../lib/issueLinks.ts';
import type { Tracker } from '../../schemas/site.ts';
import type { ActionItem, Incident } from '../../lib/state.ts';
import { copyText, downloadText } from '../copyText.ts';

/** Open the tracker's new-issue form for one item, or copy the issue when the link would be too long. */
export async function fileIssue(tracker: Tracker, item: ActionItem, incident: Incident): Promise<string> {
	const action = issueAction(tracker, issueDraft(item, incident));
	if (action.kind === 'link') {
		window.open(action.url, '_blank', 'noopener');
		return `Opened a new issue for “${item.item.trim()}” in ${tracker.repo}: check it and submit it there.`;
	}
	return (await copyText(action.text))
		? `“${item.item.trim()}” is too long for a link: the issue was copied; paste it into a new issue in ${tracker.repo}.`
		: `“${item.item.trim()}” is too long for a link, and the browser refused to copy it: copy the item by hand.`;
}

/** Download the dated action items as an .ics file; returns what was done, in words. */
export function downloadCalendar(incident: Incident, organisation: string): string {
	const dated = datedItems(incident.postMortem.actionItems).length;
	const all = incident.postMortem.actionItems.length;
	if (dated === 0) return 'No action item has both a text and a due date yet: nothing to put in a calendar.';
	downloadText(`action-items-${incident.id}.ics`, actionItemsCalendar(incident, { organisation, now: Date.now() }), 'text/calendar');
	return `Downloaded ${dated} to-do${dated === 1 ? '' : 's'} with their due dates${dated < all ? ` (${all - dated} without a due date left out)` : ''}.`;
}
