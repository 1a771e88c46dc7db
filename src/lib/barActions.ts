/**
 * What the incident bar offers next, from the incident, its deadlines and the page it is on: post
 * the status update when it is due, open the incident's runbook. The bar itself opens the workspace.
 */
import type { Deadline } from './clocks.ts';
import type { TemplateField } from '../schemas/template.ts';
import { sitePath, urls } from './urls.ts';

/** One action of the bar: a button (post the update) or a link. */
export type BarAction = { kind: 'update'; label: string } | { kind: 'link'; label: string; href: string };

/** The status update among the templates: the message that tells when the next update comes. */
export function updateTemplate<T extends { kind: string; fields: readonly Pick<TemplateField, 'from'>[] }>(
	templates: readonly T[],
): T | undefined {
	return templates.find((t) => t.kind === 'message' && t.fields.some((f) => f.from === 'nextUpdate'));
}

/** The actions to offer, most pressing first. `path` is the page's URL path (with the base). */
export function barActions(
	incident: { id: string; scenarios: readonly string[] },
	list: readonly Deadline[],
	path: string,
	canPostUpdate: boolean,
): BarAction[] {
	const here = sitePath(path);
	const actions: BarAction[] = [];
	const update = list.find((d) => d.kind === 'update');
	if (canPostUpdate && update && (update.state === 'due' || update.state === 'overdue'))
		actions.push({ kind: 'update', label: 'Post the update' });
	const [scenario] = incident.scenarios;
	if (scenario !== undefined && here !== sitePath(urls.scenario(scenario))) {
		actions.push({ kind: 'link', label: 'Runbook', href: urls.scenario(scenario) });
	}
	return actions;
}
