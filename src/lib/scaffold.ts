import { phasePath, ROUTES, scenarioPath } from './urls.ts';
import { slugify } from './slug.ts';

/** The kinds of entry `npm run new` can start. */
export const KINDS = ['scenario', 'severity', 'template', 'phase'] as const;

/** A kind of entry. */
export type Kind = (typeof KINDS)[number];

/** What the new entry must fit in with: what the playbook already has. */
export interface Existing {
	/** Severity ids and ranks, most severe first. */
	severities: { id: string; rank: number }[];
	/** `sidebar.order` of every scenario that has one. */
	scenarioOrders: number[];
	/** `sidebar.order` of every phase. */
	phaseOrders: number[];
	/** `order` of every message template. */
	messageOrders: number[];
}

/** A new entry: where it goes, its text, and where it shows up once built. */
export interface Scaffold {
	path: string;
	text: string;
	/** URL of the page that shows it. */
	url: string;
	/** Section of the authoring guide that explains its fields. */
	guide: string;
}

// One past the highest taken (a rank starts at 0, so a playbook with none gets 1: still valid).
const next = (numbers: number[]) => Math.max(0, ...numbers) + 1;
// JSON strings are valid double-quoted YAML scalars: safe for any name an author types.
const q = (text: string) => JSON.stringify(text);
const PAGE_FIELDS = (today: string) => [
	'owner: "TODO: the person or team who keeps this page true"',
	`lastReviewed: ${today} # the day this page was last checked against reality`,
];

/** The file name (without extension) an entry of this name gets; empty when the name has no letters or digits. */
export function entryId(kind: Kind, name: string): string {
	return kind === 'severity' ? name.toLowerCase() : slugify(name);
}

/** A new entry of a kind, with every required field filled and a comment on what to write. */
export function scaffold(kind: Kind, name: string, today: string, existing: Existing): Scaffold {
	const id = entryId(kind, name);
	const frontmatter = (lines: string[], body = '') => `---\n${lines.join('\n')}\n---\n${body}`;
	switch (kind) {
		case 'scenario': {
			const severities = existing.severities.map((s) => s.id);
			return {
				path: `content/docs/scenarios/${id}.mdx`,
				url: scenarioPath(id),
				guide: `${ROUTES.authoring}#add-or-change-a-scenario`,
				text: frontmatter(
					[
						`# A scenario runbook. Replace every TODO; each field is explained at /authoring/#scenario`,
						`title: ${q(name)}`,
						'description: "TODO: one line on what is going on, shown in lists and search results"',
						...PAGE_FIELDS(today),
						'sidebar:',
						`  order: ${next(existing.scenarioOrders)} # position among the scenarios`,
						`severities: [${severities.at(-1) ?? 'TODO'}] # TODO: the levels this usually is, most severe first (${severities.join(', ')})`,
						'# alerts: [TODO] # alert names (alertname) whose runbook_url points here',
						'symptoms: # what the responder sees',
						'  - "TODO: first symptom"',
						'response: # what to do, in order',
						'  - "TODO: first step"',
						'# mitigation: # ways to reduce the impact while the cause is found',
						'#   - "TODO: first mitigation"',
						'# related: [TODO] # other scenarios worth opening from this one, by file name',
					],
					'\n{/* Text written here appears after the runbook. */}\n',
				),
			};
		}
		case 'severity': {
			const ranks = existing.severities.map((s) => s.rank);
			return {
				path: `content/severities/${id}.mdx`,
				url: ROUTES.severity,
				guide: `${ROUTES.authoring}#add-or-change-a-severity-level`,
				text: frontmatter([
					`# A severity level. Replace every TODO; each field is explained at /authoring/#severity-level`,
					`id: ${q(name)}`,
					'name: "TODO: one word for the level, e.g. Minor"',
					'urgency: "TODO: how the response should feel, e.g. Next business day"',
					`rank: ${next(ranks)} # 0 is the most severe; unique (taken: ${ranks.join(', ') || 'none'})`,
					'tone: tip # badge colour: danger, caution, note or tip',
					'criteria: # the conditions that put an incident at this level',
					'  - "TODO: first condition"',
					'responseTime: 1d # TODO: target time from detection to a responder working on it (15m, 1h, 2d)',
					'escalateAfter: 2d # TODO: escalate if not resolved within this time of detection',
					'updateEvery: 1d # TODO: how often to post a status update while it is open',
				]),
			};
		}
		case 'template':
			return {
				path: `content/templates/${id}.mdx`,
				url: ROUTES.communication,
				guide: `${ROUTES.authoring}#add-or-change-a-template`,
				text: frontmatter([
					`# A message template. Replace every TODO; each field is explained at /authoring/#template`,
					`title: ${q(name)}`,
					'kind: message # message: pasted into chat; document: a Markdown file',
					`order: ${next(existing.messageOrders)} # position among the message templates`,
					'description: "TODO: when to send it, in one line"',
					'text: | # {{field}} inserts a field, {{#list}}…{{/list}} repeats for each item, **bold** is bold',
					`  **${name.replace(/\*/g, '')}**`,
					'',
					'  Status: {{status}}',
					'  TODO: the message.',
					'fields: # one entry per {{name}} in the text',
					'  - name: status',
					'    label: Status',
					'    from: status # prefilled from the open incident',
					'    placeholder: "[Current Status]"',
				]),
			};
		case 'phase':
			return {
				path: `content/docs/process/${id}.mdx`,
				url: phasePath(id),
				guide: `${ROUTES.authoring}#add-or-change-a-phase-step`,
				text: frontmatter(
					[
						`# A phase of the response. Replace every TODO; each field is explained at /authoring/#phase`,
						`title: ${q(name)}`,
						'description: "TODO: one line on what the phase achieves"',
						...PAGE_FIELDS(today),
						'sidebar:',
						`  order: ${next(existing.phaseOrders)} # the phase number`,
						'window: # when the phase runs, counted from detection',
						'  # from: 48h # TODO: when it starts (leave out for "from detection")',
						'  to: 7d # TODO: when it ends',
						'groups: # numbered groups of steps, in order',
						'  - title: "TODO: first group of steps"',
						'    steps:',
						'      - "TODO: first step"',
					],
					'\n{/* Text written here appears after the checklist. */}\n',
				),
			};
	}
}
