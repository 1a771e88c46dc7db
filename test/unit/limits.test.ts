import { describe, expect, it } from 'vitest';
import { cutText, MAX_NOTE_LENGTH, noteLimitNote, noteParts } from '../../src/lib/limits.ts';

describe('a note longer than a note holds', () => {
	it('is added whole up to the limit, with nothing said', () => {
		const full = 'x'.repeat(MAX_NOTE_LENGTH);
		expect(noteParts(`  ${full}\n`)).toEqual({ note: full, rest: '' });
		expect(noteLimitNote(full)).toBeUndefined();
	});
	it('is cut at the last space when no line break is near the limit, and the rest kept', () => {
		const words = Array.from({ length: 500 }, (_, i) => `word${i}`).join(' ');
		const { note, rest } = noteParts(words);
		expect(note.length).toBeLessThanOrEqual(MAX_NOTE_LENGTH);
		expect(note.length).toBeGreaterThan(MAX_NOTE_LENGTH - 10);
		expect(`${note} ${rest}`).toBe(words);
	});
	it('is cut at the limit when it has no break in its second half, never inside an emoji', () => {
		expect(noteParts('y'.repeat(MAX_NOTE_LENGTH + 5))).toEqual({ note: 'y'.repeat(MAX_NOTE_LENGTH), rest: 'yyyyy' });
		const emoji = `${'y'.repeat(MAX_NOTE_LENGTH - 1)}🔥 after`;
		expect(noteParts(emoji)).toEqual({ note: 'y'.repeat(MAX_NOTE_LENGTH - 1), rest: '🔥 after' });
	});
	it('is said with the limit, what is added and what stays behind', () => {
		expect(noteLimitNote(`${'z'.repeat(MAX_NOTE_LENGTH + 1234)}`)).toBe(
			'Notes hold at most 2,000 characters: Add note adds the first 2,000, and the other 1,234 characters stay in this box, to add next or to delete.',
		);
	});
});

describe('text cut to a limit', () => {
	it('is left whole up to the limit, and cut with … past it, never between the two halves of a character', () => {
		expect(cutText('abc', 3)).toBe('abc');
		expect(cutText('abcd', 3)).toBe('ab…');
		expect(cutText('a😀b', 3)).toBe('a…');
		expect(cutText('ab😀', 3)).toBe('ab…');
		for (let max = 1; max < 12; max++) expect(cutText('😀'.repeat(8), max).length).toBeLessThanOrEqual(max);
	});
});
