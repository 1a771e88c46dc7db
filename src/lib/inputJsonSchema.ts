import { z } from 'astro/zod';

/** The subset of JSON Schema that zod writes for the playbook's schemas. */
export interface JsonSchema {
	$schema?: string;
	$comment?: string;
	title?: string;
	$ref?: string;
	$defs?: Record<string, JsonSchema>;
	description?: string;
	type?: 'string' | 'number' | 'integer' | 'boolean' | 'object' | 'array' | 'null';
	enum?: readonly (string | number | boolean | null)[];
	const?: unknown;
	default?: unknown;
	format?: string;
	pattern?: string;
	minLength?: number;
	minimum?: number;
	maximum?: number;
	minItems?: number;
	items?: JsonSchema;
	properties?: Record<string, JsonSchema>;
	required?: string[];
	additionalProperties?: boolean | JsonSchema;
	anyOf?: JsonSchema[];
	allOf?: JsonSchema[];
}

/**
 * JSON Schema of what an author writes (the input side of a zod schema: `15m` rather than the
 * minutes it becomes). Dates are written as YYYY-MM-DD in YAML, so they are described as such.
 * Value types with an `id` in their metadata (Duration, Step…) are described once, in `$defs`.
 */
export function inputJsonSchema(schema: z.ZodType): JsonSchema {
	return z.toJSONSchema(schema, {
		io: 'input',
		unrepresentable: 'any',
		override: (ctx) => {
			if (ctx.zodSchema._zod.def.type === 'date') {
				ctx.jsonSchema.type = 'string';
				ctx.jsonSchema.format = 'date';
			}
		},
	}) as JsonSchema;
}
