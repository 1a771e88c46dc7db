import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { AstroIntegration } from 'astro';
import { hasMarkdownPages, keepingContentCache } from '../../src/integrations/linksValidator.ts';

const made: string[] = [];
afterEach(() => made.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A temporary folder holding the given files. */
function folder(files: Record<string, string>): string {
	const root = mkdtempSync(join(tmpdir(), 'links-validator-'));
	made.push(root);
	for (const [file, text] of Object.entries(files)) {
		mkdirSync(join(root, file, '..'), { recursive: true });
		writeFileSync(join(root, file), text);
	}
	return root;
}

type Setup = (options: object) => Promise<void>;

describe('the content cache around the links validator', () => {
	it('tells Markdown pages, which the content layer renders and caches, from MDX ones', () => {
		expect(hasMarkdownPages(folder({ 'index.mdx': '', 'runbooks/a.mdx': '' }))).toBe(false);
		expect(hasMarkdownPages(folder({ 'index.mdx': '', 'runbooks/a.md': '' }))).toBe(true);
		expect(hasMarkdownPages(join(tmpdir(), 'no-such-docs-folder'))).toBe(false);
	});

	it("keeps the cache through the validator's setup, which deletes it, and runs the setup", async () => {
		const cache = folder({ 'data-store.json': '["kept"]' });
		const seen: boolean[] = [];
		const validator: AstroIntegration = {
			name: 'starlight-links-validator',
			hooks: {
				'astro:config:setup': () => {
					const store = join(cache, 'data-store.json');
					seen.push(existsSync(store));
					rmSync(store, { force: true });
				},
			},
		};
		const kept = keepingContentCache(validator, pathToFileURL(`${cache}/`));
		await (kept.hooks['astro:config:setup'] as unknown as Setup)({});
		expect(seen).toEqual([false]);
		expect(readFileSync(join(cache, 'data-store.json'), 'utf8')).toBe('["kept"]');
		// No cache yet: nothing to keep, and the setup still runs.
		rmSync(join(cache, 'data-store.json'));
		await (kept.hooks['astro:config:setup'] as unknown as Setup)({});
		expect(seen).toEqual([false, false]);
		expect(existsSync(join(cache, 'data-store.json'))).toBe(false);
	});
});
