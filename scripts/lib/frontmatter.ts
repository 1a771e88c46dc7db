import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

/** The YAML frontmatter of a Markdown/MDX file as plain data; throws, naming the file, if it has none or it is not YAML. */
export function readFrontmatter(path: string): Record<string, unknown> {
	const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(readFileSync(path, 'utf8'));
	if (!match?.[1]) throw new Error(`${path}: no frontmatter (a --- block at the top)`);
	try {
		return (parse(match[1]) ?? {}) as Record<string, unknown>;
	} catch (error) {
		throw new Error(`${path}: frontmatter is not valid YAML: ${(error as Error).message}`);
	}
}
