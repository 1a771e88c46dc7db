import { defineHastPlugin } from 'satteri';
import type { AstroIntegration } from 'astro';
import { asBase } from '../lib/urls.ts';

/** A root-absolute link written in content (`/classify/`) under the base path (`/playbook/classify/`). */
export function withBase(url: string, base: string): string {
	if (base === '/' || !url.startsWith('/') || url.startsWith('//')) return url;
	if (url === base.slice(0, -1) || url.startsWith(base)) return url;
	return `${base}${url.slice(1)}`;
}

/** The base path the content is built for; set by contentLinks() from Astro's resolved config. */
const built = { base: '/' };

/**
 * Links written in content pages as root-absolute paths (`[Classify](/classify/)`) follow the
 * site's base path, so a playbook published under `/playbook/` keeps working links without its
 * authors writing the base. Runs before the links validator, which checks the rewritten link.
 */
export const baseLinks = defineHastPlugin({
	name: 'playbook-base-links',
	element: {
		filter: ['a'],
		visit(a, ctx) {
			const href = a.properties?.['href'];
			if (typeof href !== 'string') return;
			const rewritten = withBase(href, built.base);
			if (rewritten !== href) ctx.setProperty(a, 'href', rewritten);
		},
	},
});

/**
 * Tell baseLinks the base path the build was given (content/site.yaml, PLAYBOOK_BASE, or `--base`
 * on the command line, which only Astro's resolved config knows).
 */
export function contentLinks(): AstroIntegration {
	return {
		name: 'playbook:content-links',
		hooks: {
			'astro:config:setup': ({ config }) => {
				built.base = asBase(config.base);
			},
		},
	};
}
