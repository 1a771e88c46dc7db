/**
 * Which stored incident every page shows (the incident bar, a runbook's checklists, an alert's
 * note): the active one (the one the workspace shows) while it is open; once it is resolved, or
 * none is active, the latest declared of those still open (first in the list: the store keeps it
 * newest first), so that none still open is hidden from every page, nor ticked past. The rule on
 * its own, with nothing imported: the cheap read (storageRead.ts) and the script a runbook runs
 * before it is drawn (alertNote.prePaint.ts) both take it.
 */
export function pickActive<T extends { id?: unknown; resolvedAt?: unknown }>(incidents: readonly T[], activeId: unknown): T | undefined {
	const open = (i: T) => i.resolvedAt === undefined;
	const active = incidents.find((i) => i.id === activeId);
	return active && open(active) ? active : (incidents.find(open) ?? active);
}

/** Whether any of the incidents is open: then, and only then, pickActive gives an open one (the bar shows it). */
export const anyOpen = (incidents: readonly { resolvedAt?: unknown }[]): boolean => incidents.some((i) => i.resolvedAt === undefined);
