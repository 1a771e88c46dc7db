import type { z } from 'astro/zod';
import { DrillSchema } from './drill.ts';
import { EscalationStepSchema } from './escalation.ts';
import { PageSchema } from './page.ts';
import { PhaseSchema } from './phase.ts';
import { ScenarioSchema } from './scenario.ts';
import { SeveritySchema } from './severity.ts';
import { SiteSchema } from './site.ts';
import { TemplateSchema } from './template.ts';

/** One kind of file an author edits, with the schema that checks it. */
export interface ContentType {
	/** What authors call it. */
	label: string;
	/** Where its files are, from the project root. */
	files: string;
	/** The fields of one entry (for a page: its own fields and the page fields). */
	schema: z.ZodObject;
	/** The file is a list of entries rather than one entry (the escalation path). */
	list?: true;
	/** A Starlight page, which also takes Starlight's own frontmatter fields. */
	page?: true;
}

/**
 * Every kind of content file, keyed by the name used in the authoring guide, the editor JSON
 * Schemas (`schemas/<key>.schema.json`) and `npm run new`.
 */
export const CONTENT_TYPES = {
	severity: { label: 'Severity level', files: 'content/severities/*.mdx', schema: SeveritySchema },
	phase: { label: 'Phase', files: 'content/docs/process/*.mdx', schema: PhaseSchema.extend(PageSchema.shape), page: true },
	scenario: { label: 'Scenario', files: 'content/docs/scenarios/*.mdx', schema: ScenarioSchema.extend(PageSchema.shape), page: true },
	template: { label: 'Template', files: 'content/templates/*.mdx', schema: TemplateSchema },
	page: { label: 'Any other page', files: 'content/docs/**/*.mdx', schema: PageSchema, page: true },
	escalation: { label: 'Escalation path', files: 'content/escalation.yaml', schema: EscalationStepSchema, list: true },
	site: { label: 'Site settings', files: 'content/site.yaml', schema: SiteSchema },
	drill: { label: 'Drill', files: 'content/drills/*.yaml', schema: DrillSchema },
} as const satisfies Record<string, ContentType>;

/** The name of a content type. */
export type ContentTypeKey = keyof typeof CONTENT_TYPES;
