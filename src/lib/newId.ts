/**
 * Ids for timeline events and action items: apart from the incident model (incidents.ts), so the
 * post-mortem page can name an action item it shows at once, before the store that keeps it loads.
 */
let counter = 0;
/** A unique id for a timeline event or action item. */
export function newId(now: number): string {
	counter = (counter + 1) % 1296;
	return `${now.toString(36)}${counter.toString(36).padStart(2, '0')}${Math.random().toString(36).slice(2, 6)}`;
}
