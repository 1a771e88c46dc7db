import { describe, expect, it } from 'vitest';
import { buildPlugins, ISLAND_FILES, preactIslands } from '../../src/integrations/preactJsx.ts';

type Plugin = {
	name: string;
	config?: () => unknown;
	resolveId?: { handler: (id: string) => unknown };
	load?: { handler: (id: string) => unknown };
};
type Setup = (options: Record<string, unknown>) => Promise<void>;

/** Run the integration's setup hook for a command; the renderers and Vite plugins it added. */
async function setUp(command: string): Promise<{ renderers: Array<{ name: string; clientEntrypoint: string }>; plugins: unknown[] }> {
	const renderers: Array<{ name: string; clientEntrypoint: string }> = [];
	const plugins: unknown[] = [];
	const setup = preactIslands().hooks['astro:config:setup'] as unknown as Setup;
	await setup({
		command,
		addRenderer: (renderer: { name: string; clientEntrypoint: string }) => renderers.push(renderer),
		updateConfig: (config: { vite?: { plugins?: unknown[] } }) => plugins.push(...(config.vite?.plugins ?? [])),
		injectScript: () => {},
	});
	return { renderers, plugins: plugins.flat(Infinity) };
}

const names = (plugins: unknown[]) => plugins.map((p) => (p as { name?: string }).name);

describe('Preact for the islands', () => {
	it('in a build: the production renderer, and JSX compiled by Oxc for Preact, with no Babel', async () => {
		const { renderers, plugins } = await setUp('build');
		expect(renderers).toEqual([
			{ name: '@astrojs/preact', clientEntrypoint: '@astrojs/preact/client.js', serverEntrypoint: '@astrojs/preact/server.js' },
		]);
		expect(names(plugins)).toEqual(['vite:preact-jsx', '@astrojs/preact:opts']);
		const jsx = plugins[0] as Plugin;
		expect(jsx.config?.()).toMatchObject({ oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } } });
		expect(Object.keys(jsx)).not.toContain('transform');
	});

	it("in a build: tells the server renderer which files are the islands, as @astrojs/preact's options module does", () => {
		const options = buildPlugins(['src/x/**'])[1] as Plugin;
		const id = options.resolveId!.handler('astro:preact:opts') as string;
		const { code } = options.load!.handler(id) as { code: string };
		expect(code).toBe('export default {"include":["src/x/**"]}');
		expect(ISLAND_FILES).toEqual(['src/islands/**']);
	});

	it('in dev: @astrojs/preact itself, Babel and hot reload included', async () => {
		const { renderers, plugins } = await setUp('dev');
		expect(renderers.map((r) => r.clientEntrypoint)).toEqual(['@astrojs/preact/client-dev.js']);
		expect(names(plugins)).toEqual(expect.arrayContaining(['vite:preact-jsx', 'prefresh', '@astrojs/preact:opts']));
	});
});
