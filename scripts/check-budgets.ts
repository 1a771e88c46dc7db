/**
 * Check the size budgets (scripts/measure/budgets.ts) on a site built for measuring:
 * `PLAYBOOK_MEASURE=1 npx astro build`
 * first, then `npm run check:budgets [dist]`. `npm test` runs the same check.
 */
import { resolve } from 'node:path';
import { readBundleOrigins } from './measure/bundleOrigins.ts';
import { ROOT } from './lib/buildSite.ts';
import { checkBudgets } from './measure/checkBudgets.ts';
import { KB } from './measure/budgets.ts';

const dist = resolve(process.argv[2] ?? `${ROOT}/dist`);
const { pages, violations } = await checkBudgets(dist, readBundleOrigins(resolve(dist, '..'), dist));
const kb = (bytes: number) => (bytes / KB).toFixed(1);
console.table(
	pages.map((p) => ({
		page: p.page,
		'total KB gz': kb(p.total.gzip),
		'our JS KB gz': kb(p.jsFirstParty.gzip),
		'library JS KB gz': kb(p.jsLibrary.gzip),
		'on demand JS KB gz': kb(p.jsOnDemand.gzip),
		islands: p.islands,
	})),
);
for (const v of violations) console.error(`over budget: ${v.message}`);
console.log(violations.length === 0 ? `All ${pages.length} pages are within budget.` : `${violations.length} budget(s) broken.`);
process.exit(violations.length === 0 ? 0 : 1);
