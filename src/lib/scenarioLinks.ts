/**
 * How many scenario links a list shows before it sends the reader to the scenario index. It keeps
 * the sidebar, the start page and the severity page the same size however many scenarios the
 * playbook has: a thousand links on every page would make every page slow to load on a phone.
 */
export const SCENARIO_LINK_LIMIT = 12;

/**
 * The first `limit` items, in order, always with the current one among them: when it would be
 * left out it takes the last place, so a reader always sees where they are.
 */
export function firstWithCurrent<T>(items: readonly T[], isCurrent: (item: T) => boolean, limit = SCENARIO_LINK_LIMIT): T[] {
	const shown = items.slice(0, limit);
	if (items.length <= limit || limit < 1) return shown;
	const current = items.find(isCurrent);
	if (current !== undefined && !shown.includes(current)) shown[limit - 1] = current;
	return shown;
}
