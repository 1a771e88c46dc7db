import { describe, expect, it } from 'vitest';
import { preactJsx, replacePlugin } from '../../src/integrations/preactJsx.ts';

type Hook = (options: { command: string; config: { vite: { plugins?: unknown[] } } }) => void;

/** Run the integration's setup hook on a config holding the given plugins; the plugins it leaves. */
function setUp(command: string, plugins: unknown[]): unknown[] {
	const config = { vite: { plugins } };
	(preactJsx().hooks['astro:config:setup'] as unknown as Hook)({ command, config });
	return config.vite.plugins;
}

describe('the islands compiled without Babel', () => {
	it('replaces a plugin by name at any depth and leaves the others and the empty entries', () => {
		const other = { name: 'other' };
		const replaced = replacePlugin([other, [false, { name: 'x' }, [{ name: 'x' }]], null], 'x', { name: 'new' });
		expect(replaced).toEqual([other, [false, { name: 'new' }, [{ name: 'new' }]], null]);
		expect(replaced[0]).toBe(other);
	});

	it('swaps the Babel JSX plugin for one that configures Oxc, in a build only', async () => {
		const babel = { name: 'vite:preact-jsx', transform: () => 'babel' };
		const other = { name: 'astro:other' };
		const [swapped, kept] = setUp('build', [[babel], other]) as [
			{ name: string; transform?: (code: string, id: string) => unknown; config?: () => unknown }[],
			unknown,
		];
		expect(kept).toBe(other);
		const plugin = swapped[0]!;
		expect(plugin).not.toBe(babel);
		expect(plugin.name).toBe('vite:preact-jsx');
		expect(plugin.config?.call({ meta: { rolldownVersion: '1' } })).toMatchObject({
			oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
		});
		// It leaves an island's JSX to Oxc: no transform of its own.
		expect(await plugin.transform?.('export const A = () => <a />;', '/site/src/islands/A.tsx')).toBeUndefined();
		const dev = setUp('dev', [[babel], other]) as unknown[][];
		expect(dev[0]![0]).toBe(babel);
	});
});
