import type { JsonSchema } from './inputJsonSchema.ts';

/** One field of a content type as the authoring guide lists it. */
export interface FieldRow {
	/** Where the field sits, as written in the file: `groups[].steps`, `window.to`. */
	path: string;
	/** What to write, in words: "text", "list of Step", "group" (its fields follow), "one of: a, b". */
	type: string;
	/** The value type (a `$defs` name, e.g. "Step") the type names, documented in its own table. */
	ref?: string;
	/** The entry is refused without it. */
	required: boolean;
	/** The value used when the field is left out, as YAML would show it. */
	default?: string;
	/** Limits on the value: "at least 1", "matches ^[a-z0-9-]+$". */
	rules: string[];
	/** What the field means to an author. */
	description: string;
}

/** A value type shared by several fields (Duration, Step…), with its own fields if it has any. */
export interface ValueType {
	name: string;
	description: string;
	/** How the plain form is written, when it has one: "text matching ^\d+(m|h|d)$". */
	written: string[];
	rows: FieldRow[];
}

// zod writes these bounds for every integer; they are not a limit an author needs to read.
const SAFE_INTEGER = Number.MAX_SAFE_INTEGER;

const refName = (ref: string) => ref.replace(/^#\/\$defs\//, '');

/** The element type of a list, however deeply nested, and the `[]` it takes to reach it. */
function unwrapList(node: JsonSchema): { inner: JsonSchema; suffix: string } {
	let inner = node;
	let suffix = '';
	while (inner.type === 'array' && inner.items) {
		inner = inner.items;
		suffix += '[]';
	}
	return { inner, suffix };
}

/** The type of a value in words, and the value type it names, if any. */
export function typeOf(node: JsonSchema): { type: string; ref?: string } {
	if (node.$ref) return { type: refName(node.$ref), ref: refName(node.$ref) };
	if (node.enum) return { type: `one of: ${node.enum.map(String).join(', ')}` };
	if (node.const !== undefined) return { type: `exactly ${JSON.stringify(node.const)}` };
	if (node.anyOf) {
		const variants = node.anyOf.map(typeOf);
		const ref = variants.find((v) => v.ref)?.ref;
		return { type: variants.map((v) => v.type).join(' or '), ...(ref ? { ref } : {}) };
	}
	switch (node.type) {
		case 'array': {
			const item = node.items ? typeOf(node.items) : { type: 'anything' };
			return { ...item, type: `list of ${item.type}` };
		}
		case 'object':
			if (typeof node.additionalProperties === 'object' && node.additionalProperties.type && !node.properties) {
				return { type: `map of names to ${typeOf(node.additionalProperties).type}` };
			}
			return { type: 'group' };
		case 'string':
			if (node.format === 'date') return { type: 'date (YYYY-MM-DD)' };
			if (node.format === 'uri') return { type: 'URL' };
			return { type: 'text' };
		case 'integer':
			return { type: 'whole number' };
		case 'number':
			return { type: 'number' };
		case 'boolean':
			return { type: 'true or false' };
		default:
			return { type: 'anything' };
	}
}

/** Limits an author must respect, in words. */
export function rulesOf(node: JsonSchema): string[] {
	const rules: string[] = [];
	const target = unwrapList(node).inner;
	if (node.minItems !== undefined && node.minItems > 0) rules.push(`at least ${node.minItems}`);
	if (target.pattern) rules.push(`matches ${target.pattern}`);
	if (target.minimum !== undefined && target.minimum > -SAFE_INTEGER) rules.push(`at least ${target.minimum}`);
	if (target.maximum !== undefined && target.maximum < SAFE_INTEGER) rules.push(`at most ${target.maximum}`);
	return rules;
}

/**
 * The fields of an object schema, nested fields included (`window.to`, `groups[].title`), in the
 * order the schema declares them. Fields of a named value type are listed under that type.
 */
export function fieldRows(node: JsonSchema, prefix = ''): FieldRow[] {
	const required = new Set(node.required ?? []);
	return Object.entries(node.properties ?? {}).flatMap(([key, child]) => {
		const path = prefix + key;
		const row: FieldRow = {
			path,
			...typeOf(child),
			required: required.has(key),
			...(child.default === undefined ? {} : { default: JSON.stringify(child.default) }),
			rules: rulesOf(child),
			description: child.description ?? '',
		};
		const { inner, suffix } = unwrapList(child);
		const object = inner.properties ? inner : inner.anyOf?.find((variant) => variant.properties);
		return object && !inner.$ref ? [row, ...fieldRows(object, `${path}${suffix}.`)] : [row];
	});
}

/** The value types the schemas share (their `$defs`), each once, by name. */
export function valueTypes(schemas: JsonSchema[]): ValueType[] {
	const found = new Map<string, JsonSchema>();
	for (const schema of schemas) {
		for (const [name, node] of Object.entries(schema.$defs ?? {})) if (!found.has(name)) found.set(name, node);
	}
	return [...found]
		.sort(([a], [b]) => a.localeCompare(b))
		.map(([name, node]) => {
			const object = node.properties ? node : node.anyOf?.find((variant) => variant.properties);
			const plain = node.properties ? [] : (node.anyOf ?? [node]).filter((variant) => !variant.properties);
			return {
				name,
				description: node.description ?? '',
				written: plain.map((variant) => [typeOf(variant).type, ...rulesOf(variant)].join(', ')),
				rows: object ? fieldRows(object) : [],
			};
		});
}
