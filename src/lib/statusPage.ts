/**
 * The incident as a public status page tells it: the site's statuses in the words status pages
 * use (investigating, identified, monitoring, resolved), the severity as component impact, and
 * an incident file for cState (Hugo Markdown with YAML front matter, in `content/issues/`).
 */
import type { ClientPlaybook } from './clientPlaybook.ts';
import { slugify } from './slug.ts';
import type { Incident } from './state.ts';
import type { Status } from '../schemas/site.ts';

/** The words public status pages (Statuspage, cState, Instatus) use for an incident's progress. */
export const PUBLIC_STATUSES = ['investigating', 'identified', 'monitoring', 'resolved'] as const;

/** A status in a public status page's words. */
export type PublicStatus = (typeof PUBLIC_STATUSES)[number];

/** The public word for a status: its `public` setting, else resolved/its own id/investigating. */
export function publicStatus(status: Pick<Status, 'id' | 'closes' | 'public'>): PublicStatus {
	if (status.public) return status.public;
	if (status.closes) return 'resolved';
	return (PUBLIC_STATUSES as readonly string[]).includes(status.id) ? (status.id as PublicStatus) : 'investigating';
}

const LABELS: Record<PublicStatus, string> = {
	investigating: 'Investigating',
	identified: 'Identified',
	monitoring: 'Monitoring',
	resolved: 'Resolved',
};
const iso = (at: number) => new Date(at).toISOString().replace(/\.\d{3}Z$/, 'Z');
/** A YAML scalar that reads back as this exact string (JSON strings are YAML). */
const yamlString = (text: string) => JSON.stringify(text);

/** A cState incident file: its path in the cState site and its text. */
export interface StatusPageFile {
	path: string;
	text: string;
}

/**
 * The incident as a cState issue: front matter with the incident's times, impact and components,
 * then one update per public status change, newest first, the latest carrying `message`.
 */
export function cstateIncident(
	incident: Incident,
	playbook: Pick<ClientPlaybook, 'statuses' | 'severities'>,
	message: string,
): StatusPageFile {
	const statusOf = (id: string | undefined) => playbook.statuses.find((s) => s.id === id);
	const impact = playbook.severities.find((s) => s.id === incident.severity)?.statusImpact ?? 'disrupted';
	const start = playbook.statuses[0];
	const changes = [
		{ at: incident.declaredAt, word: start ? publicStatus(start) : 'investigating' },
		...incident.events
			.filter((e) => e.kind === 'status')
			.map((e) => ({ at: e.at, word: publicStatus(statusOf(e.value) ?? { id: e.value ?? '', closes: false }) })),
	].filter((change, index, all) => index === 0 || change.word !== all[index - 1]?.word);
	const updates = changes.reverse().map((change, index) => {
		const text = index === 0 && message.trim() ? message.trim() : `${LABELS[change.word]}.`;
		return `*${LABELS[change.word]}* - ${text.replace(/\r?\n/g, ' ')} {{< track "${iso(change.at)}" >}}`;
	});
	const resolved = incident.resolvedAt !== undefined;
	const front = [
		'---',
		`title: ${yamlString(`${incident.drill ? '[DRILL] ' : ''}${incident.title}`)}`,
		`date: ${iso(incident.detectedAt)}`,
		`resolved: ${resolved}`,
		...(resolved ? [`resolvedWhen: ${iso(incident.resolvedAt ?? 0)}`] : []),
		'# Possible severity levels: down, disrupted, notice',
		`severity: ${impact}`,
		...(incident.services.length > 0 ? ['affected:', ...incident.services.map((s) => `  - ${yamlString(s)}`)] : ['affected: []']),
		'section: issue',
		'---',
	];
	const day = iso(incident.detectedAt).slice(0, 10);
	return {
		path: `content/issues/${day}-${slugify(incident.title) || incident.id}.md`,
		text: `${[...front, '', updates.join('\n\n')].join('\n')}\n`,
	};
}
