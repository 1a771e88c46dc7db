import { docsSchema } from '@astrojs/starlight/schema';
import { z } from 'astro/zod';
import { CONTENT_TYPES, type ContentType } from '../../src/schemas/contentTypes.ts';
import { inputJsonSchema, type JsonSchema } from '../../src/lib/inputJsonSchema.ts';

/** Folder of the generated editor schemas, from the project root. */
export const SCHEMA_DIR = 'schemas';

// Starlight's page fields (tableOfContents, hero, …), so editors accept every valid page.
// Its image() helper only exists inside Astro; a path is what an author writes there anyway.
const starlightShape = (docsSchema()({ image: () => z.string() } as never) as unknown as z.ZodObject).shape;

/** The schema of one content file as an editor sees it: the page fields added, a list wrapped. */
function fileSchema(type: ContentType): z.ZodType {
	if (type.list) return z.array(type.schema);
	if (!type.page) return type.schema;
	const extra = Object.fromEntries(Object.entries(starlightShape).filter(([key]) => !(key in type.schema.shape)));
	return type.schema.extend(extra);
}

/**
 * JSON Schema of every content file, keyed by file name (`scenario.schema.json`), for editor
 * completion and validation. Generated from the zod schemas that check the build.
 */
export function editorSchemas(): Record<string, JsonSchema> {
	return Object.fromEntries(
		Object.entries(CONTENT_TYPES).map(([key, type]) => {
			const { $schema, ...rest } = inputJsonSchema(fileSchema(type));
			const schema: JsonSchema = {
				...($schema ? { $schema } : {}),
				$comment: `Generated from src/schemas by \`npm run schemas\`: do not edit. Checks ${type.files}.`,
				title: type.label,
				...rest,
			};
			return [`${key}.schema.json`, schema];
		}),
	);
}

/** A schema file's text: tab-indented JSON with a final newline. */
export function schemaText(schema: JsonSchema): string {
	return `${JSON.stringify(schema, null, '\t')}\n`;
}
