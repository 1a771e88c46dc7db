import { describe, expect, it } from 'vitest';
import { parse } from 'parse5';
import { escapeHtml, renderPlaybookDocument, SECTIONS, type DocumentOptions } from '../../src/lib/playbookDocument.ts';
import type { Playbook } from '../../src/lib/playbook.ts';
import { playbookFromFiles } from '../support/playbookFromFiles.ts';

const options: DocumentOptions = {
	css: 'body{margin:0}',
	policy: "default-src 'none'",
	sections: Object.fromEntries(
		SECTIONS.map((id) => [id, { title: `Title of ${id}`, intro: `Intro of ${id}` }]),
	) as DocumentOptions['sections'],
};

/** Every text node of an HTML document, joined: what a reader sees. */
function visibleText(html: string): string {
	const out: string[] = [];
	const walk = (node: object) => {
		if ('nodeName' in node && node.nodeName === '#text' && 'value' in node) out.push(String(node.value));
		if ('childNodes' in node && Array.isArray(node.childNodes)) for (const child of node.childNodes) walk(child);
	};
	walk(parse(html));
	return out.join('');
}

describe('renderPlaybookDocument', () => {
	const playbook = playbookFromFiles();
	const html = renderPlaybookDocument(playbook, options);
	const text = visibleText(html);

	it('has every section, with its heading and intro, in order', () => {
		const positions = SECTIONS.map((id) => html.indexOf(`<h2 id="${id}">Title of ${id}</h2><p>Intro of ${id}`));
		expect(positions.every((p) => p > 0)).toBe(true);
		expect([...positions].sort((a, b) => a - b)).toEqual(positions);
	});

	it('has every severity, phase step, scenario step, command, template, rung and resource', () => {
		for (const s of playbook.severities) for (const c of s.criteria) expect(text).toContain(c.text);
		for (const p of playbook.phases) {
			expect(text).toContain(p.title);
			for (const g of p.groups) {
				for (const step of g.steps) expect(text).toContain(step.text);
				for (const block of g.commands ?? []) expect(text).toContain(block.code.trimEnd());
			}
		}
		for (const s of playbook.scenarios) {
			for (const step of [...s.symptoms, ...s.response, ...(s.mitigation ?? [])]) expect(text).toContain(step.text);
			for (const r of s.rollback ?? []) expect(text).toContain(r.commands?.code.trimEnd() ?? r.manual);
			for (const name of [...(s.alerts ?? []), ...(s.aliases ?? [])]) expect(text).toContain(name);
		}
		expect(playbook.scenarios.some((s) => (s.aliases ?? []).length > 0)).toBe(true);
		for (const t of playbook.templates) expect(text).toContain(t.title);
		for (const r of playbook.escalation) expect(text).toContain(r.role);
		for (const item of playbook.site.resources.flatMap((g) => g.items)) expect(text).toContain(item.name);
	});

	it('loads nothing and runs nothing: no scripts, no external resources', () => {
		expect(html).not.toMatch(/<script|<link|<img|<iframe|\ssrc=|@import|url\(/i);
		expect(html).toContain(`<meta http-equiv="content-security-policy" content="default-src 'none'">`);
	});

	it('shows hostile text as text', () => {
		const hostile: Playbook = structuredClone(playbook);
		const evil = '<script>alert(1)</script><img src=x onerror=alert(2)>"';
		hostile.scenarios[0]!.symptoms[0]!.text = evil;
		hostile.site.title = evil;
		const out = renderPlaybookDocument(hostile, options);
		expect(out).not.toContain('<script>alert');
		expect(out).not.toContain('<img');
		expect(visibleText(out)).toContain(evil);
	});
});

describe('escapeHtml', () => {
	it('escapes the characters that could open markup or end an attribute', () => {
		expect(escapeHtml('a & b < c > d "e"')).toBe('a &#38; b &#60; c &#62; d &#34;e&#34;');
	});
});
