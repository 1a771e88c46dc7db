import type { BundleOrigins } from './bundleOrigins.ts';
import { BUDGETS, ISLAND_RUNTIME, KB, STORE_LIBRARIES } from './budgets.ts';
import { summarize, weighPage, type PageSummary, type PageWeight } from './pageWeight.ts';
import { builtFiles, builtPages } from '../lib/sitePages.ts';

/** A budget a page went over, and by how much. */
export interface Violation {
	page: string;
	budget:
		| 'pageGzip'
		| 'firstPartyJsGzip'
		| 'islandlessFirstPartyJsGzip'
		| 'storelessFirstPartyJsGzip'
		| 'islandRuntime'
		| 'storeLibraries'
		| 'webFonts';
	message: string;
}

const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`;

/** The budgets one page breaks. */
export function pageViolations(weight: PageWeight, summary: PageSummary = summarize(weight)): Violation[] {
	const found: Violation[] = [];
	const { page } = weight;
	if (summary.total.gzip > BUDGETS.pageGzip) {
		found.push({
			page,
			budget: 'pageGzip',
			message: `${page} weighs ${kb(summary.total.gzip)} gzipped, over the ${kb(BUDGETS.pageGzip)} budget`,
		});
	}
	if (summary.jsFirstParty.gzip > BUDGETS.firstPartyJsGzip) {
		found.push({
			page,
			budget: 'firstPartyJsGzip',
			message: `${page} loads ${kb(summary.jsFirstParty.gzip)} of our own JavaScript gzipped, over the ${kb(BUDGETS.firstPartyJsGzip)} budget`,
		});
	}
	// What the page loads by itself (not on a user action): it may bring the validated store's libraries or not.
	const storeLibraries = [...weight.assets.filter((a) => a.timing !== 'on-demand'), ...weight.inlineScripts]
		.flatMap((a) => a.packages ?? [])
		.filter((p) => STORE_LIBRARIES.some((r) => r.test(p)));
	if (storeLibraries.length === 0 && summary.jsFirstParty.gzip > BUDGETS.storelessFirstPartyJsGzip) {
		found.push({
			page,
			budget: 'storelessFirstPartyJsGzip',
			message:
				`${page} reads the state without the store but loads ${kb(summary.jsFirstParty.gzip)} of our own JavaScript gzipped, ` +
				`over the ${kb(BUDGETS.storelessFirstPartyJsGzip)} budget`,
		});
	}
	if (weight.islands === 0) {
		const runtime = [...weight.assets, ...weight.inlineScripts]
			.flatMap((a) => a.packages ?? [])
			.filter((p) => ISLAND_RUNTIME.some((r) => r.test(p)));
		if (runtime.length > 0) {
			found.push({
				page,
				budget: 'islandRuntime',
				message: `${page} has no island but loads the island runtime (${[...new Set(runtime)].join(', ')})`,
			});
		}
		if (summary.jsFirstParty.gzip > BUDGETS.islandlessFirstPartyJsGzip) {
			found.push({
				page,
				budget: 'islandlessFirstPartyJsGzip',
				message:
					`${page} has no island but loads ${kb(summary.jsFirstParty.gzip)} of our own JavaScript gzipped, ` +
					`over the ${kb(BUDGETS.islandlessFirstPartyJsGzip)} budget`,
			});
		}
		// What loads only on a user action may bring the store; what the page loads by itself may not.
		if (storeLibraries.length > 0) {
			found.push({
				page,
				budget: 'storeLibraries',
				message: `${page} has no island but loads the validated store's libraries (${[...new Set(storeLibraries)].join(', ')}) by itself`,
			});
		}
	}
	if (weight.fonts.length > 0) {
		found.push({ page, budget: 'webFonts', message: `${page} loads web fonts: ${weight.fonts.join('; ')}` });
	}
	return found;
}

/** Every page of a built site weighed, and every budget broken (font files anywhere in the site included). */
export async function checkBudgets(dist: string, origins: BundleOrigins): Promise<{ pages: PageSummary[]; violations: Violation[] }> {
	const pages: PageSummary[] = [];
	const violations: Violation[] = [];
	for (const page of builtPages(dist)) {
		const weight = await weighPage(dist, page, origins);
		const summary = summarize(weight);
		pages.push(summary);
		violations.push(...pageViolations(weight, summary));
	}
	for (const file of builtFiles(dist).filter((f) => /\.(woff2?|ttf|otf|eot)$/i.test(f))) {
		violations.push({ page: `/${file}`, budget: 'webFonts', message: `the site ships a web font: /${file}` });
	}
	return { pages, violations };
}
