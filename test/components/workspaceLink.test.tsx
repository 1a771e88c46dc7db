import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WorkspaceLink } from '../../src/islands/declare/WorkspaceLink.tsx';
import { DOUBLE_TAP_MS } from '../../src/islands/doubleTap.ts';

afterEach(() => {
	cleanup();
	vi.useRealTimers();
});

describe('the way on to the workspace after declaring', () => {
	it('ignores the second tap of a double tap on the declare button it replaces, and follows a tap after', () => {
		vi.useFakeTimers({ now: 1_000_000, toFake: ['Date'] });
		render(<WorkspaceLink />);
		const link = screen.getByRole('link', { name: 'Open the incident workspace' });
		vi.setSystemTime(1_000_000 + DOUBLE_TAP_MS / 4);
		expect(fireEvent.click(link, { detail: 1 })).toBe(false);
		// Enter on the focused link (a click of no count) is meant, however soon.
		expect(fireEvent.click(link, { detail: 0 })).toBe(true);
		vi.setSystemTime(1_000_000 + DOUBLE_TAP_MS + 1);
		// Followed: the click is not cancelled (happy-dom does not navigate).
		expect(fireEvent.click(link, { detail: 1 })).toBe(true);
	});
});
