/**
 * What a measuring build adds to the site's Astro config (astro.config.mjs, PLAYBOOK_MEASURE=1):
 * the record of who wrote each built script, so the budgets and the benchmark can tell our bytes
 * from libraries' and the platform's. The chunks are a production build's (src/build/vendorChunks.ts).
 */
export { default as bundleOrigins } from './bundleOrigins.ts';
