import { defineConfig } from 'vitest/config';
import preact from '@preact/preset-vite';

/**
 * Three layers (test/README.md): pure logic and schemas (unit), islands in happy-dom
 * (components), and the built site in a real Chromium plus builds of fixture playbooks (site).
 */
export default defineConfig({
	test: {
		reporters: ['default', './test/summaryReporter.ts'],
		projects: [
			{ test: { name: 'unit', include: ['test/unit/**/*.test.ts'], environment: 'node' } },
			{
				plugins: [preact()],
				test: { name: 'components', include: ['test/components/**/*.test.tsx'], environment: 'happy-dom' },
			},
			{
				test: {
					name: 'site',
					include: ['test/e2e/**/*.test.ts', 'test/build/**/*.test.ts'],
					environment: 'node',
					globalSetup: ['./test/support/globalSetup.ts'],
					// Fixture builds and browser runs take seconds on a quiet machine, a minute or more on a busy one.
					testTimeout: 120_000,
					// Pages hydrate and tabs sync within a second or two; allow for a busy machine.
					expect: { poll: { timeout: 8_000, interval: 100 } },
					hookTimeout: 180_000,
					maxWorkers: 2,
				},
			},
		],
	},
});
