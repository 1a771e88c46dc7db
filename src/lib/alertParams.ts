/**
 * Query parameters an alert's `runbook_url` can carry to a runbook page, e.g.
 * `?alert=HighErrorRate&severity=P1&service=api`. Only known parameters with well-formed values
 * are taken; everything else is ignored, and nothing here is ever treated as HTML.
 */
import { cutText, MAX_IMPACT_LENGTH, MAX_TITLE_LENGTH } from './limits.ts';

/** What an alert link may prefill in the declare form. */
export interface AlertPrefill {
	alert?: string;
	severity?: string;
	services: string[];
	summary?: string;
}

/**
 * An alert's or a service's name as monitoring tools write them (`HighErrorRate`, Grafana's `High CPU (db-1)`,
 * Datadog's `[Prod] Disk / full`): up to 100 characters, none a control or invisible formatting character, nor
 * `<` or `>` (markup, and Slack's `<!here>`), `@` (a mention), a quote, a backtick or a backslash. What is taken
 * is only ever shown as text, and escaped in messages (renderMessage.ts).
 */
const NAME = /^[^\p{C}<>@"`\\]{1,100}$/u;

/** Read the alert parameters of a URL; `severities` are the ids the playbook knows. */
export function alertPrefill(params: URLSearchParams, severities: readonly string[]): AlertPrefill | undefined {
	const alert = params.get('alert')?.trim();
	const severity = params.get('severity')?.trim().toUpperCase();
	const level = severities.find((s) => s.toUpperCase() === severity);
	const services = params
		.getAll('service')
		.flatMap((s) => s.split(','))
		.map((s) => s.trim())
		.filter((s) => NAME.test(s))
		.slice(0, 20);
	// As long as the declare form's Impact holds, ending in … where it was cut: never stopped mid-sentence unseen.
	const said = params.get('summary')?.replace(/\s+/g, ' ').trim();
	const summary = said && cutText(said, MAX_IMPACT_LENGTH);
	const prefill: AlertPrefill = {
		...(alert && NAME.test(alert) ? { alert } : {}),
		...(level ? { severity: level } : {}),
		services,
		...(summary ? { summary } : {}),
	};
	return prefill.alert || prefill.severity || services.length > 0 ? prefill : undefined;
}

/**
 * The query an alert's link carries, as alertPrefill reads it back: the alert's name, its services and its summary,
 * each only when known. For a page that passes what it knows of an alert on (the declare form to the classifier).
 */
export function alertQuery(alert: {
	alert?: string | undefined;
	services: readonly string[];
	summary?: string | undefined;
}): [string, string][] {
	const pairs: [string, string | undefined][] = [
		['alert', alert.alert],
		['service', alert.services.join(',')],
		['summary', alert.summary],
	];
	return pairs.filter((pair): pair is [string, string] => !!pair[1]);
}

/** What the declare form starts with from an alert: its level, services and summary; its name and services as the title. */
export function alertDeclaration(alert: AlertPrefill, scenarios: string[]) {
	return {
		severity: alert.severity,
		scenarios,
		services: alert.services,
		alert: alert.alert,
		impact: alert.summary,
		title: alert.alert
			? cutText(`${alert.alert}${alert.services.length > 0 ? ` on ${alert.services.join(', ')}` : ''}`, MAX_TITLE_LENGTH)
			: undefined,
	};
}

/**
 * Whether `incident` was declared from the alert named `name`: names compare in any case, as the alerts'
 * pages take them (a stored value of another type is no name).
 */
export const declaredFrom = (incident: { alert?: unknown }, name: string | undefined): boolean =>
	!!name && (incident.alert as string | undefined)?.toLowerCase?.() === name.toLowerCase();
