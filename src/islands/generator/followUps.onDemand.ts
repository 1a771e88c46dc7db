/** The post-mortem's action items as a calendar file, written when the responder asks for it. */
import { actionItemsCalendar, datedItems } from '../../lib/icsCalendar';
import type { Incident } from '../../lib/state';
import { downloadText } from '../copyText';

/** Download the dated action items as an .ics file; returns what was done, in words. */
export function downloadCalendar(incident: Incident, organisation: string): string {
	const dated = datedItems(incident.postMortem.actionItems).length;
	const all = incident.postMortem.actionItems.length;
	if (dated === 0) return 'No action item has both a text and a due date yet: nothing to put in a calendar.';
	downloadText(`action-items-${incident.id}.ics`, actionItemsCalendar(incident, { organisation, now: Date.now() }), 'text/calendar');
	return `Downloaded ${dated} to-do${dated === 1 ? '' : 's'} with their due dates${dated < all ? ` (${all - dated} without a due date left out)` : ''}.`;
}
