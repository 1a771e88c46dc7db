import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parse, type HTMLElement } from 'node-html-parser';
import { describe, expect, inject, it } from 'vitest';
import { sitePath } from '../../src/lib/urls.ts';

const dist = inject('dist');

/** Every page's text as the search index holds it (Pagefind's fragments), by site path. */
function indexedText(): Map<string, string> {
	const dir = join(dist, 'pagefind', 'fragment');
	const pages = new Map<string, string>();
	for (const file of readdirSync(dir)) {
		const raw = gunzipSync(readFileSync(join(dir, file))).toString('utf8');
		const fragment = JSON.parse(raw.slice(raw.indexOf('{'))) as { url: string; content: string };
		pages.set(sitePath(fragment.url) ?? fragment.url, fragment.content);
	}
	return pages;
}

const words = (el: HTMLElement) => el.textContent.replace(/\s+/g, ' ').trim();

/** Pairs of neighbouring cells and terms whose words a reader sees apart: a term and its description, two header cells. */
function neighbours(html: string): [string, string][] {
	const body = parse(html).querySelector('[data-pagefind-body]');
	if (!body) return [];
	const pairs: [string, string][] = [];
	for (const dt of body.querySelectorAll('dt')) {
		const dd = dt.nextElementSibling;
		if (dd?.tagName === 'DD') pairs.push([words(dt), words(dd)]);
	}
	for (const dd of body.querySelectorAll('dd')) {
		const dt = dd.nextElementSibling;
		if (dt?.tagName === 'DT') pairs.push([words(dd), words(dt)]);
	}
	for (const row of body.querySelectorAll('thead tr')) {
		const cells = row.querySelectorAll('th').map(words);
		for (let i = 1; i < cells.length; i++) pairs.push([cells[i - 1]!, cells[i]!]);
	}
	// Inline elements side by side with nothing between them: a reader sees them apart (a flex gap,
	// a line of their own), the index would join their words.
	const INLINE = new Set(['SPAN', 'STRONG', 'EM', 'CODE', 'A', 'SMALL', 'B', 'I', 'TIME']);
	for (const el of body.querySelectorAll('*')) {
		const next = el.nextElementSibling;
		if (!next || !INLINE.has(el.tagName) || !INLINE.has(next.tagName) || el.closest('[data-pagefind-ignore]')) continue;
		const siblings = el.parentNode?.childNodes ?? [];
		const between = siblings.slice(siblings.indexOf(el) + 1, siblings.indexOf(next));
		if (between.every((node) => node.rawText === '')) pairs.push([words(el), words(next)]);
	}
	return pairs.filter(([a, b]) => a !== '' && b !== '');
}

describe('the text search results show', () => {
	it('keeps the words of neighbouring terms, descriptions and header cells apart', () => {
		const text = indexedText();
		let checked = 0;
		const joined: string[] = [];
		for (const [path, content] of text) {
			const file = join(dist, path.replace(/^\//, ''), path.endsWith('.html') ? '' : 'index.html');
			const pairs = neighbours(readFileSync(file, 'utf8'));
			for (const [a, b] of pairs) {
				checked++;
				const flat = content.replace(/\s+/g, ' ');
				if (flat.includes(`${a}${b.slice(0, 12)}`)) joined.push(`${path}: "${a}${b.slice(0, 12)}"`);
			}
		}
		expect(checked).toBeGreaterThan(5);
		expect(joined).toEqual([]);
	});

	it("leaves out the checklists' running counts, which say nothing of what a page is about", () => {
		const counted = [...indexedText()].filter(([, content]) => /\b\d+ of \d+ (steps )?done\b/.test(content)).map(([path]) => path);
		expect(counted).toEqual([]);
	});
});
