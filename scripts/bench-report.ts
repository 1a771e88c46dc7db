/**
 * Print the tables of the last benchmark run again from .bench/results.json, without measuring:
 * `npm run bench:report` (add `-- --readme` to put them into the README).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './lib/buildSite.ts';
import { writeReadmeReport } from './measure/bench/readme.ts';
import { formatReport, type BenchResults } from './measure/bench/report.ts';

const file = join(ROOT, '.bench/results.json');
let results: BenchResults;
try {
	results = JSON.parse(readFileSync(file, 'utf8')) as BenchResults;
} catch {
	console.error(`${file} is missing or unreadable: run \`npm run bench\` first.`);
	process.exit(1);
}
const report = formatReport(results);
console.log(report);
if (process.argv.includes('--readme')) writeReadmeReport(join(ROOT, 'README.md'), report);
