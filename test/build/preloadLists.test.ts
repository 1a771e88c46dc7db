import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { init } from 'es-module-lexer';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { staticImports } from '../../src/integrations/modulePreload.ts';

beforeAll(async () => {
	await init;
});

/**
 * On the built fixture playbook: what a chunk's on-demand imports fetch alongside (Vite's
 * `__vite__mapDeps` table) names no file the chunk has already loaded by its static imports, and
 * still names the files an import needs that it has not (src/build/loadedPreloads.ts).
 */
describe('the preload lists of the built scripts', () => {
	const assets = join(inject('dist'), '_astro');
	const code = (file: string) => readFileSync(join(assets, file), 'utf8');
	const chunks = readdirSync(assets).filter((f) => f.endsWith('.js'));
	const imports = (file: string) => staticImports(code(file), `/_astro/${file}`).map((url) => url.replace('/_astro/', ''));
	const reached = (file: string) => {
		const seen = new Set<string>();
		const queue = [file];
		for (let next = queue.pop(); next !== undefined; next = queue.pop()) {
			if (seen.has(next)) continue;
			seen.add(next);
			queue.push(...imports(next));
		}
		return seen;
	};
	const listed = (file: string) => {
		const table = /__vite__mapDeps=.*?m\.f=(\[[^\]]*\])/.exec(code(file))?.[1];
		return table ? (JSON.parse(table) as string[]).map((path) => path.replace('_astro/', '')) : undefined;
	};
	const withLists = chunks.filter((file) => listed(file) !== undefined);

	it('exist: some chunks fetch what an on-demand import needs with it', () => {
		expect(withLists.length).toBeGreaterThan(0);
	});

	it('never name what the chunk has already loaded', () => {
		const needless = withLists.flatMap((file) => {
			const loaded = reached(file);
			return listed(file)!
				.filter((dep) => loaded.has(dep))
				.map((dep) => `${file} lists ${dep}`);
		});
		expect(needless).toEqual([]);
	});

	it('name what an on-demand module imports that the chunk has not loaded', () => {
		const missing = withLists.flatMap((file) => {
			const loaded = reached(file);
			const deps = new Set(listed(file));
			return [...deps]
				.filter((dep) => /\.onDemand\./.test(dep))
				.flatMap((dep) => [...reached(dep)].filter((needed) => !loaded.has(needed) && !deps.has(needed)))
				.map((needed) => `${file}: ${needed}`);
		});
		expect(missing).toEqual([]);
	});
});
