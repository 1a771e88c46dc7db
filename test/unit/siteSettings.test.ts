import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { loadSite } from '../../src/data/loadSite.ts';
import { ROOT } from '../support/buildSite.ts';

const site = loadSite(join(ROOT, 'content/site.yaml'));
const code = [
	join(ROOT, 'astro.config.mjs'),
	...readdirSync(join(ROOT, 'src'), { recursive: true, encoding: 'utf8' })
		.map((file) => join(ROOT, 'src', file))
		.filter((file) => /\.(ts|tsx|astro|mjs|js|css)$/.test(file)),
];

/** What is particular to the organisation: its name, and where its tools live. */
const particular = [
	site.organisation,
	...site.resources.flatMap((group) => group.items.flatMap((item) => (item.url ? [item.url, new URL(item.url).host] : []))),
].filter((value) => !/^(localhost|127\.0\.0\.1)(:\d+)?$/.test(value));

describe('the site settings', () => {
	it('are the only place the organisation and its tools are named: the code reads them', () => {
		expect(particular.length).toBeGreaterThan(1);
		const found = code.flatMap((file) => {
			const text = readFileSync(file, 'utf8').toLowerCase();
			return particular.filter((value) => text.includes(value.toLowerCase())).map((value) => `${relative(ROOT, file)}: ${value}`);
		});
		expect(found).toEqual([]);
	});
});

describe('where the site is published', async () => {
	const { deployment } = await import('../../src/data/loadSite.ts');
	it("is content/site.yaml's url and base, which PLAYBOOK_SITE and PLAYBOOK_BASE override for a CI job", () => {
		expect(deployment({ base: '/' }, {})).toEqual({ site: undefined, base: '/' });
		expect(deployment({ url: 'https://docs.example', base: '/runbooks/' }, {})).toEqual({
			site: 'https://docs.example',
			base: '/runbooks/',
		});
		expect(deployment({ base: '/' }, { PLAYBOOK_SITE: 'https://org.github.io', PLAYBOOK_BASE: 'playbook' })).toEqual({
			site: 'https://org.github.io',
			base: '/playbook/',
		});
		expect(() => deployment({ base: '/' }, { PLAYBOOK_SITE: 'org.github.io' })).toThrow(/PLAYBOOK_SITE/);
	});
});

describe('a broken site setting', () => {
	it('stops loadSite with the file and the field, in plain text', () => {
		const settings = parse(readFileSync(join(ROOT, 'content/site.yaml'), 'utf8')) as Record<string, unknown>;
		const file = join(mkdtempSync(join(tmpdir(), 'site-')), 'site.yaml');
		writeFileSync(file, stringify({ ...settings, staleAfterDays: 'soon' }));
		const message = (() => {
			try {
				loadSite(file);
				return '';
			} catch (error) {
				return (error as Error).message;
			}
		})();
		expect(message).toContain(`${file}: staleAfterDays: `);
		expect(message).not.toContain('**');
	});
});
