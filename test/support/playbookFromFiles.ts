import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parse } from 'yaml';
import { sortBy, type Playbook } from '../../src/lib/playbook.ts';
import { EscalationStepSchema } from '../../src/schemas/escalation.ts';
import { PhaseSchema } from '../../src/schemas/phase.ts';
import { ScenarioSchema } from '../../src/schemas/scenario.ts';
import { SeveritySchema } from '../../src/schemas/severity.ts';
import { SiteSchema } from '../../src/schemas/site.ts';
import { TemplateSchema } from '../../src/schemas/template.ts';
import { ROOT } from './buildSite.ts';
import { readFrontmatter } from './frontmatter.ts';

/** The live content, which the checks of any good playbook run on. */
export const CONTENT = join(ROOT, 'content');
/** A small playbook like the live one's: four levels P0–P3, a few scenarios and templates. */
export const P_FIXTURE = join(ROOT, 'test/fixtures/p-playbook/content');
/** Another organisation's playbook: five levels SEV-1…SEV-5, several scenarios, a base path. */
export const SEV_FIXTURE = join(ROOT, 'test/fixtures/sev-playbook/content');

const entries = (content: string, dir: string) =>
	readdirSync(join(content, dir))
		.filter((f) => f.endsWith('.mdx'))
		.map((f) => ({ id: basename(f, '.mdx'), file: `content/${dir}/${f}`, data: readFrontmatter(join(content, dir, f)) }));
const pageOnly = ({ owner: _owner, lastReviewed: _reviewed, ...data }: Record<string, unknown>) => data;

/**
 * A playbook read straight from a content folder (the live content/ unless told) with the
 * schemas, in the order the site uses (getCollection() is empty under Vitest, so this stands in
 * for getPlaybook()).
 */
export function playbookFromFiles(content = CONTENT): Playbook {
	return {
		severities: sortBy(
			entries(content, 'severities').map((e) => ({ ...SeveritySchema.parse(e.data), file: e.file })),
			(s) => s.rank,
			(s) => s.id,
		),
		phases: sortBy(
			entries(content, 'docs/process').map((e) => ({ ...PhaseSchema.parse(pageOnly(e.data)), id: e.id, file: e.file })),
			(p) => p.sidebar.order,
			(p) => p.id,
		),
		scenarios: sortBy(
			entries(content, 'docs/scenarios').map((e) => ({ ...ScenarioSchema.parse(pageOnly(e.data)), id: e.id, file: e.file })),
			(s) => s.sidebar?.order ?? Infinity,
			(s) => s.title,
		),
		templates: sortBy(
			entries(content, 'templates').map((e) => ({ ...TemplateSchema.parse(e.data), id: e.id, file: e.file })),
			(t) => t.order,
			(t) => t.id,
		),
		escalation: sortBy(
			(parse(readFileSync(join(content, 'escalation.yaml'), 'utf8')) as unknown[]).map((r) => EscalationStepSchema.parse(r)),
			(r) => r.level,
			(r) => r.id,
		),
		site: SiteSchema.parse(parse(readFileSync(join(content, 'site.yaml'), 'utf8'))),
	};
}
