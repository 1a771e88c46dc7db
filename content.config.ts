/**
 * The playbook's content collections. This file sits at the project root because the site's
 * srcDir is the root (see astro.config.mjs): that lets Starlight read pages from content/docs.
 */
import { defineCollection, type SchemaContext } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
import { PageSchema } from './src/schemas/page.ts';
import { SeveritySchema } from './src/schemas/severity.ts';
import { PhaseSchema } from './src/schemas/phase.ts';
import { ScenarioSchema } from './src/schemas/scenario.ts';
import { TemplateSchema } from './src/schemas/template.ts';
import { EscalationStepSchema } from './src/schemas/escalation.ts';
import { DrillSchema } from './src/schemas/drill.ts';
import { withRenamedFiles } from './src/build/renamedFiles.ts';

const pageSchema = docsSchema({ extend: PageSchema });

/**
 * Phases and scenarios are pages too: their files are read once as Starlight pages and once with
 * their own strict schema. The strict schema lets every page field through (Starlight checks
 * those) and refuses any other unknown key, so a misspelt field fails the build.
 */
function asPage<T extends z.ZodObject>(schema: T): (context: SchemaContext) => T {
	return (context) => {
		const page = pageSchema(context) as unknown as z.ZodObject;
		const pageOnly = Object.keys(page.shape).filter((key) => !(key in schema.shape) && !(key in PageSchema.shape));
		// Typed as the strict schema: code reads only its fields, the page fields are Starlight's.
		// The playbook's own page fields keep their schema, so editors that read it check them too.
		return schema.extend(PageSchema.shape).extend(Object.fromEntries(pageOnly.map((key) => [key, z.unknown().optional()]))) as unknown as T;
	};
}

const mdx = '[^_]*.{md,mdx}';

export const collections = {
	docs: defineCollection({ loader: docsLoader(), schema: pageSchema }),
	severities: defineCollection({
		// Ids from the frontmatter: a file renamed keeps its id (withRenamedFiles).
		loader: withRenamedFiles(
			glob({
				base: './content/severities',
				pattern: mdx,
				generateId: ({ data, entry }) => (typeof data['id'] === 'string' ? data['id'] : entry),
			}),
		),
		schema: SeveritySchema,
	}),
	phases: defineCollection({
		loader: glob({ base: './content/docs/process', pattern: mdx }),
		schema: asPage(PhaseSchema),
	}),
	scenarios: defineCollection({
		loader: glob({ base: './content/docs/scenarios', pattern: mdx }),
		schema: asPage(ScenarioSchema),
	}),
	templates: defineCollection({
		loader: glob({ base: './content/templates', pattern: mdx }),
		schema: TemplateSchema,
	}),
	escalation: defineCollection({
		loader: file('./content/escalation.yaml'),
		schema: EscalationStepSchema,
	}),
	drills: defineCollection({
		loader: glob({ base: './content/drills', pattern: '[^_]*.{yaml,yml}' }),
		schema: DrillSchema,
	}),
};
