/**
 * What a measuring build adds to the site's Astro config (astro.config.mjs, PLAYBOOK_MEASURE=1):
 * the record of who wrote each built script, and a chunk of its own for every library, so the
 * budgets and the benchmark can tell our bytes from libraries' and the platform's.
 */
export { default as bundleOrigins } from './bundleOrigins.ts';
import { vendorChunks } from './vendorChunks.ts';

/** Vite options of a measuring build: libraries in chunks of their own in the browser build. */
export const viteOptions = {
	environments: { client: { build: { rolldownOptions: { output: { codeSplitting: vendorChunks } } } } },
};
