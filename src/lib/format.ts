/** Minutes as people say them: "5 minutes", "1 hour", "48 hours", "1 hour 30 minutes". */
export function formatMinutes(total: number): string {
	const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
	if (total < 60) return plural(total, 'minute');
	const hours = Math.floor(total / 60);
	const minutes = total % 60;
	return minutes === 0 ? plural(hours, 'hour') : `${plural(hours, 'hour')} ${plural(minutes, 'minute')}`;
}

/** Minutes in the short form of a phase window: "5 min", "1 h", "48 h". */
export function formatMinutesShort(total: number): string {
	if (total < 60 || total % 60 !== 0) return `${total} min`;
	return `${total / 60} h`;
}

/** A phase window as a label: "0–5 min", "30–60 min", "1–4 h". */
export function formatWindow(window: { from?: number | undefined; to: number; label?: string | undefined }): string {
	if (window.label) return window.label;
	const from = window.from ?? 0;
	const sameUnit = from % 60 === 0 && window.to % 60 === 0 && from > 0;
	if (sameUnit) return `${from / 60}–${window.to / 60} h`;
	if (window.to <= 60) return `${from}–${window.to} min`;
	return `${formatMinutesShort(from)}–${formatMinutesShort(window.to)}`;
}

/** A phase as its heading: "Phase 2: Assessment" (its number is its sidebar order). */
export function formatPhaseTitle(phase: { title: string; sidebar: { order: number } }): string {
	return `Phase ${phase.sidebar.order}: ${phase.title}`;
}
