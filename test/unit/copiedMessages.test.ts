import { describe, expect, it } from 'vitest';
import { copiedLine, lastCopied } from '../../src/lib/copiedMessages.ts';

const message = (at: number, text: string) => ({ id: `e${at}`, at, kind: 'message' as const, text });

describe('the messages logged as copied', () => {
	const incident = {
		events: [
			message(5, copiedLine('All Clear', 'Slack')),
			message(20, copiedLine('All Clear', 'Plain text')),
			message(30, copiedLine('All Clear Extended', 'Slack')),
			{ id: 'n', at: 40, kind: 'note' as const, text: copiedLine('All Clear', 'Slack') },
		],
	};

	it('finds the last copy of a message in any format, from a time on', () => {
		expect(lastCopied(incident, 'All Clear', 0)).toBe(20);
		expect(lastCopied(incident, 'All Clear', 20)).toBe(20);
		expect(lastCopied(incident, 'All Clear', 21)).toBeUndefined();
	});

	it('is not fooled by a longer title that begins the same, nor by a note that reads like a copy', () => {
		expect(lastCopied(incident, 'All Clear', 25)).toBeUndefined();
		expect(lastCopied(incident, 'All Clear Extended', 0)).toBe(30);
	});
});
