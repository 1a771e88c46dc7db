/**
 * Writes the editor JSON Schemas (schemas/*.schema.json) from the zod schemas in src/schemas.
 * `--check` writes nothing and fails when a committed file differs, so CI catches a schema
 * change that was not regenerated.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { editorSchemas, SCHEMA_DIR, schemaText } from './lib/editorSchemas.ts';

const check = process.argv.includes('--check');
const outdated: string[] = [];
if (!check) mkdirSync(SCHEMA_DIR, { recursive: true });
for (const [file, schema] of Object.entries(editorSchemas())) {
	const path = join(SCHEMA_DIR, file);
	const text = schemaText(schema);
	if (existsSync(path) && readFileSync(path, 'utf8') === text) continue;
	if (check) outdated.push(path);
	else {
		writeFileSync(path, text);
		console.log(`wrote ${path}`);
	}
}
if (outdated.length > 0) {
	console.error(`Out of date with src/schemas: ${outdated.join(', ')}\nRun \`npm run schemas\` and commit the result.`);
	process.exit(1);
}
if (check) console.log(`${SCHEMA_DIR}/ is up to date.`);
