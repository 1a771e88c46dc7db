import type { Page } from 'playwright-core';

/** Search from the page that is open, through the site's search dialog; the result paths, best first. */
export async function searchHere(page: Page, query: string): Promise<string[]> {
	await page.getByRole('button', { name: 'Search' }).click();
	await page.locator('dialog[open] input[type="search"]').fill(query);
	// "N results for “query”" appears once the whole query has been searched and the results are in.
	await page.waitForFunction(
		(q) =>
			document.querySelector('.search-status')?.textContent?.includes(`“${q}”`) &&
			document.querySelectorAll('.search-result-link').length > 0,
		query,
	);
	const hrefs = await page
		.locator('.search-result-link')
		.evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
	return [...new Set(hrefs)];
}
