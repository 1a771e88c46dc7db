import { describe, expect, it } from 'vitest';
import { codeSpans } from '../../src/lib/codeSpans.ts';

describe('codeSpans', () => {
	it('marks text between backticks as code', () => {
		expect(codeSpans('write `15m` or `1h`.')).toEqual([
			{ text: 'write ', code: false },
			{ text: '15m', code: true },
			{ text: ' or ', code: false },
			{ text: '1h', code: true },
			{ text: '.', code: false },
		]);
	});
	it('leaves text with an unmatched backtick as it is', () => {
		expect(codeSpans('a ` b')).toEqual([{ text: 'a ` b', code: false }]);
		expect(codeSpans('plain')).toEqual([{ text: 'plain', code: false }]);
	});
});
