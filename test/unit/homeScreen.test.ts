import { describe, expect, it } from 'vitest';
import { barActions, updateTemplate } from '../../src/lib/barActions.ts';
import { workspaceHref } from '../../src/lib/urls.ts';
import type { Deadline } from '../../src/lib/clocks.ts';
import { shortName, webManifest } from '../../src/lib/webManifest.ts';

const site = { title: 'Runbook of Acme Widgets', description: 'What to do when widgets stop.' };

describe('the web app manifest', () => {
	it('opens on the workspace, installs in its own window, and names its icons', () => {
		const manifest = webManifest(site);
		expect(manifest).toMatchObject({ name: 'Runbook of Acme Widgets', start_url: '/incident/', scope: '/', display: 'standalone' });
		const icons = manifest['icons'] as { sizes: string; purpose: string; type: string }[];
		expect(icons.map((i) => `${i.purpose} ${i.type} ${i.sizes}`)).toEqual([
			'any image/svg+xml any',
			'any image/png 192x192',
			'any image/png 512x512',
			'maskable image/png 512x512',
		]);
	});

	it('keeps every URL under the base path the site is built for', () => {
		const manifest = webManifest(site, '/playbook/');
		expect(manifest).toMatchObject({ id: '/playbook/', start_url: '/playbook/incident/', scope: '/playbook/' });
		const urls = [
			...(manifest['icons'] as { src: string }[]).map((i) => i.src),
			...(manifest['shortcuts'] as { url: string }[]).map((s) => s.url),
		];
		expect(urls.every((url) => url.startsWith('/playbook/'))).toBe(true);
	});

	it('gives the home screen a short name', () => {
		expect(shortName('Playbook')).toBe('Playbook');
		expect(shortName('Incident Response Playbook')).toBe('Playbook');
		expect(shortName('Procedimientos-de-incidentes')).toHaveLength(12);
	});
});

describe('what the incident bar offers', () => {
	const update = (state: Deadline['state']): Deadline => ({
		id: 'update',
		kind: 'update',
		label: 'Next status update',
		detail: '',
		at: 0,
		state,
	});
	const incident = { id: 'inc-20260101-0300-ab', scenarios: ['cache-stampede'] };

	it('the update only once it is due, then the runbook', () => {
		expect(barActions(incident, [update('upcoming')], '/tools/', true).map((a) => a.label)).toEqual(['Runbook']);
		expect(barActions(incident, [update('overdue')], '/tools/', true).map((a) => a.label)).toEqual(['Post the update', 'Runbook']);
		expect(barActions(incident, [update('due')], '/tools/', false).map((a) => a.label)).toEqual(['Runbook']);
	});

	it('not the page it is on, and no runbook for an incident without a scenario', () => {
		expect(barActions(incident, [], '/scenarios/cache-stampede/', true)).toEqual([]);
		expect(barActions({ id: 'inc-x', scenarios: [] }, [], '/tools/', true)).toEqual([]);
	});

	it('leads to the workspace on the incident the bar shows, not the one last worked on', () => {
		const url = new URL(workspaceHref(incident), 'http://site');
		expect(url.pathname).toBe('/incident/');
		expect(url.searchParams.get('incident')).toBe(incident.id);
	});

	it('finds the status update among the templates: the message that says when the next one comes', () => {
		const templates = [
			{ id: 'declare', kind: 'message', fields: [{ from: 'impact' as const }] },
			{ id: 'report', kind: 'document', fields: [{ from: 'nextUpdate' as const }] },
			{ id: 'progress', kind: 'message', fields: [{}, { from: 'nextUpdate' as const }] },
		];
		expect(updateTemplate(templates)?.id).toBe('progress');
	});
});
