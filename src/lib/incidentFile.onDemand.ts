/** Exported incident files read where they are only counted (the metrics): loaded when someone adds one. */
import { parseImport, type ImportResult } from './incidentJson.ts';
import { MAX_IMPORT_BYTES } from './limits.ts';

/** Read and check an exported incident file; an oversized one is refused on its size alone, before it is read. */
export async function readIncidentFile(file: File): Promise<ImportResult> {
	return file.size > MAX_IMPORT_BYTES ? parseImport('', file.size) : parseImport(await file.text(), file.size);
}
