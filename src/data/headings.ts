import type { MarkdownHeading } from 'astro';
import type { Playbook } from '../lib/playbook.ts';
import { slugify } from '../lib/slug.ts';

/**
 * The headings a data-driven page renders from its frontmatter, so the table of contents lists
 * them (Starlight only sees headings written in the page body).
 */
export function dataHeadings(entryId: string, playbook: Playbook): MarkdownHeading[] {
	const h = (depth: number, text: string, slug = slugify(text)) => ({ depth, text, slug });
	const [section, id] = entryId.split('/');
	if (section === 'scenarios') {
		const scenario = playbook.scenarios.find((s) => s.id === id);
		if (!scenario) return [];
		return [
			h(2, 'Symptoms'),
			h(2, 'Response'),
			...(scenario.mitigation ? [h(2, 'Mitigation')] : []),
			...(scenario.rollback ? [h(2, 'Rollback procedure')] : []),
		];
	}
	if (section === 'process') {
		const phase = playbook.phases.find((p) => p.id === id);
		return phase?.groups.map((g, i) => h(2, `${i + 1}. ${g.title}`, slugify(g.title))) ?? [];
	}
	if (entryId === 'severity') return playbook.severities.map((s) => h(2, `${s.id} - ${s.name}`, slugify(s.id)));
	return [];
}
