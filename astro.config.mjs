// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import mdx from '@astrojs/mdx';
import { deployment, loadSite } from './src/data/loadSite.ts';
import { satteri } from '@astrojs/markdown-satteri';
import { codeFences } from './src/build/codeFences.ts';
import { baseLinks, contentLinks } from './src/build/baseLinks.ts';
import { policyPass, writeHeaders } from './src/integrations/contentSecurityPolicy.ts';
import { pagePasses } from './src/integrations/pagePasses.ts';
import { offline } from './src/integrations/offline.ts';
import { singleFile } from './src/integrations/singleFile.ts';
import { alertPages } from './src/integrations/alertPages.ts';
import { ROUTES } from './src/lib/urls.ts';
import { PAGINATION } from './src/lib/scenarioLinks.ts';
import { contentLint } from './src/integrations/contentLint.ts';
import { preactIslands } from './src/integrations/preactJsx.ts';
import { vendorChunks } from './src/build/vendorChunks.ts';
import { linksValidator } from './src/integrations/linksValidator.ts';
import { preloadPass } from './src/integrations/modulePreload.ts';
import { loadedPreloads } from './src/build/loadedPreloads.ts';
import { prePaintScripts } from './src/build/prePaintScripts.ts';
import { onDemandOffServer } from './src/build/onDemandOffServer.ts';
import { quietHeadInject } from './src/build/quietWarnings.ts';
import { inSitemap } from './src/build/alertForwardPages.ts';
import sitemap from '@astrojs/sitemap';

const site = loadSite();
// Measuring builds (the test suite's, the benchmark's: PLAYBOOK_MEASURE=1) record who wrote each
// script, so page weights split into ours, libraries and the platform. A production build does not.
const measuring = process.env.PLAYBOOK_MEASURE === '1';
const measure = measuring ? await import('./scripts/measure/astroMeasure.ts') : undefined;
// Where it is published: content/site.yaml's `url` and `base`, or PLAYBOOK_SITE and PLAYBOOK_BASE.
const published = deployment(site);

export default defineConfig({
	// The project root is the source root, so Starlight reads pages from content/docs and the
	// collections config is ./content.config.ts. Code lives in src/ and is imported by path.
	srcDir: './',
	...(published.site ? { site: published.site } : {}),
	base: published.base,
	// No highlighting: it would put inline styles in every code block (see expressiveCode below).
	markdown: { syntaxHighlight: false, processor: satteri({ hastPlugins: [codeFences, baseLinks] }) },
	trailingSlash: 'always',
	// Writes .astro/collections/collections.json, which the Astro VS Code extension reads to
	// complete and check frontmatter in content/ (see the authoring guide).
	experimental: { contentIntellisense: true },
	integrations: [
		// Root-absolute links written in content follow the base path (before Starlight's validator reads them).
		contentLinks(),
		starlight({
			title: site.title,
			description: site.description,
			credits: false,
			// Plain code blocks with our own copy button: highlighting commands and templates is not
			// worth Expressive Code's CSS and script on every page that has a command.
			expressiveCode: false,
			plugins: [linksValidator()],
			lastUpdated: false,
			pagination: PAGINATION,
			customCss: [
				'./src/styles/playbook.css',
				'./src/styles/search.css',
				'./src/styles/generators.css',
				'./src/styles/updateNotice.css',
				'./src/styles/print.css',
				'./src/styles/longWords.css',
			],
			components: {
				Banner: './src/components/starlight/Banner.astro',
				MarkdownContent: './src/components/starlight/MarkdownContent.astro',
				PageTitle: './src/components/starlight/PageTitle.astro',
				Search: './src/components/starlight/Search.astro',
				SkipLink: './src/components/starlight/SkipLink.astro',
				ThemeProvider: './src/components/starlight/ThemeProvider.astro',
			},
			routeMiddleware: './src/data/routeMiddleware.ts',
			markdown: { processedDirs: ['./content'] },
			sidebar: [
				{ label: 'Start here', link: '/' },
				{ label: 'Classify an incident', link: '/classify/' },
				{ label: 'Severity levels', link: '/severity/' },
				{ label: 'Response process', items: [{ autogenerate: { directory: 'process' } }] },
				{
					label: 'Scenarios',
					// An alert's name, as the pager gives it, finds its runbook (the alert pages, src/integrations/alertPages.ts).
					// The scenarios follow, the first of them and the current one (src/data/routeMiddleware.ts).
					items: [
						{ label: 'All scenarios', link: '/scenarios/' },
						{ label: 'Alerts and their runbooks', link: ROUTES.alerts },
					],
				},
				{ label: 'Communication', link: '/communication/' },
				{ label: 'Escalation', link: '/escalation/' },
				{ label: 'Write the post-mortem', link: '/post-mortem/' },
				{ label: 'Tools & resources', link: '/tools/' },
				{ label: 'Incident workspace', link: '/incident/' },
				{ label: 'Drills', link: '/drills/' },
				{ label: 'Incident metrics', link: '/metrics/' },
				{ label: 'Authoring guide', link: '/authoring/' },
			],
		}),
		// Starlight's sitemap, without the pages that only forward an alert's address (they ask not to be indexed).
		...(published.site ? [sitemap({ filter: inSitemap(published.base) })] : []),
		mdx(),
		// @astrojs/preact for the islands; in a build, only its renderer and Oxc for their JSX (no Babel).
		preactIslands(),
		...(measure ? [measure.bundleOrigins()] : []),
		singleFile(),
		// After Starlight, so these post-build steps see the finished pages and search index: each page's module
		// preload list, then its content security policy, in one read and write of it.
		pagePasses('playbook:page-passes', async (context) => [await preloadPass(context), policyPass()], writeHeaders),
		// After them: each alert's page is written from one they have finished.
		alertPages(),
		// Last: it precaches the finished files, policies and search index included.
		offline(),
		// After everything else, so its warnings are the last lines of the build output.
		contentLint(),
	],
	// Libraries in chunks of their own, the incident bar's modules in one, a runbook's islands in one:
	// the same in a measuring build, so what the budgets and the benchmark weigh is what ships.
	// What an on-demand import fetches with it lists only what the page has not loaded yet (src/build/loadedPreloads.ts).
	vite: {
		// Astro marks every MDX entry with a directive the bundler warns it may drop (withastro/astro#18087): 31 warnings
		// of 10 lines in each build, 1,026 with 1,000 scenarios, that bury the content checks' own. Only that one is quiet.
		build: { rolldownOptions: { onwarn: quietHeadInject } },
		// On-demand modules load in the browser only: the server's bundle leaves them out (a faster build).
		plugins: [loadedPreloads(), prePaintScripts(), onDemandOffServer()],
		environments: { client: { build: { rolldownOptions: { output: { codeSplitting: vendorChunks } } } } },
	},
});
