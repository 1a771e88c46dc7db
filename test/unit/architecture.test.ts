import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/buildSite';

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
