import { existsSync } from 'node:fs';
import type { Loader } from 'astro/loaders';

/**
 * A glob loader that notices a renamed file. Astro's glob loader keeps an entry it has cached when
 * its id and text are unchanged, with the file it came from; for a collection whose ids come from
 * the frontmatter (the levels: `id: P1`), a file renamed with nothing else changed keeps its old
 * file name, and the next build fails to find it ("failed to resolve import … p1.mdx") until the
 * cache (node_modules/.astro) is deleted. Entries whose file is gone are dropped before the loader
 * runs, so it reads the renamed file as new.
 */
export function withRenamedFiles(loader: Loader): Loader {
	return {
		...loader,
		load: async (context) => {
			for (const [id, entry] of context.store.entries()) {
				if (entry.filePath && !existsSync(new URL(entry.filePath, context.config.root))) context.store.delete(id);
			}
			await loader.load(context);
		},
	};
}
