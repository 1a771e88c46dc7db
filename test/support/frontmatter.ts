import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

/** The frontmatter of a content file as plain data, for checking real content against schemas. */
export function readFrontmatter(path: string): Record<string, unknown> {
	const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(readFileSync(path, 'utf8'));
	if (!match?.[1]) throw new Error(`${path} has no frontmatter`);
	return parse(match[1]) as Record<string, unknown>;
}
