import { getCollection } from 'astro:content';
import { checkReferences } from '../lib/checkReferences.ts';
import { sortBy, type Playbook } from '../lib/playbook.ts';
import { loadSite } from './loadSite.ts';

let cached: Promise<Playbook> | undefined;

/**
 * The whole playbook, read from the content collections, sorted, and checked for dangling
 * cross-references. Every page calls this, so a bad reference fails the build.
 */
export function getPlaybook(): Promise<Playbook> {
	cached ??= load();
	return cached;
}

async function load(): Promise<Playbook> {
	const [severities, phases, scenarios, templates, escalation, drills] = await Promise.all([
		getCollection('severities'),
		getCollection('phases'),
		getCollection('scenarios'),
		getCollection('templates'),
		getCollection('escalation'),
		getCollection('drills'),
	]);
	const file = (entry: { filePath?: string | undefined; id: string }) => entry.filePath ?? entry.id;
	const playbook: Playbook = {
		severities: sortBy(
			severities.map((e) => ({ ...e.data, file: file(e) })),
			(s) => s.rank,
			(s) => s.id,
		),
		phases: sortBy(
			phases.map((e) => ({ ...e.data, id: e.id, file: file(e) })),
			(p) => p.sidebar.order,
			(p) => p.id,
		),
		scenarios: sortBy(
			scenarios.map((e) => ({ ...e.data, id: e.id, file: file(e) })),
			(s) => s.sidebar?.order ?? Number.MAX_SAFE_INTEGER,
			(s) => s.title,
		),
		templates: sortBy(
			templates.map((e) => ({ ...e.data, id: e.id, file: file(e) })),
			(t) => t.order,
			(t) => t.id,
		),
		escalation: sortBy(
			escalation.map((e) => e.data),
			(s) => s.level,
			(s) => s.id,
		),
		drills: sortBy(
			drills.map((e) => ({ ...e.data, id: e.id, file: file(e) })),
			() => 0,
			(d) => d.title,
		),
		site: loadSite(),
	};
	const problems = checkReferences(playbook);
	if (problems.length > 0) stopOnBrokenReferences(problems);
	return playbook;
}

/**
 * Stop on broken cross-references, saying each once. In a build the page being rendered and the
 * stack trace into the bundled code say nothing to an author, so the problems are the last lines
 * of the output and the build exits; in dev they go to the error overlay.
 */
function stopOnBrokenReferences(problems: string[]): never {
	const what = problems.length === 1 ? 'a broken cross-reference' : `${problems.length} broken cross-references`;
	const message = `The playbook has ${what}:\n${problems.map((p) => `  ${p}`).join('\n')}`;
	if (import.meta.env.DEV) throw new Error(message);
	console.error(`\n${message}\n\nFix ${problems.length === 1 ? 'it' : 'them'} in content/ and build again.`);
	process.exit(1);
}
