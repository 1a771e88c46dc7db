import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/buildSite.ts';

/** Every module specifier a TypeScript file imports or re-exports, static or dynamic. */
function importsOf(source: string): string[] {
	const found = [
		...source.matchAll(
			/(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|(?:^|\n)\s*import\s*['"]([^'"]+)['"]/g,
		),
	];
	return found.map((m) => m[1] ?? m[2] ?? m[3] ?? '');
}

/** Why a module of the pure logic layer may not import a specifier, or null when it may. */
function forbiddenInLib(specifier: string): string | null {
	if (specifier.startsWith('astro:')) return 'Astro virtual modules exist only in a build (content is read in src/data/)';
	if (/(^|\/)(islands|components|scripts|client|integrations|routes|data)\//.test(specifier) && specifier.startsWith('..'))
		return 'a view, page script or build step (src/lib is below them)';
	if (/\.(tsx|astro)$/.test(specifier) || /^preact/.test(specifier)) return 'a view (src/lib has no DOM and no components)';
	if (/(^|\/)(scripts|test)\//.test(specifier)) return 'tooling or tests';
	return null;
}

const libDir = join(ROOT, 'src', 'lib');

describe('layering of the pure logic in src/lib', () => {
	it('knows a forbidden import when it sees one', () => {
		expect(
			importsOf(`import { x } from '../islands/useStore';\nimport type { Y } from './state';\nconst z = await import('astro:content');`),
		).toEqual(['../islands/useStore', './state', 'astro:content']);
		expect(forbiddenInLib('../islands/useStore')).toMatch(/view/);
		expect(forbiddenInLib('astro:content')).toMatch(/Astro/);
		expect(forbiddenInLib('../../scripts/measure/budgets')).not.toBeNull();
		expect(forbiddenInLib('preact/hooks')).not.toBeNull();
		expect(forbiddenInLib('./state')).toBeNull();
		expect(forbiddenInLib('../schemas/severity')).toBeNull();
		expect(forbiddenInLib('zod/mini')).toBeNull();
	});

	it('imports no view, no astro:content and nothing from scripts/ or test/', () => {
		const files = readdirSync(libDir).filter((file) => file.endsWith('.ts'));
		expect(files.length).toBeGreaterThan(10);
		const problems = files.flatMap((file) =>
			importsOf(readFileSync(join(libDir, file), 'utf8')).flatMap((specifier) => {
				const why = forbiddenInLib(specifier);
				return why ? [`src/lib/${file} imports ${specifier}: ${why}`] : [];
			}),
		);
		expect(problems).toEqual([]);
	});
});

/** Every file under a folder of the project, as paths relative to the root, fixtures and generated files left out. */
function filesUnder(dir: string): string[] {
	return readdirSync(join(ROOT, dir), { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile())
		.map((entry) => relative(ROOT, join(entry.parentPath, entry.name)))
		.filter((path) => !path.split(sep).includes('fixtures'));
}

const CODE = /\.(ts|tsx|astro|mjs)$/;

describe('one name, one import style', () => {
	it('gives no two modules of the code the same file name', () => {
		const byName = new Map<string, string[]>();
		for (const path of [...filesUnder('src'), ...filesUnder('scripts')].filter((p) => CODE.test(p))) {
			const name = basename(path);
			byName.set(name, [...(byName.get(name) ?? []), path]);
		}
		expect(byName.size).toBeGreaterThan(50);
		expect([...byName.values()].filter((paths) => paths.length > 1)).toEqual([]);
	});

	it('names the file, extension included, in every relative import, as Node and Vite both resolve it', () => {
		const files = ['src', 'scripts', 'test'].flatMap(filesUnder).filter((p) => CODE.test(p));
		expect(files.length).toBeGreaterThan(100);
		const problems = files.flatMap((path) =>
			importsOf(readFileSync(join(ROOT, path), 'utf8'))
				.filter((specifier) => specifier.startsWith('./') || specifier.startsWith('../'))
				.filter((specifier) => !existsSync(join(ROOT, dirname(path), specifier.replace(/\?.*$/, ''))))
				.map((specifier) => `${path} imports ${specifier}`),
		);
		expect(problems).toEqual([]);
	});
});
