import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { phaseChecklists, scenarioChecklists } from '../../src/data/toClient.ts';
import { loadSite } from '../../src/data/loadSite.ts';
import type { ChecklistSpec, ClientPlaybook } from '../../src/lib/clientPlaybook.ts';
import type { GeneratorTemplate } from '../../src/lib/composeMessage.ts';
import type { Phase, Scenario } from '../../src/lib/playbook.ts';
import { PhaseSchema } from '../../src/schemas/phase.ts';
import { ScenarioSchema } from '../../src/schemas/scenario.ts';
import { SeveritySchema } from '../../src/schemas/severity.ts';
import { TemplateSchema } from '../../src/schemas/template.ts';
import { readFrontmatter } from './frontmatter.ts';
import { P_FIXTURE } from './playbookFromFiles.ts';

/**
 * A playbook's content read without Astro (getCollection() is empty under Vitest): by default the
 * P0–P3 fixture (test/fixtures/p-playbook), whose exact wording and times tests may expect; pass
 * another content folder (the live content/) for checks that hold for any playbook.
 */

const entries = (content: string, dir: string) =>
	readdirSync(join(content, dir))
		.filter((f) => f.endsWith('.mdx'))
		.map((f) => ({ id: f.replace(/\.mdx$/, ''), data: readFrontmatter(join(content, dir, f)) }));
const pageKeys = ['owner', 'lastReviewed'];
const withoutPageKeys = (data: Record<string, unknown>) => Object.fromEntries(Object.entries(data).filter(([k]) => !pageKeys.includes(k)));

/** A template of content/templates by its id, as the generators get it. */
export function contentTemplate(id: string, content = P_FIXTURE): GeneratorTemplate {
	const entry = entries(content, 'templates').find((e) => e.id === id);
	if (!entry) throw new Error(`no template ${id}`);
	const { title, kind, text, fields, whenClosed } = TemplateSchema.parse(entry.data);
	return { id, title, kind, text, fields, whenClosed };
}

/** The ids of every template. */
export function contentTemplateIds(content = P_FIXTURE): string[] {
	return entries(content, 'templates').map((e) => e.id);
}

/** The levels and statuses as islands get them. */
export function contentPlaybook(content = P_FIXTURE): Pick<ClientPlaybook, 'severities' | 'statuses'> {
	const severities = entries(content, 'severities')
		.map((e) => SeveritySchema.parse(e.data))
		.sort((a, b) => a.rank - b.rank);
	return { severities, statuses: loadSite(join(content, 'site.yaml')).statuses };
}

/** Every checklist of the playbook, in the order the site lists them. */
export function contentChecklists(content = P_FIXTURE): ChecklistSpec[] {
	const file = (dir: string, id: string) => join(dir, `${id}.mdx`);
	const phases: Phase[] = entries(content, 'docs/process')
		.map((e) => ({ ...PhaseSchema.parse(withoutPageKeys(e.data)), id: e.id, file: file('content/docs/process', e.id) }))
		.sort((a, b) => a.sidebar.order - b.sidebar.order);
	const scenarios: Scenario[] = entries(content, 'docs/scenarios')
		.map((e) => ({ ...ScenarioSchema.parse(withoutPageKeys(e.data)), id: e.id, file: file('content/docs/scenarios', e.id) }))
		.sort((a, b) => (a.sidebar?.order ?? 99) - (b.sidebar?.order ?? 99));
	return [...phases.flatMap(phaseChecklists), ...scenarios.flatMap(scenarioChecklists)];
}

/** The fixture's levels and statuses as an island gets them, for islands that need no scenarios or ladder. */
export function levelsPlaybook(over: Partial<ClientPlaybook> = {}): ClientPlaybook {
	const { statuses, severities } = contentPlaybook();
	return { organisation: 'Castor', channelPrefix: 'incident-', statuses, severities, escalation: [], scenarios: [], ...over };
}
