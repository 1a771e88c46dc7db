import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';

afterEach(cleanup);

describe('a page’s progress', () => {
	it('names its bar with the page’s label once, as the line shows it', async () => {
		vi.resetModules();
		const { default: PageProgress } = await import('../../src/islands/PageProgress.tsx');
		render(<PageProgress label="Castor runbook progress" lists={[]} />);
		expect(screen.getByRole('progressbar').getAttribute('aria-label')).toBe('Castor runbook progress');
	});
});
