// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import mdx from '@astrojs/mdx';
import preact from '@astrojs/preact';
import starlightLinksValidator from 'starlight-links-validator';
import { loadSite } from './src/data/site.ts';
import { contentSecurityPolicy } from './src/integrations/contentSecurityPolicy.ts';
import { offline } from './src/integrations/offline.ts';
import { playbookFile } from './src/integrations/playbookFile.ts';

const site = loadSite();

export default defineConfig({
	// The project root is the source root, so Starlight reads pages from content/docs and the
	// collections config is ./content.config.ts. Code lives in src/ and is imported by path.
	srcDir: './',
	trailingSlash: 'always',
	integrations: [
		starlight({
			title: site.title,
			description: site.description,
			credits: false,
			plugins: [starlightLinksValidator()],
			lastUpdated: false,
			pagination: true,
			customCss: ['./src/styles/playbook.css', './src/styles/updateNotice.css', './src/styles/print.css'],
			components: {
				MarkdownContent: './src/components/starlight/MarkdownContent.astro',
			},
			routeMiddleware: './src/data/routeMiddleware.ts',
			markdown: { processedDirs: ['./content'] },
			sidebar: [
				{ label: 'Start here', link: '/' },
				{ label: 'Classify an incident', link: '/classify/' },
				{ label: 'Severity levels', link: '/severity/' },
				{ label: 'Response process', items: [{ autogenerate: { directory: 'process' } }] },
				{ label: 'Scenarios', items: [{ autogenerate: { directory: 'scenarios' } }] },
				{ label: 'Communication', link: '/communication/' },
				{ label: 'Escalation', link: '/escalation/' },
				{ label: 'Post-mortem', link: '/post-mortem/' },
				{ label: 'Tools & resources', link: '/tools/' },
				{ label: 'Incident workspace', link: '/incident/' },
			],
		}),
		mdx(),
		preact({ include: ['src/islands/**'] }),
		playbookFile(),
		// After Starlight, so these post-build steps see the finished pages and search index.
		contentSecurityPolicy(),
		// Last: it precaches the finished files, policies and search index included.
		offline(),
	],
});
