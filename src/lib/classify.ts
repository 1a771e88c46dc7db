/**
 * Severity classification: the responder says which criteria they see (and the numbers they
 * measured); the incident takes the most severe level that any of them matches.
 */
import type { Criterion, Measure, Severity } from '../schemas/severity.ts';

/** What the responder observed. */
export interface Answers {
	/** Criteria they ticked, as "<severity id>:<criterion id>" (e.g. "P0:service-completely-down"). */
	ticked: string[];
	/** Numbers they measured, by metric (e.g. { "performance-degradation": 30 }). */
	measures: Record<string, number>;
}

/** A level as the classifier needs it. */
export type ClassifierLevel = Pick<Severity, 'id' | 'name' | 'rank' | 'criteria'>;

/** One criterion that matched, and why. */
export interface Match {
	severityId: string;
	criterion: Criterion;
	/** The measured value, for criteria matched by a number. */
	value?: number;
}

/** The outcome: the level (undefined when nothing matched) and every criterion that matched. */
export interface Classification {
	severityId: string | undefined;
	matches: Match[];
}

/** The key a ticked criterion is stored under. */
export function criterionKey(severityId: string, criterionId: string): string {
	return `${severityId}:${criterionId}`;
}

/** Does a measured value fall within the criterion's bounds? */
export function inBounds(measure: Measure, value: number): boolean {
	return (
		(measure.above === undefined || value > measure.above) &&
		(measure.atLeast === undefined || value >= measure.atLeast) &&
		(measure.below === undefined || value < measure.below) &&
		(measure.atMost === undefined || value <= measure.atMost)
	);
}

/** The questions asked by number: one per metric, whatever the number of levels bounding it. */
export function metrics(levels: readonly ClassifierLevel[]): Measure[] {
	const seen = new Map<string, Measure>();
	for (const level of levels)
		for (const c of level.criteria) if (c.measure && !seen.has(c.measure.metric)) seen.set(c.measure.metric, c.measure);
	return [...seen.values()];
}

/** Classify: every matching criterion, and the most severe level among them. */
export function classify(levels: readonly ClassifierLevel[], answers: Answers): Classification {
	const matches: Match[] = [];
	for (const level of [...levels].sort((a, b) => a.rank - b.rank)) {
		for (const criterion of level.criteria) {
			if (criterion.measure) {
				const value = answers.measures[criterion.measure.metric];
				if (value !== undefined && Number.isFinite(value) && inBounds(criterion.measure, value)) {
					matches.push({ severityId: level.id, criterion, value });
				}
			} else if (answers.ticked.includes(criterionKey(level.id, criterion.id))) {
				matches.push({ severityId: level.id, criterion });
			}
		}
	}
	return { severityId: matches[0]?.severityId, matches };
}

/** Answers as URL query parameters, so a classification can be pasted to a colleague. */
export function answersToQuery(answers: Answers): URLSearchParams {
	const params = new URLSearchParams();
	if (answers.ticked.length > 0) params.set('seen', answers.ticked.join(','));
	for (const [metric, value] of Object.entries(answers.measures)) if (Number.isFinite(value)) params.set(metric, String(value));
	return params;
}

/**
 * The query the classifier's Declare link adds beside the level (`severity`): that level is a classification's,
 * which an incident already open may be set to, not an alert's own. The declare form reads it by its type
 * (`typeof CLASSIFIED_QUERY`), so the on-demand form does not split this module from the classifier's code.
 */
export const CLASSIFIED_QUERY = 'classified';

/** The query parameters answers are kept in (answersToQuery): a page keeps any other as it found it. */
export function answerKeys(levels: readonly ClassifierLevel[]): string[] {
	return ['seen', ...metrics(levels).map((m) => m.metric)];
}

/** Answers from URL query parameters; anything that is not a criterion or metric of these levels is ignored. */
export function answersFromQuery(levels: readonly ClassifierLevel[], params: URLSearchParams): Answers {
	const known = new Set(levels.flatMap((l) => l.criteria.filter((c) => !c.measure).map((c) => criterionKey(l.id, c.id))));
	const ticked = (params.get('seen') ?? '').split(',').filter((key) => known.has(key));
	const measures: Record<string, number> = {};
	for (const measure of metrics(levels)) {
		const raw = params.get(measure.metric);
		const value = raw === null || raw.trim() === '' ? Number.NaN : Number(raw);
		if (Number.isFinite(value)) measures[measure.metric] = value;
	}
	return { ticked: [...new Set(ticked)], measures };
}

/** The impact a classification implies: the criteria that matched, in the playbook's words. */
export function impactFromReasons(reasons: readonly string[]): string {
	return [...new Set(reasons.map((r) => r.trim()).filter(Boolean))].join('; ');
}
