import { readdirSync } from 'node:fs';
import { readFrontmatter } from './frontmatter.ts';
import { join, relative, sep } from 'node:path';

/** Every page of a built site, as a URL path ("/scenarios/service-down/"), sorted. */
export function builtPages(dist: string): string[] {
	const pages: string[] = [];
	const walk = (dir: string) => {
		for (const entry of readdirSync(dir, { withFileTypes: true })) {
			const path = join(dir, entry.name);
			if (entry.isDirectory() && entry.name !== 'pagefind' && entry.name !== '_astro') walk(path);
			else if (entry.name === 'index.html') pages.push(`/${relative(dist, dir).split(sep).join('/')}/`.replace('//', '/'));
		}
	};
	walk(dist);
	return pages.sort();
}

/** Every file of a built site, as a path inside it ("_astro/page.Ab12.js"). */
export function builtFiles(dist: string): string[] {
	return (readdirSync(dist, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
		.filter((entry) => entry.isFile())
		.map((entry) => relative(dist, join(entry.parentPath, entry.name)).split(sep).join('/'))
		.sort();
}

/**
 * The scenario that stands for all of them in measurements: the first in the sidebar (lowest
 * `sidebar.order`, then file name), read from the content so a playbook of other scenarios works.
 */
export function firstScenarioId(contentDir: string): string {
	const dir = join(contentDir, 'docs/scenarios');
	const order = (file: string) => {
		const sidebar = readFrontmatter(join(dir, file))['sidebar'] as { order?: unknown } | undefined;
		return typeof sidebar?.order === 'number' ? sidebar.order : Number.MAX_SAFE_INTEGER;
	};
	const files = readdirSync(dir)
		.filter((f) => /^[^_].*\.mdx?$/.test(f) && !/^index\./.test(f))
		.sort();
	const first = files.map((file) => ({ file, order: order(file) })).sort((a, b) => a.order - b.order)[0];
	if (!first) throw new Error(`${dir}: no scenario to measure`);
	return first.file.replace(/\.mdx?$/, '');
}
