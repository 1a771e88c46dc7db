/**
 * Checklists and whole incidents as GitHub-flavoured Markdown: task lists
 * ("- [x] Check database connectivity — 14:02 UTC, alice") that render as checkboxes when pasted
 * into an issue, a ticket or a post-mortem.
 */
import type { ChecklistSpec, ClientPlaybook } from './clientPlaybook.ts';
import { itemKey, severityById } from './clientPlaybook.ts';
import { formatUtcTime } from './clocks.ts';
import { formatUtcDateTime } from './timeText.ts';
import { escapeText } from './renderMessage.ts';
import { removedTicks } from './checklistProgress.ts';
import { incidentChecklists } from './incidentChecklists.ts';
import type { Incident } from './state.ts';
import type { ShownTick, ShownTicks } from './storageRead.ts';

const md = (text: string) => escapeText(text, 'markdown');

function tickLine(text: string, tick: ShownTick | undefined, removed: boolean): string[] {
	const done = tick?.done ?? false;
	const shown = removed ? `~~${text}~~ (removed from the playbook)` : text;
	const meta = done && tick ? ` — ${formatUtcTime(tick.at)}${tick.by ? `, ${md(tick.by)}` : ''}` : '';
	const lines = [`- [${done ? 'x' : ' '}] ${shown}${meta}`];
	if (tick?.note) lines.push(`  - Note: ${md(tick.note)}`);
	return lines;
}

/** One checklist as a Markdown task list under a heading. */
export function checklistMarkdown(spec: ChecklistSpec, ticks: ShownTicks, headingLevel = 3): string {
	const lines = [`${'#'.repeat(headingLevel)} ${md(spec.label)}`, ''];
	for (const step of spec.steps) {
		const text = step.lead ? `**${md(step.lead)}** ${md(step.text)}` : md(step.text);
		lines.push(...tickLine(text, ticks[itemKey(spec.key, step.id)], false));
	}
	for (const [, tick] of removedTicks(spec, ticks)) lines.push(...tickLine(md(tick.text), tick, true));
	return `${lines.join('\n')}\n`;
}

/** The whole incident as Markdown: summary, every relevant checklist with its ticks, the timeline. */
export function incidentMarkdown(
	incident: Incident,
	checklists: readonly ChecklistSpec[],
	playbook: Pick<ClientPlaybook, 'severities' | 'statuses'>,
): string {
	const severity = severityById(playbook.severities, incident.severity);
	const status = playbook.statuses.find((s) => s.id === incident.status)?.label ?? incident.status;
	const lines = [`# ${incident.drill ? 'DRILL: ' : ''}Incident ${incident.id}: ${md(incident.title)}`, ''];
	if (incident.drill) lines.push('> **DRILL**: a game-day exercise, not a real incident.', '');
	lines.push(
		`- **Severity:** ${md(incident.severity)}${severity ? ` ${md(severity.name)}` : ''}`,
		`- **Status:** ${md(status)}`,
		`- **Detected:** ${formatUtcDateTime(incident.detectedAt)}`,
		`- **Declared:** ${formatUtcDateTime(incident.declaredAt)}`,
		`- **Resolved:** ${incident.resolvedAt === undefined ? 'not yet' : formatUtcDateTime(incident.resolvedAt)}`,
		`- **Impact:** ${md(incident.impact) || 'not stated'}`,
		`- **Affected services:** ${md(incident.services.join(', ')) || 'not stated'}`,
		`- **Channel:** ${md(incident.channel)}`,
		`- **On-call:** ${md(incident.onCall) || 'not stated'}`,
		`- **Commander:** ${md(incident.commander) || 'not stated'}`,
		'',
		'## Checklists',
		'',
	);
	for (const spec of incidentChecklists(incident, checklists)) lines.push(checklistMarkdown(spec, incident.ticks));
	lines.push('## Timeline', '', '| Time (UTC) | Event | By |', '| --- | --- | --- |');
	for (const event of incident.events) {
		const cells = [
			formatUtcDateTime(event.at).replace(' UTC', ''),
			escapeText(event.text, 'markdown', true),
			escapeText(event.by ?? '', 'markdown', true),
		];
		lines.push(`| ${cells.join(' | ')} |`);
	}
	return `${lines.join('\n')}\n`;
}
