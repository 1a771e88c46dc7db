import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';

/** Every selector of a style sheet, split at the commas between them (not those inside parentheses). */
function selectors(css: string): string[] {
	const found: string[] = [];
	for (const [, prelude] of css.replace(/\/\*[\s\S]*?\*\//g, '').matchAll(/([^{}]+)\{/g)) {
		if (prelude!.trim().startsWith('@')) continue;
		let depth = 0;
		let start = 0;
		for (let i = 0; i < prelude!.length; i++) {
			const c = prelude![i];
			if (c === '(') depth++;
			else if (c === ')') depth--;
			else if (c === ',' && depth === 0) {
				found.push(prelude!.slice(start, i).trim());
				start = i + 1;
			}
		}
		found.push(prelude!.slice(start).trim());
	}
	return found;
}

/**
 * A selector that restyles the page under `html`, `:root` or `body` by a `:has()` of what is anywhere inside
 * it (`html:has(#note) .button`): Chromium then restyles every element of the page on any change to it, as a
 * tick adds its time (a runbook's tick restyled 397 elements, 4 ms before it was painted).
 */
function restylesWholePage(selector: string): boolean {
	return /^(?:html|:root|body)(?:[.#[:](?!has\()[^\s>~+]*)*:has\((?![>~+])[^)]*\)(?:[^\s>~+]*)\s*[\s>~+]\s*\S/.test(selector);
}

describe('a selector that restyles the whole page on any change', () => {
	it('is one that looks into the page from its root and styles what is under it', () => {
		expect(restylesWholePage('html:has(#alert-note:not([hidden])) [data-declare-here]')).toBe(true);
		expect(restylesWholePage('body.x:has(.result-bar) main')).toBe(true);
		expect(restylesWholePage(':root:has(dialog[open]) > body')).toBe(true);
	});

	it('is not one that styles the root itself, looks only at its children, or starts lower', () => {
		expect(restylesWholePage('body:has(#starlight__sidebar:popover-open)')).toBe(false);
		expect(restylesWholePage('body:has(> .result-bar) main')).toBe(false);
		expect(restylesWholePage('#alert-note:not([hidden]) ~ * [data-declare-here]')).toBe(false);
		expect(restylesWholePage('.code-block:has(> figcaption) > pre')).toBe(false);
	});

	it('splits a rule at its commas, not those inside parentheses', () => {
		expect(selectors('a, b:is(c, d) e { x: y } /* f { } */ @media (w) { g { z: 0 } }')).toEqual(['a', 'b:is(c, d) e', 'g']);
	});
});

describe('the built style sheets', () => {
	it('hold no selector that restyles the whole page on any change', () => {
		const dist = inject('dist');
		const sheets = readdirSync(join(dist, '_astro')).filter((f) => f.endsWith('.css'));
		expect(sheets.length).toBeGreaterThan(0);
		const found = sheets.flatMap((sheet) => selectors(readFileSync(join(dist, '_astro', sheet), 'utf8')).filter(restylesWholePage));
		expect(found).toEqual([]);
	});
});
