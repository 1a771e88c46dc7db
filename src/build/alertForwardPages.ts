import { escapeHtml } from '../lib/playbookDocument.ts';
import type { AlertRoute } from '../lib/alertLinks.ts';
import { asBase, ROUTES, sitePath } from '../lib/urls.ts';

/**
 * The pages at `/alerts/<alert name>/` that send a responder on to the runbook listing the alert
 * (src/routes/alertRedirect.astro) differ only in the alert and the scenario. Astro renders one,
 * with these stand-ins, and every post-build step (module preloads, the policy) works on that one;
 * the build then writes a copy for each alert (src/integrations/alertPages.ts). With 1,000
 * scenarios Astro took 0.9 s to render 1,005 such pages, and the post-build steps as long again.
 */
export const FORWARD_TEMPLATE = {
	/** The folder Astro renders the template at, removed once the pages are written. */
	key: 'forward-page-template',
	alert: 'AlertNameSlot0',
	scenario: 'scenario-id-slot',
} as const satisfies AlertRoute & { key: string };

/**
 * The folder under `/alerts/` an alert's page is written at (its key, alertKey()), or undefined for
 * a key a static host cannot serve as one folder: a slash, a dot folder, `?`, `#`, `%` or a control
 * character. Such an alert's URL reaches the 404 page, whose landing sends it on the same way.
 */
export function forwardPageFolder(key: string): string | undefined {
	if (key === '' || key === '.' || key === '..' || /[/\\?#%\p{Cc}]/u.test(key)) return undefined;
	return key.normalize();
}

/** The alert's value in a URL's query, as `urls.scenario(id, { alert })` writes it. */
const inQuery = (alert: string) => new URLSearchParams({ alert }).toString().slice('alert='.length);

/** The page for one alert, from the template page as rendered and processed: the stand-ins replaced in each place they appear. */
export function forwardPage(template: string, route: AlertRoute): string {
	// Replaced by functions, so a `$` in a name is written as it is.
	return template
		.replaceAll(`alert=${FORWARD_TEMPLATE.alert}`, () => `alert=${escapeHtml(inQuery(route.alert))}`)
		.replaceAll(FORWARD_TEMPLATE.alert, () => escapeHtml(route.alert))
		.replaceAll(FORWARD_TEMPLATE.scenario, () => escapeHtml(route.scenario));
}

/** The stand-ins a template must carry, checked before any page is written from it. */
export function checkTemplate(template: string): void {
	for (const part of [`alert=${FORWARD_TEMPLATE.alert}`, `data-alert="${FORWARD_TEMPLATE.alert}"`, FORWARD_TEMPLATE.scenario])
		if (!template.includes(part)) throw new Error(`The alert forward page's template lacks "${part}"`);
	if (template.includes(FORWARD_TEMPLATE.key)) throw new Error(`The alert forward page's template names its own folder`);
}

/**
 * Whether a page of a site published under `base` belongs in its sitemap: not an alert's forward page,
 * which asks not to be indexed, nor their template.
 */
export const inSitemap =
	(base: string) =>
	(page: string): boolean => {
		const path = sitePath(new URL(page).pathname, asBase(base));
		return !(path?.startsWith(ROUTES.alerts) && path !== ROUTES.alerts);
	};
