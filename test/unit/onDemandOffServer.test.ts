import { describe, expect, it } from 'vitest';
import { onDemandOffServer, withoutOnDemandImports } from '../../src/build/onDemandOffServer.ts';

/** A dynamic import as source writes it (built here, so the check of the project's own imports does not read it as one). */
const load = (path: string, quote = "'") => `import(${quote}${path}${quote})`;

describe('on-demand modules left out of the server bundle', () => {
	it('replaces each dynamic import of an on-demand module, whatever its quotes and spacing', () => {
		const code = [
			`const a = () => ${load('./Dialog.onDemand.tsx')};`,
			`const b = () => ${load('../lib/changes.onDemand.ts', '"')}.then((m) => m.apply());`,
			'const c = () => import( `./x.onDemand.ts` );',
		].join('\n');
		const out = withoutOnDemandImports(code)!;
		expect(out).not.toMatch(/import\(/);
		expect(out.match(/Promise\.reject/g)).toHaveLength(3);
		// Each says which module would not load, should the server ever ask for it.
		expect(out).toContain('./Dialog.onDemand.tsx loads in the browser only');
		expect(out).toContain('.then((m) => m.apply())');
	});

	it('keeps every other import as written, and says when there is nothing to change', () => {
		const code = [
			"import { x } from './shared.onDemand.ts';",
			"export { y } from './other.onDemand.ts';",
			`const engine = () => ${load('./searchEngine.ts')};`,
			'const dynamic = (url: string) => import(/* @vite-ignore */ url);',
			"const named = 'import(./a.onDemand.ts)';",
		].join('\n');
		expect(withoutOnDemandImports(code)).toBeUndefined();
	});

	it('rejects with the reason when the server does call one', async () => {
		const out = withoutOnDemandImports(`export const load = () => ${load('./Form.onDemand.tsx')};`)!;
		const module = await import(`data:text/javascript,${encodeURIComponent(out)}`);
		await expect(module.load()).rejects.toThrow('./Form.onDemand.tsx loads in the browser only');
	});

	it('applies to every build environment but the browser, where on-demand code loads', () => {
		const plugin = onDemandOffServer();
		const applies = plugin.applyToEnvironment as (environment: { name: string }) => boolean;
		expect(applies({ name: 'client' })).toBe(false);
		expect(['ssr', 'prerender'].map((name) => applies({ name }))).toEqual([true, true]);
	});
});
