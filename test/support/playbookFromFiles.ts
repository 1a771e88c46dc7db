import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parse } from 'yaml';
import { sortBy, type Playbook } from '../../src/lib/playbook';
import { EscalationStepSchema } from '../../src/schemas/escalation';
import { PhaseSchema } from '../../src/schemas/phase';
import { ScenarioSchema } from '../../src/schemas/scenario';
import { SeveritySchema } from '../../src/schemas/severity';
import { SiteSchema } from '../../src/schemas/site';
import { TemplateSchema } from '../../src/schemas/template';
import { ROOT } from './buildSite';
import { readFrontmatter } from './frontmatter';

const entries = (dir: string) =>
	readdirSync(join(ROOT, 'content', dir))
		.filter((f) => f.endsWith('.mdx'))
		.map((f) => ({ id: basename(f, '.mdx'), file: `content/${dir}/${f}`, data: readFrontmatter(join(ROOT, 'content', dir, f)) }));
const pageOnly = ({ owner: _owner, lastReviewed: _reviewed, ...data }: Record<string, unknown>) => data;

/**
 * The real playbook read straight from content/ with the schemas, in the order the site uses
 * (getCollection() is empty under Vitest, so this stands in for getPlaybook()).
 */
export function playbookFromFiles(): Playbook {
	return {
		severities: sortBy(entries('severities').map((e) => ({ ...SeveritySchema.parse(e.data), file: e.file })), (s) => s.rank, (s) => s.id),
		phases: sortBy(entries('docs/process').map((e) => ({ ...PhaseSchema.parse(pageOnly(e.data)), id: e.id, file: e.file })), (p) => p.sidebar.order, (p) => p.id),
		scenarios: sortBy(entries('docs/scenarios').map((e) => ({ ...ScenarioSchema.parse(pageOnly(e.data)), id: e.id, file: e.file })), (s) => s.sidebar?.order ?? Infinity, (s) => s.title),
		templates: sortBy(entries('templates').map((e) => ({ ...TemplateSchema.parse(e.data), id: e.id, file: e.file })), (t) => t.order, (t) => t.id),
		escalation: sortBy((parse(readFileSync(join(ROOT, 'content/escalation.yaml'), 'utf8')) as unknown[]).map((r) => EscalationStepSchema.parse(r)), (r) => r.level, (r) => r.id),
		site: SiteSchema.parse(parse(readFileSync(join(ROOT, 'content/site.yaml'), 'utf8'))),
	};
}
