import type { Step } from '../schemas/step.ts';
import type { CommandBlock } from '../schemas/step.ts';
import { formatMinutes, formatPhaseTitle, formatWindow } from './format.ts';
import { describeRung, formatResponseTarget } from './levelText.ts';
import type { Playbook, Template } from './playbook.ts';
import { placeholderValues, renderTemplate } from './renderMessage.ts';

/** The sections of the copy, in order; each is the id of its heading. */
export const SECTIONS = ['severity', 'escalation', 'process', 'scenarios', 'communication', 'post-mortem', 'tools'] as const;

/** Id of a section of the copy. */
export type SectionId = (typeof SECTIONS)[number];

/** What the single-file copy needs besides the playbook. */
export interface DocumentOptions {
	/** The stylesheet, inlined. */
	css: string;
	/** The document's own Content Security Policy (no scripts, no requests). */
	policy: string;
	/** Heading and one-line intro of each section, as the site's pages title and describe them. */
	sections: Record<SectionId, { title: string; intro?: string | undefined }>;
}

/** Text made safe for HTML content and attribute values: playbook text is shown, never run. */
export function escapeHtml(text: string): string {
	return text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

const e = escapeHtml;
const steps = (list: Step[], tag: 'ul' | 'ol' = 'ul') =>
	`<${tag} class="c">${list.map((s) => `<li>${s.lead ? `<b>${e(s.lead)}</b> ` : ''}${e(s.text)}`).join('')}</${tag}>`;
const code = (block: Pick<CommandBlock, 'code'> & { title?: string | undefined }) =>
	`${block.title ? `<p><b>${e(block.title)}</b>` : ''}<pre>${e(block.code.trimEnd())}</pre>`;
const template = (t: Template) =>
	`<h3>${e(t.title)}</h3>${t.description ? `<p>${e(t.description)}` : ''}` +
	`<pre>${e(renderTemplate(t.text, placeholderValues(t.fields), 'plain').trimEnd())}</pre>`;

function severities(p: Playbook): string {
	return p.severities
		.map((s) => {
			const times = [
				`Respond: ${formatResponseTarget(s)}`,
				`Escalate if not resolved in ${formatMinutes(s.escalateAfter)}`,
				`Update every ${formatMinutes(s.updateEvery)}`,
			].join(' · ');
			return (
				`<h3 id="sev-${e(s.id.toLowerCase())}">${e(`${s.id} ${s.name}: ${s.urgency}`)}</h3><p>${e(times)}` +
				`<ul>${s.criteria.map((c) => `<li>${e(c.text)}`).join('')}</ul>`
			);
		})
		.join('');
}

function escalation(p: Playbook): string {
	const ladder = p.escalation.map((r) => `<li><b>${e(r.role)}</b> (${e(describeRung(r))})`).join('');
	const timing = p.severities.map((s) => `${s.id} ${formatMinutes(s.escalateAfter)}`).join(' · ');
	return `<ol>${ladder}</ol><p>${e(`Escalate if not resolved in: ${timing}`)}`;
}

function phases(p: Playbook): string {
	return p.phases
		.map(
			(phase) =>
				`<h3 id="phase-${e(phase.id)}">${e(formatPhaseTitle(phase))} <small>${e(formatWindow(phase.window))}</small></h3>` +
				(phase.description ? `<p>${e(phase.description)}` : '') +
				phase.groups
					.map((g, i) => `<h4>${e(`${i + 1}. ${g.title}`)}</h4>${steps(g.steps)}${(g.commands ?? []).map(code).join('')}`)
					.join(''),
		)
		.join('');
}

function scenarios(p: Playbook): string {
	return p.scenarios
		.map((s) => {
			const facts = [
				`Usually ${s.severities.join(', ')}`,
				...(s.alerts ? [`Alerts: ${s.alerts.join(', ')}`] : []),
				...(s.aliases ? [`Also called: ${s.aliases.join(', ')}`] : []),
			].join(' · ');
			const rollback = (s.rollback ?? [])
				.map((r) => `<p><b>${e(r.platform)}</b>${r.manual ? `: ${e(r.manual)}` : ''}${r.commands ? code(r.commands) : ''}`)
				.join('');
			const related = (s.related ?? [])
				.flatMap((id) => p.scenarios.filter((r) => r.id === id))
				.map((r) => `<a href="#scenario-${e(r.id)}">${e(r.title)}</a>`);
			return (
				`<h3 id="scenario-${e(s.id)}">${e(s.title)}</h3><p>${e(facts)}` +
				`<h4>Symptoms</h4>${steps(s.symptoms)}<h4>Response</h4>${steps(s.response, 'ol')}` +
				(s.mitigation ? `<h4>Mitigation</h4>${steps(s.mitigation)}` : '') +
				(rollback ? `<h4>Rollback</h4>${rollback}` : '') +
				(related.length > 0 ? `<p>See also: ${related.join(', ')}` : '')
			);
		})
		.join('');
}

function tools(p: Playbook): string {
	return p.site.resources
		.map(
			(group) =>
				`<h3>${e(group.group)}</h3><ul>${group.items
					.map((r) => {
						const parts = [r.url && `<a href="${e(r.url)}">${e(r.url)}</a>`, r.text && e(r.text), r.code && `<code>${e(r.code)}</code>`];
						return `<li><b>${e(r.name)}:</b> ${parts.filter(Boolean).join(' ')}`;
					})
					.join('')}</ul>`,
		)
		.join('');
}

/**
 * The whole playbook as one self-contained HTML page, for when the site itself is unreachable:
 * inline styles, no scripts, no requests, readable from a file, in light and dark. Markup is kept
 * lean (optional end tags omitted) because responders may fetch it over a failing network.
 */
export function renderPlaybookDocument(playbook: Playbook, options: DocumentOptions): string {
	const body: Record<SectionId, string> = {
		severity: severities(playbook),
		escalation: escalation(playbook),
		process: phases(playbook),
		scenarios: scenarios(playbook),
		communication: `<p>${e(`Statuses: ${playbook.site.statuses.map((s) => s.label).join(' → ')}`)}${playbook.templates
			.filter((t) => t.kind === 'message')
			.map(template)
			.join('')}`,
		'post-mortem': playbook.templates
			.filter((t) => t.kind === 'document')
			.map(template)
			.join(''),
		tools: tools(playbook),
	};
	const { site } = playbook;
	const { sections } = options;
	return (
		`<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">` +
		`<meta http-equiv="content-security-policy" content="${e(options.policy)}">` +
		`<title>${e(site.title)}</title><style>${options.css}</style></head>` +
		`<header><h1>${e(site.title)}</h1><p>${e(`${site.organisation}: ${site.description}`)}</header>` +
		`<nav aria-label="Contents"><ol>${SECTIONS.map((id) => `<li><a href="#${id}">${e(sections[id].title)}</a>`).join('')}</ol></nav><main>` +
		SECTIONS.map(
			(id) => `<h2 id="${id}">${e(sections[id].title)}</h2>${sections[id].intro ? `<p>${e(sections[id].intro)}` : ''}${body[id]}`,
		).join('') +
		'</main>'
	);
}
