import { readdirSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { parse } from 'yaml';

/** One page of the playbook as plain Markdown, for the sites the benchmark compares ours with. */
export interface MarkdownPage {
	/** URL path, the same as on our site ("/scenarios/service-down/"). */
	url: string;
	title: string;
	description: string;
	/** Sidebar position, as on our site. */
	order: number | undefined;
	markdown: string;
}

type Data = Record<string, any>;

function readEntry(path: string): { data: Data; body: string } {
	const text = readFileSync(path, 'utf8');
	const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text);
	if (!match) throw new Error(`${path} has no frontmatter`);
	return { data: parse(match[1]!) as Data, body: match[2]! };
}

const files = (dir: string) => (readdirSync(dir, { recursive: true }) as string[]).filter((f) => /(^|\/)[^_][^/]*\.mdx?$/.test(f)).sort();
const byOrder = (key: (d: Data) => number | undefined) => (a: Data, b: Data) => (key(a) ?? 1e9) - (key(b) ?? 1e9);
const stepText = (step: string | Data) =>
	typeof step === 'string' ? step : `${step['lead'] ? `**${step['lead']}** ` : ''}${step['text']}`;
const list = (items: Array<string | Data>, ordered = false) =>
	items.map((s, i) => `${ordered ? `${i + 1}.` : '-'} ${stepText(s)}`).join('\n');
const code = (block: Data) => `\`\`\`${block['lang'] ?? 'bash'}\n${String(block['code']).trimEnd()}\n\`\`\``;

/**
 * The playbook's text from content/, as one Markdown page per page of our site: no islands, no
 * components, the same words. Data pages (severities, phases, scenarios) are written out the way
 * our components lay them out.
 */
export function playbookMarkdown(contentDir: string): MarkdownPage[] {
	const docsDir = join(contentDir, 'docs');
	const docs = files(docsDir).map((file) => ({ file: file.split(sep).join('/'), ...readEntry(join(docsDir, file)) }));
	const severities = files(join(contentDir, 'severities'))
		.map((f) => readEntry(join(contentDir, 'severities', f)).data)
		.sort(byOrder((d) => d['rank']));
	const phases = docs.filter((d) => d.file.startsWith('process/')).sort((a, b) => byOrder((d) => d['sidebar']?.['order'])(a.data, b.data));
	const scenarios = docs
		.filter((d) => d.file.startsWith('scenarios/') && !/\/index\.mdx?$/.test(d.file))
		.sort((a, b) => byOrder((d) => d['sidebar']?.['order'])(a.data, b.data));
	const templates = files(join(contentDir, 'templates'))
		.map((f) => readEntry(join(contentDir, 'templates', f)).data)
		.sort(byOrder((d) => d['order']));
	const escalation = (parse(readFileSync(join(contentDir, 'escalation.yaml'), 'utf8')) as Data[]).sort(byOrder((d) => d['level']));
	const site = parse(readFileSync(join(contentDir, 'site.yaml'), 'utf8')) as Data;
	const idOf = (file: string) =>
		file
			.replace(/\.mdx?$/, '')
			.split('/')
			.pop()!;

	const components: Record<string, (props: string) => string> = {
		ScenarioIndex: () =>
			scenarios
				.map(
					(s) =>
						`- [${s.data['title']}](/scenarios/${idOf(s.file)}/) ${s.data['severities'].join(' ')}: ` +
						s.data['symptoms'].map(stepText).join(' · '),
				)
				.join('\n'),
		PhaseIndex: () =>
			phases.map((p) => `1. [Phase ${p.data['sidebar']['order']}: ${p.data['title']}](/process/${idOf(p.file)}/)`).join('\n'),
		SeverityLevels: () =>
			severities
				.map(
					(s) =>
						`## ${s['id']} - ${s['name']} (${s['urgency']})\n\n${list(s['criteria'])}\n` +
						`- **Response Time:** ${s['responseLabel'] ?? ''} (< ${s['responseTime']})\n\n` +
						`Escalate if not resolved in ${s['escalateAfter']}; status updates every ${s['updateEvery']}.`,
				)
				.join('\n\n'),
		TemplateList: (props) => {
			const kind = /kind="(\w+)"/.exec(props)?.[1];
			return templates
				.filter((t) => t['kind'] === kind)
				.map((t) => `## ${t['title']}\n\n${t['description'] ?? ''}\n\n\`\`\`txt\n${String(t['text']).trimEnd()}\n\`\`\``)
				.join('\n\n');
		},
		EscalationPath: () => {
			const rungs = escalation.map(
				(r, i) => `${i + 1}. **${r['role']}** (${r['after'] ? `if unresolved in ${r['after']}` : (r['condition'] ?? r['note'] ?? '')})`,
			);
			const levels = severities.map((s) => `- ${s['id']}: escalate if not resolved in ${s['escalateAfter']}`);
			return `## Escalation path\n\n${rungs.join('\n')}\n\n## When to escalate\n\n${levels.join('\n')}`;
		},
		ResourceList: () =>
			(site['resources'] as Data[])
				.map(
					(g) =>
						`## ${g['group']}\n\n` +
						(g['items'] as Data[]).map((i) => `- **${i['name']}:** ${i['url'] ?? i['text'] ?? `\`${i['code']}\``}`).join('\n'),
				)
				.join('\n\n'),
	};

	const runbook = (file: string, data: Data): string => {
		if (file.startsWith('process/')) {
			return (data['groups'] as Data[])
				.map(
					(g, i) => `## ${i + 1}. ${g['title']}\n\n${list(g['steps'])}${(g['commands'] ?? []).map((c: Data) => `\n\n${code(c)}`).join('')}`,
				)
				.join('\n\n');
		}
		if (!file.startsWith('scenarios/') || /\/index\.mdx?$/.test(file)) return '';
		const parts = [
			`Usually ${data['severities'].join(', ')}.`,
			`## Symptoms\n\n${list(data['symptoms'])}`,
			`## Response\n\n${list(data['response'], true)}`,
		];
		if (data['mitigation']) parts.push(`## Mitigation\n\n${list(data['mitigation'])}`);
		if (data['rollback']) {
			parts.push(
				'## Rollback procedure\n\n' +
					(data['rollback'] as Data[])
						.map((r) => `### ${r['platform']}\n\n${[r['manual'], r['commands'] && code(r['commands'])].filter(Boolean).join('\n\n')}`)
						.join('\n\n'),
			);
		}
		return parts.join('\n\n');
	};

	return docs.map(({ file, data, body }) => {
		const text = body
			.replace(/^import .*$/gm, '')
			.replace(/<(\w+)([^>]*)\/>/g, (_, name: string, props: string) => components[name]?.(props) ?? '')
			.trim();
		const id = file.replace(/\.mdx?$/, '').replace(/(^|\/)index$/, '');
		return {
			url: id === '' ? '/' : `/${id}/`,
			title: String(data['title']),
			description: String(data['description'] ?? ''),
			order: data['sidebar']?.['order'],
			markdown: [runbook(file, data), text].filter(Boolean).join('\n\n'),
		};
	});
}

/** Path of a page's Markdown file in a Starlight docs folder ("/process/mitigation/" → "process/mitigation.md"). */
export function markdownFile(page: Pick<MarkdownPage, 'url'>): string {
	return page.url === '/' ? 'index.md' : `${page.url.slice(1, -1)}.md`;
}
