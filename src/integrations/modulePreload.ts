import { readFile } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { init, parse } from 'es-module-lexer';
import { sitePath } from '../lib/urls.ts';
import type { PagePass, PassContext } from './pagePasses.ts';

/** The scripts a page starts on its own: its islands' code and renderer, its module scripts, and what inline ones import. */
export function pageEntries(html: string): { islands: string[]; scripts: string[]; inline: string[] } {
	const islands = [...html.matchAll(/<astro-island\b[^>]*>/g)].flatMap(([tag]) =>
		[...tag.matchAll(/\b(?:component-url|renderer-url|before-hydration-url)="([^"]+)"/g)].map((m) => m[1]!),
	);
	const scripts = [...html.matchAll(/<script\b[^>]*\btype="module"[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1]!);
	const inline = [...html.matchAll(/<script\b[^>]*\btype="module"[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]!).filter(Boolean);
	return { islands: [...new Set(islands)], scripts: [...new Set(scripts)], inline };
}

/** The static imports of a module, as URLs resolved against its own (dynamic imports load later, on demand). */
export function staticImports(code: string, url: string): string[] {
	const [imports] = parse(code);
	return imports
		.filter((i) => i.d === -1 && i.n !== undefined)
		.map((i) => (i.n!.startsWith('/') ? i.n! : posix.join(posix.dirname(url), i.n!)));
}

/**
 * Modules a page will load once its scripts run, listed for the browser to fetch at once: an island's code
 * is found only when Astro's island script runs, and what it imports only once that has arrived, so on a
 * phone's network (300 ms a round trip) a runbook's checklists came alive after three round trips in a row,
 * about a second later than they need to; a box ticked in that second, on a page left at once, is lost.
 * The files are those the page loads anyway (every island is `client:load`); nothing more is fetched.
 * Run with the other page passes (pagePasses.ts).
 */
export async function preloadPass({ root, base }: PassContext): Promise<PagePass> {
	await init;
	const importsOf = new Map<string, Promise<string[]>>();
	const read = (url: string): Promise<string[]> => {
		let found = importsOf.get(url);
		if (!found) {
			const path = sitePath(url, base);
			found =
				path === null
					? Promise.resolve([])
					: readFile(join(root, path), 'utf8').then(
							(code) => staticImports(code, url),
							() => [],
						);
			importsOf.set(url, found);
		}
		return found;
	};
	let pages = 0;
	let links = 0;
	return {
		async page(html) {
			const head = html.indexOf('</head>');
			if (head < 0) return undefined;
			const { islands, scripts, inline } = pageEntries(html);
			const reached = new Set<string>();
			const queue = [...islands, ...scripts, ...inline.flatMap((code) => staticImports(code, base))];
			for (let url = queue.shift(); url !== undefined; url = queue.shift()) {
				if (reached.has(url)) continue;
				reached.add(url);
				queue.push(...(await read(url)));
			}
			// The page's own <script src> are fetched as it is parsed: what they import is listed, and the islands' own code,
			// which Astro's island script asks for only once the page's text is in.
			const listed = [...reached].filter(
				(url) => url.endsWith('.js') && /^[\w./~-]+$/.test(url) && !scripts.includes(url) && sitePath(url, base) !== null,
			);
			if (listed.length === 0) return undefined;
			pages++;
			links += listed.length;
			// Unquoted: a built file's URL holds no space, quote or `>` (checked), and every byte is on every visit.
			const tags = listed.map((url) => `<link rel=modulepreload href=${url}>`).join('');
			return html.slice(0, head) + tags + html.slice(head);
		},
		summary: () => `${pages} pages list ${links} modules to fetch at once`,
	};
}
