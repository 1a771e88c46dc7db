import { getEntry } from 'astro:content';
import { hashSource } from '../integrations/inlineSources.ts';
import { renderPlaybookDocument, SECTIONS, type DocumentOptions, type SectionId } from '../lib/playbookDocument.ts';
import css from '../styles/playbookFile.css?inline';
import { getPlaybook } from './getPlaybook.ts';
import { fillLevels } from '../lib/levelMentions.ts';

/** Sections that are one page of the site take that page's title and description. */
const PAGES: Partial<Record<SectionId, string>> = {
	severity: 'severity',
	escalation: 'escalation',
	communication: 'communication',
	'post-mortem': 'post-mortem',
	tools: 'tools',
};

/** Sections spread over several pages are titled as the sidebar groups them (astro.config.mjs). */
const GROUPS: Partial<Record<SectionId, string>> = { process: 'Response process', scenarios: 'Scenarios' };

async function section(id: SectionId): Promise<DocumentOptions['sections'][SectionId]> {
	const page = PAGES[id];
	if (page === undefined) return { title: GROUPS[id] ?? id };
	const entry = await getEntry('docs', page);
	if (!entry) throw new Error(`The single-file copy needs the page content/docs/${page}.mdx for its "${id}" section.`);
	const levels = (await getPlaybook()).severities.map((s) => s.id);
	return { title: entry.data.title, intro: entry.data.description === undefined ? undefined : fillLevels(entry.data.description, levels) };
}

/** The single-file copy of the playbook, as served at ROUTES.playbookFile. */
export async function playbookFileHtml(): Promise<string> {
	const sections = Object.fromEntries(
		await Promise.all(SECTIONS.map(async (id) => [id, await section(id)])),
	) as DocumentOptions['sections'];
	// No scripts and no requests of any kind: only its own inline stylesheet may apply.
	const policy = `default-src 'none'; style-src ${hashSource(css)}; base-uri 'none'; form-action 'none'`;
	return renderPlaybookDocument(await getPlaybook(), { css, policy, sections });
}
