import { describe, expect, it } from 'vitest';
import { withSomeWords } from '../../src/scripts/searchDialog.onDemand.ts';

const found = (id: string, score: number) => ({ id, score, data: () => Promise.reject(new Error('not fetched')) });

describe('search with several words', () => {
	it('lists pages with every word first, then those with more of the words, then by score, each once', () => {
		const all = [found('drill', 9)];
		const byWord = [
			// "checkout"
			[found('drill', 5), found('authoring', 1)],
			// "errors"
			[found('drill', 4), found('runbook', 3), found('authoring', 1), found('metrics', 7)],
			// "5xx"
			[found('runbook', 8)],
		];
		const { results, some } = withSomeWords(all, byWord);
		expect(results.map((r) => r.id)).toEqual(['drill', 'runbook', 'authoring', 'metrics']);
		expect(some).toBe(3);
	});

	it('adds nothing to a query of one word', () => {
		const { results, some } = withSomeWords([found('a', 1), found('b', 2)], []);
		expect(results.map((r) => r.id)).toEqual(['a', 'b']);
		expect(some).toBe(0);
	});
});
