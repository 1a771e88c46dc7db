import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { marked } from 'marked';
import { linkNodeModules, ROOT } from '../../lib/buildSite.ts';
import { markdownFile, type MarkdownPage } from './playbookMarkdown.ts';

const write = (path: string, text: string) => {
	mkdirSync(dirname(path), { recursive: true });
	writeFileSync(path, text);
};

/**
 * A stock Starlight project with the playbook's pages as Markdown: Starlight's defaults, its
 * generated sidebar, no islands, no overrides, no plugins. Returns the project root.
 */
export function makeStarlightProject(folder: string, title: string, pages: MarkdownPage[]): string {
	rmSync(folder, { recursive: true, force: true });
	mkdirSync(folder, { recursive: true });
	linkNodeModules(folder);
	// Astro finds the Starlight components to bundle through the project's dependencies.
	const ours = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
	const dependencies = Object.fromEntries(['astro', '@astrojs/starlight'].map((name) => [name, ours.devDependencies[name]]));
	write(join(folder, 'package.json'), JSON.stringify({ name: 'stock-starlight', private: true, type: 'module', dependencies }));
	write(
		join(folder, 'astro.config.mjs'),
		`import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';

export default defineConfig({ trailingSlash: 'always', integrations: [starlight({ title: ${JSON.stringify(title)} })] });
`,
	);
	write(
		join(folder, 'src/content.config.ts'),
		`import { defineCollection } from 'astro:content';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';

export const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };
`,
	);
	for (const page of pages) {
		const frontmatter = [`title: ${JSON.stringify(page.title)}`, `description: ${JSON.stringify(page.description)}`];
		if (page.order !== undefined) frontmatter.push(`sidebar:\n  order: ${page.order}`);
		write(join(folder, 'src/content/docs', markdownFile(page)), `---\n${frontmatter.join('\n')}\n---\n\n${page.markdown}\n`);
	}
	return folder;
}

const anchor = (url: string) => (url === '/' ? 'start' : url.slice(1, -1).replace(/\//g, '-'));
const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

/**
 * The floor: the whole playbook as one plain HTML page, no CSS, no JavaScript. Links between
 * pages become links within it. Returns the folder it is written to (its index.html).
 */
export function writeSinglePage(folder: string, title: string, description: string, pages: MarkdownPage[]): string {
	rmSync(folder, { recursive: true, force: true });
	const sections = pages.map((page) => {
		// Each page's headings move one level down under the page title.
		const markdown = page.markdown.replace(/^(#{1,5}) /gm, '#$1 ').replace(/\]\((\/[^)#]*)\)/g, (_, url: string) => `](#${anchor(url)})`);
		const heading = `<h2 id="${anchor(page.url)}">${escape(page.title)}</h2>`;
		return `<section aria-labelledby="${anchor(page.url)}">\n${heading}\n${marked.parse(markdown, { async: false })}</section>`;
	});
	write(
		join(folder, 'index.html'),
		`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)}</title>
<meta name="description" content="${escape(description)}">
</head>
<body>
<main>
<h1>${escape(title)}</h1>
${sections.join('\n')}
</main>
</body>
</html>
`,
	);
	return folder;
}
