import { readdirSync } from 'node:fs';
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
