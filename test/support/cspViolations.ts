import type { BrowserContext, Page } from 'playwright-core';

/** A Content Security Policy violation as the page reported it. */
export interface Violation {
	directive: string;
	blocked: string;
	source: string;
}

declare global {
	interface Window {
		/** Violations recorded by {@link recordViolations}. */
		cspViolations?: Violation[];
	}
}

/** Record every `securitypolicyviolation` event in every page of the context, from the first byte. */
export async function recordViolations(context: BrowserContext): Promise<void> {
	await context.addInitScript(() => {
		window.cspViolations = [];
		document.addEventListener('securitypolicyviolation', (event) => {
			window.cspViolations?.push({
				directive: event.effectiveDirective,
				blocked: event.blockedURI,
				source: `${event.sourceFile}:${event.lineNumber}`,
			});
		});
	});
}

/** The violations a page has recorded so far. */
export function violations(page: Page): Promise<Violation[]> {
	return page.evaluate(() => window.cspViolations ?? []);
}
