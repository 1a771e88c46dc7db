import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** The URLs responders bookmark and alerts link to (DESIGN.md); they must keep working. */
export const PUBLIC_URLS = [
	'/',
	'/severity/',
	'/classify/',
	'/communication/',
	'/escalation/',
	'/post-mortem/',
	'/tools/',
	'/incident/',
	'/process/detection-triage/',
	'/process/investigation/',
	'/process/mitigation/',
	'/process/resolution/',
	'/process/post-mortem/',
	'/scenarios/service-down/',
	'/scenarios/high-error-rate/',
	'/scenarios/database-issues/',
	'/scenarios/performance-degradation/',
	'/scenarios/security-incident/',
	'/authoring/',
];

/** Every page of a built site, as a URL path ("/scenarios/service-down/"). */
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
