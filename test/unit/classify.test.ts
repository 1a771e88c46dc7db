import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { answersFromQuery, answersToQuery, classify, metrics, type ClassifierLevel } from '../../src/lib/classify.ts';
import { SeveritySchema } from '../../src/schemas/severity.ts';
import { P_FIXTURE } from '../support/playbookFromFiles.ts';
import { readFrontmatter } from '../support/frontmatter.ts';

const dir = join(P_FIXTURE, 'severities');
/** The levels of the P0–P3 fixture playbook. */
const levels: ClassifierLevel[] = readdirSync(dir).map((f) => SeveritySchema.parse(readFrontmatter(join(dir, f))));
const perf = (value: number) => classify(levels, { ticked: [], measures: { 'performance-degradation': value } });

describe('classify with the P0–P3 fixture levels', () => {
	it('matches nothing when nothing is observed', () => {
		expect(classify(levels, { ticked: [], measures: {} })).toEqual({ severityId: undefined, matches: [] });
	});
	it('takes the most severe level among everything ticked, keeping every match as the reason', () => {
		const result = classify(levels, { ticked: ['P2:minor-feature-broken', 'P0:service-completely-down'], measures: {} });
		expect(result.severityId).toBe('P0');
		expect(result.matches.map((m) => `${m.severityId} ${m.criterion.text}`)).toEqual([
			'P0 Service completely down',
			'P2 Minor feature broken',
		]);
	});
	it.each([
		[50.1, 'P1'],
		[50, 'P2'],
		[30, 'P2'],
		[10, 'P2'],
		[9.9, 'P3'],
		[0, undefined],
	])('reads performance degradation of %s%% as %s', (value, expected) => {
		expect(perf(value).severityId).toBe(expected);
	});
	it('asks performance degradation once, not once per level', () => {
		expect(metrics(levels).map((m) => m.metric)).toEqual(['performance-degradation']);
	});
});

describe('classification links', () => {
	it('round-trips through the URL and ignores what it does not know', () => {
		const answers = { ticked: ['P1:major-feature-broken'], measures: { 'performance-degradation': 30 } };
		const query = answersToQuery(answers);
		expect(query.toString()).toBe('seen=P1%3Amajor-feature-broken&performance-degradation=30');
		query.append('seen', 'x');
		const hostile = new URLSearchParams(
			'seen=P1:major-feature-broken,P9:<script>,P0:service-completely-down&performance-degradation=abc&evil=1',
		);
		expect(answersFromQuery(levels, query)).toEqual(answers);
		expect(answersFromQuery(levels, hostile)).toEqual({ ticked: ['P1:major-feature-broken', 'P0:service-completely-down'], measures: {} });
	});
});
