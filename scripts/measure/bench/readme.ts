import { readFileSync, writeFileSync } from 'node:fs';

const MARKED = /(<!-- bench:start -->\n)[\s\S]*?(<!-- bench:end -->)/;

/** Put the benchmark's tables between the markers of the README's Performance section. */
export function writeReadmeReport(readme: string, report: string): void {
	const text = readFileSync(readme, 'utf8');
	if (!MARKED.test(text)) throw new Error(`${readme} has no <!-- bench:start --> … <!-- bench:end --> markers`);
	writeFileSync(
		readme,
		text.replace(MARKED, (_, start: string, end: string) => `${start}${report}\n${end}`),
	);
}
