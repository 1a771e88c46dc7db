import { describe, expect, it } from 'vitest';
import { alertPath, href, scenarioPath, sitePath } from '../../src/lib/urls.ts';

describe('site URLs under a base path', () => {
	it('puts every site path under the base', () => {
		expect(href('/incident/', '/')).toBe('/incident/');
		expect(href('/incident/', '/playbook/')).toBe('/playbook/incident/');
		expect(href('/', '/playbook/')).toBe('/playbook/');
		expect(href(scenarioPath('service-down'), '/runbooks/')).toBe('/runbooks/scenarios/service-down/');
	});

	it('refuses a path that is not a site path', () => {
		expect(() => href('incident/', '/')).toThrow(/starts with "\/"/);
	});

	it('reads a URL back to its site path, and nothing outside the base', () => {
		expect(sitePath('/playbook/classify/', '/playbook/')).toBe('/classify/');
		expect(sitePath('/playbook', '/playbook/')).toBe('/');
		expect(sitePath('/other/classify/', '/playbook/')).toBeNull();
	});

	it('encodes alert names so any name is one path segment', () => {
		expect(alertPath('High Error/Rate')).toBe('/alerts/High%20Error%2FRate/');
	});
});

describe('links written in content', async () => {
	const { withBase } = await import('../../src/build/baseLinks.ts');
	it('follow the base path when they are root-absolute, and stay as written otherwise', () => {
		expect(withBase('/classify/', '/playbook/')).toBe('/playbook/classify/');
		expect(withBase('/classify/#levels', '/playbook/')).toBe('/playbook/classify/#levels');
		expect(withBase('/playbook/classify/', '/playbook/')).toBe('/playbook/classify/');
		expect(withBase('/classify/', '/')).toBe('/classify/');
		for (const other of ['#top', 'classify/', 'https://example.com/x', '//cdn.example.com/x', 'mailto:a@b.c'])
			expect(withBase(other, '/playbook/')).toBe(other);
	});
});
