import { parse } from 'parse5';
import { describe, expect, it } from 'vitest';
import { checkTemplate, FORWARD_TEMPLATE, forwardPage, forwardPageFolder, inSitemap } from '../../src/build/alertForwardPages.ts';
import { alertPages } from '../../src/integrations/alertPages.ts';
import { ROUTES } from '../../src/lib/urls.ts';

const { alert, scenario } = FORWARD_TEMPLATE;
/** A template as the route renders it: the stand-ins in the refresh, the title, the data and the link. */
const template = [
	'<!DOCTYPE html><html><head>',
	`<meta http-equiv="refresh" content="0; url=/pb/scenarios/${scenario}/?alert=${alert}">`,
	`<title>Runbook for ${alert}</title></head><body>`,
	`<main data-alert="${alert}" data-scenario="${scenario}"><p>Opening the runbook for <a href="/pb/scenarios/${scenario}/?alert=${alert}">${alert}</a>…</p></main>`,
	'</body></html>',
].join('');

/** What a browser reads from a page: the link's address and text, the data, the title. */
function read(html: string) {
	const document = parse(html);
	const all: Array<{ nodeName: string; attrs?: Array<{ name: string; value: string }>; childNodes?: unknown[]; value?: string }> = [];
	const walk = (node: (typeof all)[number]) => {
		all.push(node);
		for (const child of (node.childNodes ?? []) as Array<(typeof all)[number]>) walk(child);
	};
	walk(document as unknown as (typeof all)[number]);
	const attr = (name: string, node?: (typeof all)[number]) => node?.attrs?.find((a) => a.name === name)?.value;
	const text = (node?: (typeof all)[number]): string =>
		node?.nodeName === '#text' ? node.value! : ((node?.childNodes ?? []) as Array<(typeof all)[number]>).map(text).join('');
	const link = all.find((n) => n.nodeName === 'a');
	const main = all.find((n) => n.nodeName === 'main');
	const refresh = attr(
		'content',
		all.find((n) => n.nodeName === 'meta'),
	);
	return {
		href: new URL(attr('href', link)!, 'https://x.example'),
		refresh: new URL(refresh!.replace(/^0; url=/, ''), 'https://x.example'),
		linkText: text(link),
		title: text(all.find((n) => n.nodeName === 'title')),
		data: [attr('data-alert', main), attr('data-scenario', main)],
	};
}

describe('an alert forward page, from the template', () => {
	it('carries the alert and its runbook in each place, as a browser reads them', () => {
		for (const name of ['HighErrorRate', 'Quota "soft" <80> & $& more', "It's <b>bold</b>", 'a+b=c?d', 'Überlast 🚨']) {
			const page = read(forwardPage(template, { alert: name, scenario: 'search-slow' }));
			for (const url of [page.href, page.refresh]) {
				expect(url.pathname).toBe('/pb/scenarios/search-slow/');
				expect([...url.searchParams]).toEqual([['alert', name]]);
			}
			expect(page.linkText).toBe(name);
			expect(page.title).toBe(`Runbook for ${name}`);
			expect(page.data).toEqual([name, 'search-slow']);
		}
	});

	it('writes no markup from a name', () => {
		const html = forwardPage(template, { alert: '<img src=x onerror=alert(1)>', scenario: 'down' });
		expect(html).not.toContain('<img');
		expect(html).not.toContain(alert);
		expect(html).not.toContain(scenario);
	});

	it('refuses a template that lost a stand-in, or names its own folder', () => {
		expect(() => checkTemplate(template)).not.toThrow();
		expect(() => checkTemplate(template.replaceAll(`data-alert="${alert}"`, 'data-alert=""'))).toThrow(/lacks/);
		expect(() => checkTemplate(template.replaceAll(scenario, 'down'))).toThrow(/lacks/);
		expect(() => checkTemplate(`${template}<a href="/alerts/${FORWARD_TEMPLATE.key}/">`)).toThrow(/own folder/);
	});
});

describe('the folder of an alert page', () => {
	it('is the key, for a key a host serves as one folder', () => {
		expect(forwardPageFolder('higherrorrate')).toBe('higherrorrate');
		expect(forwardPageFolder('quota "soft" <80> & $& more')).toBe('quota "soft" <80> & $& more');
	});

	it('is none for a key that would be another path, or that a URL cannot carry as it is', () => {
		for (const key of ['', '.', '..', 'eu/west', '../index', 'a\\b', 'a?b', 'a#b', '100%', 'tab\there'])
			expect(forwardPageFolder(key), key).toBeUndefined();
	});
});

describe('the sitemap', () => {
	it('leaves out the alert forward pages, under any base, and keeps every other page', () => {
		for (const base of ['/', '/pb/', '/pb']) {
			const page = (path: string) => `https://x.example${base.replace(/\/?$/, '/')}${path}`;
			const keep = inSitemap(base);
			expect(keep(page('alerts/higherrorrate/'))).toBe(false);
			expect(keep(page(`alerts/${FORWARD_TEMPLATE.key}/`))).toBe(false);
			expect(keep(page('alerts/'))).toBe(true);
			expect(keep(page('scenarios/alerts/'))).toBe(true);
			expect(keep(page(''))).toBe(true);
		}
	});
});

describe('the alert pages integration', () => {
	const injected = (command: 'build' | 'dev') => {
		const patterns: string[] = [];
		const setup = alertPages().hooks['astro:config:setup'] as (options: unknown) => void;
		setup({ command, injectRoute: (route: { pattern: string }) => patterns.push(route.pattern) });
		return patterns;
	};
	it("renders the forward page's template only in a build, which writes the alerts' pages from it", () => {
		expect(injected('build')).toEqual([ROUTES.alerts, `${ROUTES.alerts}[alert]/`]);
		expect(injected('dev')).toEqual([ROUTES.alerts]);
	});
});
