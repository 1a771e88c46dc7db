/**
 * Starts a new playbook entry with every required field filled with a placeholder the build
 * accepts, and a comment on what to write in each:
 *
 *   npm run new -- scenario "Cache stampede"
 *   npm run new -- severity P4
 *   npm run new -- template "Customer notice"
 *   npm run new -- phase "Follow-up"
 *
 * Never overwrites a file; refuses a name it cannot make a valid entry from.
 */
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describeIssues } from '../src/lib/zodIssues.ts';
import { CONTENT_TYPES } from '../src/schemas/contentTypes.ts';
import { readFrontmatter } from './lib/frontmatter.ts';
import { entryId, KINDS, scaffold, type Existing, type Kind } from '../src/lib/scaffold.ts';

const USAGE = `Usage: npm run new -- <${KINDS.join('|')}> "<name>"
  e.g. npm run new -- scenario "Cache stampede"
       npm run new -- severity P4`;

/** Stop with a message an author can act on. */
function fail(message: string, code = 1): never {
	console.error(message);
	process.exit(code);
}

const [kind, name, ...extra] = process.argv.slice(2);
if (!kind || !KINDS.includes(kind as Kind)) fail(`${kind ? `"${kind}" is not something npm run new makes.\n` : ''}${USAGE}`, 2);
if (name === undefined || extra.length > 0) fail(`Give one name, in quotes if it has spaces.\n${USAGE}`, 2);

const title = name.trim();
const id = entryId(kind as Kind, title);
if (/[\r\n]/.test(name)) fail('The name must be on one line.');
if (title.length > 80) fail(`The name is ${title.length} characters long: keep it under 80, it becomes a heading and a URL.`);
if (kind === 'severity' && !/^[A-Za-z0-9-]+$/.test(title)) {
	fail(`"${title}" cannot be a severity id: use letters, digits and dashes, e.g. P4 or SEV5.`);
}
if (!id) fail(`"${title}" has no letters or digits to make a file name from.`);
if (id === 'index') fail('"index" is kept for section start pages: choose another name.');

/** Frontmatter of every MDX file in a folder, skipping files that cannot be read (the build reports those). */
function entries(dir: string): Record<string, unknown>[] {
	if (!existsSync(dir)) return [];
	return readdirSync(dir)
		.filter((file) => file.endsWith('.mdx') && !file.startsWith('_'))
		.flatMap((file) => {
			try {
				return [readFrontmatter(join(dir, file))];
			} catch {
				return [];
			}
		});
}
const numbers = (values: unknown[]) => values.filter((v): v is number => typeof v === 'number');
const order = (data: Record<string, unknown>) => (data['sidebar'] as { order?: unknown } | undefined)?.order;

const severities = entries('content/severities')
	.map((s) => ({ id: String(s['id']), rank: Number(s['rank']) }))
	.sort((a, b) => a.rank - b.rank);
const existing: Existing = {
	severities,
	scenarioOrders: numbers(entries('content/docs/scenarios').map(order)),
	phaseOrders: numbers(entries('content/docs/process').map(order)),
	messageOrders: numbers(
		entries('content/templates')
			.filter((t) => t['kind'] === 'message')
			.map((t) => t['order']),
	),
};
if (kind === 'severity') {
	const same = severities.find((s) => s.id.toLowerCase() === title.toLowerCase());
	if (same) fail(`There is already a severity ${same.id}: change it in content/severities/ rather than adding another.`);
}

const today = new Date().toISOString().slice(0, 10);
const entry = scaffold(kind as Kind, title, today, existing);
if (existsSync(entry.path)) fail(`${entry.path} already exists: open it to change it, or choose another name.`);

// Check the new entry against the same schema as the build, so it is never written broken.
const frontmatter = parse(entry.text.split('---\n')[1] ?? '') as unknown;
const result = CONTENT_TYPES[kind as Kind].schema.safeParse(frontmatter);
if (!result.success) fail(`"${title}" does not make a valid ${kind}:\n${describeIssues(entry.path, result.error.issues)}`);

try {
	writeFileSync(entry.path, entry.text, { flag: 'wx' });
} catch (error) {
	fail(`Could not write ${entry.path}: ${(error as Error).message}`);
}
console.log(`Created ${entry.path}

Next:
  1. Replace every TODO in it. The comments say what each field is for; all of them: ${entry.guide}
  2. See it at ${entry.url} with \`npm run start\`.
  3. \`npm run build\` checks every field and cross-reference before you commit.`);
