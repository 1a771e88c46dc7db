import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { SiteSchema, type Site } from '../schemas/site.ts';
import { describeIssues } from '../lib/zodIssues.ts';

/** Where the site settings live, relative to the project root. */
export const SITE_FILE = 'content/site.yaml';

/**
 * Read and check the site settings. Used by astro.config.mjs (title, description) and by pages;
 * a wrong value stops the build with the file and the field.
 */
export function loadSite(file: string | URL = SITE_FILE): Site {
	let raw: unknown;
	try {
		raw = parse(readFileSync(file, 'utf8'));
	} catch (error) {
		throw new Error(`${String(file)}: not valid YAML: ${(error as Error).message}`);
	}
	const result = SiteSchema.safeParse(raw);
	if (!result.success) {
		throw new Error(`Invalid site settings:\n${describeIssues(String(file), result.error.issues)}`);
	}
	return result.data;
}

/** Where the site is published: Astro's `site` (an origin, or none) and `base` (always ends in "/"). */
export interface Deployment {
	site: string | undefined;
	base: string;
}

/**
 * Where the site is published: content/site.yaml's `url` and `base`, which the PLAYBOOK_SITE and
 * PLAYBOOK_BASE environment variables override (a CI job that knows its host, e.g. GitHub Pages).
 */
export function deployment(site: Pick<Site, 'url' | 'base'>, env: Record<string, string | undefined> = process.env): Deployment {
	const url = env['PLAYBOOK_SITE'] || site.url;
	let base = (env['PLAYBOOK_BASE'] || site.base).replace(/\/+/g, '/');
	if (!base.startsWith('/')) base = `/${base}`;
	if (!base.endsWith('/')) base = `${base}/`;
	if (url !== undefined && !URL.canParse(url)) throw new Error(`PLAYBOOK_SITE is not a URL: ${url}`);
	return { site: url, base };
}
