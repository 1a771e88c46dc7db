/**
 * The playbook's text names its levels (P0, SEV-1…); when the levels change, text that still
 * names the old ones is wrong. These find such mentions and fill `{levels}` with today's levels.
 */

/** Prefixes of level ids in common use, checked even when no level of the playbook uses them. */
const COMMON_PREFIXES = ['P', 'SEV', 'Sev'];

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** "P0 to P3": the first and last level ids, most severe first (one id alone when there is one level). */
export function levelRange(ids: readonly string[]): string {
	if (ids.length === 0) return '';
	return ids.length === 1 ? ids[0]! : `${ids[0]} to ${ids.at(-1)}`;
}

/** Text with `{levels}` replaced by the range of the playbook's levels, e.g. "P0 to P3". */
export function fillLevels(text: string, ids: readonly string[]): string {
	return text.replaceAll('{levels}', levelRange(ids));
}

/** A word in the text that looks like a level id but names no level of the playbook. */
export interface UnknownLevel {
	/** 1-based line and column. */
	line: number;
	column: number;
	id: string;
}

/**
 * Words shaped like a level id (a known id's prefix, or P/SEV, then an optional dash and one digit:
 * P4, SEV1, SEV-2) that are not one of `ids`. "P95" or "S3" are not level-shaped and pass.
 */
export function unknownLevels(text: string, ids: readonly string[]): UnknownLevel[] {
	const known = new Set(ids);
	const prefixes = new Set(COMMON_PREFIXES);
	for (const id of ids) {
		const prefix = /^([A-Za-z]+)[-_ ]?\d+$/.exec(id)?.[1];
		if (prefix) prefixes.add(prefix);
	}
	const pattern = new RegExp(`(?<![\\w-])(?:${[...prefixes].map(escape).join('|')})-?\\d(?![\\w.-]?\\d|\\w)`, 'g');
	const found: UnknownLevel[] = [];
	text.split('\n').forEach((line, index) => {
		for (const match of line.matchAll(pattern)) {
			if (!known.has(match[0])) found.push({ line: index + 1, column: match.index + 1, id: match[0] });
		}
	});
	return found;
}
