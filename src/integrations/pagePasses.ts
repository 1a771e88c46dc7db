import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { asBase } from '../lib/urls.ts';
import { timedStep } from './timedStep.ts';

/** One change made to every built page after the build. */
export interface PagePass {
	/** The page changed, or undefined to leave it as it is. */
	page(html: string, file: string): string | undefined | Promise<string | undefined>;
	/** What it did, for the build's log. */
	summary(): string;
}

/** Where the site is built and the base path it is built for. */
export interface PassContext {
	root: string;
	base: string;
}

/** Every `.html` file under a folder, as paths. */
export async function htmlFiles(root: string): Promise<string[]> {
	const entries = await readdir(root, { recursive: true, withFileTypes: true });
	return entries
		.filter((e) => e.isFile() && e.name.endsWith('.html'))
		.map((e) => join(e.parentPath, e.name))
		.sort();
}

/** Run `work` on every item, at most `size` at a time. */
export async function inBatches<T>(items: T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
	let next = 0;
	const worker = async () => {
		while (next < items.length) await work(items[next++]!);
	};
	await Promise.all(Array.from({ length: Math.min(size, items.length) }, worker));
}

/**
 * The post-build changes to every page (module preload lists, the content security policy), made in
 * one read and one write of each: with 1,000 scenarios each pass of its own read and wrote 1,000
 * files, and the writing cost as much as the work. The passes run in the order given, on the page
 * as the one before left it; `then` runs once every page is done.
 */
export function pagePasses(
	name: string,
	passes: (context: PassContext) => Promise<PagePass[]> | PagePass[],
	then?: (context: PassContext) => Promise<void>,
): AstroIntegration {
	let base = '/';
	return {
		name,
		hooks: {
			'astro:config:done': ({ config }) => {
				base = asBase(config.base);
			},
			'astro:build:done': ({ dir, logger }) =>
				timedStep(logger, async () => {
					const context = { root: fileURLToPath(dir), base };
					const all = await passes(context);
					// A few files at a time: reads and writes overlap with the work on the pages before them.
					await inBatches(await htmlFiles(context.root), 16, async (file) => {
						const read = await readFile(file, 'utf8');
						let html = read;
						for (const pass of all) html = (await pass.page(html, file)) ?? html;
						if (html !== read) await writeFile(file, html);
					});
					await then?.(context);
					return all.map((pass) => pass.summary()).join('; ');
				}),
		},
	};
}
