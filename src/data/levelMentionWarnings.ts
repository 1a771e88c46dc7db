import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import { unknownLevels } from '../lib/levelMentions.ts';

/** Files whose text may name levels: pages, templates, escalation and site settings, the levels themselves. */
function textFiles(content: string): string[] {
	return readdirSync(content, { recursive: true, encoding: 'utf8' })
		.filter((file) => /\.(mdx?|ya?ml)$/.test(file))
		.map((file) => join(content, file))
		.sort();
}

/** The level ids of a content folder, read from the `id` of each file in its severities/ (none without one). */
export function levelIds(content: string): string[] {
	const dir = join(content, 'severities');
	if (!existsSync(dir)) return [];
	return readdirSync(dir)
		.filter((file) => /\.mdx?$/.test(file))
		.map((file) => {
			const front = /^---\r?\n([\s\S]*?)\r?\n---/.exec(readFileSync(join(dir, file), 'utf8'))?.[1];
			const id = front ? (parse(front) as { id?: unknown } | null)?.id : undefined;
			return typeof id === 'string' ? id : undefined;
		})
		.filter((id): id is string => id !== undefined);
}

/**
 * Every place the content names a level that is not one of its levels, as "file:line:column: …"
 * relative to `root`: text left behind when the levels changed (e.g. "Determine P0/P1/P2/P3" in a
 * playbook of SEV-1…SEV-5). Empty when there is nothing to tell.
 */
export function levelMentionWarnings(content: string, root = process.cwd()): string[] {
	const ids = levelIds(content);
	if (ids.length === 0) return [];
	return textFiles(content).flatMap((file) =>
		unknownLevels(readFileSync(file, 'utf8'), ids).map(
			(m) => `${relative(root, file)}:${m.line}:${m.column}: "${m.id}" is not a level of this playbook (levels: ${ids.join(', ')})`,
		),
	);
}
