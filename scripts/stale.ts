/**
 * Lists the pages not reviewed for more than `staleAfterDays` (content/site.yaml) with their
 * owner, last review and age, and exits 1 when there are any so CI can flag them.
 * `--report-only` lists them and exits 0. A page without a valid owner or lastReviewed is an
 * error either way, as it is for the build. Text that names a level the playbook does not have
 * is listed too, by file and line (a warning: it does not change the exit code).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadSite, SITE_FILE } from '../src/data/loadSite.ts';
import { daysSinceReview, isStale } from '../src/lib/staleness.ts';
import { describeIssues } from '../src/lib/zodIssues.ts';
import { PageSchema } from '../src/schemas/page.ts';
import { readFrontmatter } from './lib/frontmatter.ts';
import { levelMentionWarnings } from '../src/data/levelMentionWarnings.ts';

const DOCS = 'content/docs';
const args = process.argv.slice(2);
const unknown = args.filter((arg) => arg !== '--report-only');
if (unknown.length > 0) {
	console.error(`Unknown option ${unknown.join(' ')}.\nUsage: npm run stale [-- --report-only]`);
	process.exit(2);
}

// The pages Starlight builds: Markdown and MDX under content/docs, except files starting with _.
const files = readdirSync(DOCS, { recursive: true, encoding: 'utf8' })
	.filter((file) => /\.mdx?$/.test(file) && !file.split(/[\\/]/).some((part) => part.startsWith('_')))
	.map((file) => join(DOCS, file).split('\\').join('/'))
	.sort();

let staleAfterDays: number;
try {
	staleAfterDays = loadSite(SITE_FILE).staleAfterDays;
} catch (error) {
	console.error((error as Error).message);
	process.exit(1);
}

const now = new Date();
const errors: string[] = [];
const stale: { file: string; owner: string; reviewed: string; days: number }[] = [];
for (const file of files) {
	let result;
	try {
		result = PageSchema.safeParse(readFrontmatter(file));
	} catch (error) {
		errors.push((error as Error).message);
		continue;
	}
	if (!result.success) {
		errors.push(describeIssues(file, result.error.issues));
		continue;
	}
	const { owner, lastReviewed } = result.data;
	if (isStale(lastReviewed, now, staleAfterDays)) {
		stale.push({ file, owner, reviewed: lastReviewed.toISOString().slice(0, 10), days: daysSinceReview(lastReviewed, now) });
	}
}

if (errors.length > 0) {
	console.error(`Pages whose review fields cannot be read:\n${errors.join('\n')}\n`);
}
// Text left behind when the levels changed is as out of date as an old review date.
const levelMentions = levelMentionWarnings('content');
if (levelMentions.length > 0) {
	console.warn(`Text that names levels this playbook does not have:\n${levelMentions.map((w) => `  ${w}`).join('\n')}\n`);
}
if (stale.length === 0) {
	console.log(`All ${files.length} pages were reviewed in the last ${staleAfterDays} days.`);
} else {
	stale.sort((a, b) => b.days - a.days || a.file.localeCompare(b.file));
	const rows = [['page', 'owner', 'last reviewed', 'age'], ...stale.map((s) => [s.file, s.owner, s.reviewed, `${s.days} days`])];
	const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
	console.log(
		`${stale.length} of ${files.length} pages were last reviewed more than ${staleAfterDays} days ago (staleAfterDays in ${SITE_FILE}):\n`,
	);
	for (const row of rows)
		console.log(
			`  ${row
				.map((cell, column) => cell.padEnd(widths[column]!))
				.join('  ')
				.trimEnd()}`,
		);
	console.log('\nCheck each page against how things work today, then set its lastReviewed to the date of the check.');
}
process.exit(errors.length > 0 || (stale.length > 0 && !args.includes('--report-only')) ? 1 : 0);
