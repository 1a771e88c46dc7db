import { webcrypto } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hashSource, inlineSources, parseInlineSources, scanInlineSources } from '../../src/integrations/inlineSources.ts';
import { composePolicy, headerPolicy } from '../../src/integrations/policy.ts';

/** The hash source computed another way (Web Crypto), to check the one the build uses. */
async function expected(text: string): Promise<string> {
	const digest = await webcrypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
	return `'sha256-${Buffer.from(digest).toString('base64')}'`;
}

const page = (head: string, body = '') => `<!DOCTYPE html><html><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`;

describe('inlineSources', () => {
	it('hashes inline scripts and styles, not scripts loaded by src', async () => {
		const found = inlineSources(
			page('<script>let a = "é";</script><script type="module" src="/x.js"></script><style>p{color:red}</style>'),
		);
		expect(found.scripts).toEqual([await expected('let a = "é";')]);
		expect(found.styles).toEqual([await expected('p{color:red}')]);
	});

	it('hashes style attributes as the browser decodes them, once each', async () => {
		const found = inlineSources(
			page(
				'',
				'<p style="font-family:&quot;Mono&quot;">a</p><p style="font-family:&quot;Mono&quot;">b</p><svg><path style="fill:red"/></svg>',
			),
		);
		expect(found.styleAttributes).toEqual([await expected('font-family:"Mono"'), await expected('fill:red')]);
	});

	it('finds scripts inside <template> content', async () => {
		expect(inlineSources(page('', '<template><script>go()</script></template>')).scripts).toEqual([await expected('go()')]);
	});

	it('puts the policy right after <meta charset>, else right after <head>', () => {
		const html = page('<title>t</title>');
		expect(html.slice(0, inlineSources(html).insertAt)).toMatch(/<meta charset="utf-8">$/);
		const bare = '<!DOCTYPE html><html><head><title>t</title></head></html>';
		expect(bare.slice(0, inlineSources(bare).insertAt)).toMatch(/<head>$/);
	});

	it('knows when a page declares its own policy', () => {
		expect(inlineSources(page('<meta http-equiv="Content-Security-Policy" content="default-src \'none\'">')).hasPolicy).toBe(true);
		expect(inlineSources(page('')).hasPolicy).toBe(false);
	});

	it('refuses a page without a <head> tag, where no policy could go first', () => {
		expect(() => inlineSources('<p>no head</p>')).toThrow(/no <head>/);
	});

	it('computes the same hash as Web Crypto', async () => {
		expect(hashSource('window.x = 1')).toBe(await expected('window.x = 1'));
	});
});

describe('scanInlineSources', () => {
	const pages = {
		'Starlight-like head': page(
			'<title>a &lt;b style="x"&gt;</title><template id="icons"><meta charset="x"><svg viewBox="0 0 1 1"><path d="M0"/></svg></template><script>if (a < b && c > d) go("</scrip");</script><style>a>b{color:red}</style>',
			'<svg aria-hidden="true"><use href="#i"/></svg><p style="color: red" STYLE="x">a</p><a href=x style=margin:0>b</a><!-- <script>no()</script> --><textarea><p style="no"></p></textarea>',
		),
		'upper-case tags and a script that ends in spaces': page('<SCRIPT>x()</SCRIPT ><Style media="print">p{}</STYLE>'),
		'a script loaded by src and one inline': page('<script type="module" src="/x.js"></script><script type="module">y()</script>'),
		'a page with its own policy': page('<meta http-equiv="Content-Security-Policy" content="default-src \'none\'">'),
		'no charset': '<!DOCTYPE html><html><head><title>t</title></head><body><p style="a:b">x</p></body></html>',
	};
	for (const [name, html] of Object.entries(pages)) {
		it(`reads ${name} as the parser does`, () => {
			const scanned = scanInlineSources(html);
			expect(scanned).toBeDefined();
			expect(scanned).toEqual(parseInlineSources(html));
		});
	}

	const parserOnly = {
		'a carriage return': page('<script>a()\r\nb()</script>'),
		'an entity in a style value': page('', '<p style="font-family:&quot;Mono&quot;">a</p>'),
		'a comment-like run in a script': page('<script><!-- <script>x</script> --></script>'),
		'an abrupt comment': page('<!--><script>x()</script>'),
		'a style in SVG': page('', '<svg><style>p{}</style></svg>'),
		'no <head> tag': '<!DOCTYPE html><meta charset="utf-8"><script>x()</script>',
		'a bogus end tag': page('', '</ <script>x()</script>'),
	};
	for (const [name, html] of Object.entries(parserOnly)) {
		it(`leaves a page with ${name} to the parser, which inlineSources() then uses`, () => {
			expect(scanInlineSources(html)).toBeUndefined();
			expect(inlineSources(html)).toEqual(parseInlineSources(html));
		});
	}
});

describe('composePolicy', () => {
	const hashes = { scripts: ["'sha256-s'"], styles: ["'sha256-e'"], styleAttributes: ["'sha256-a'"] };

	it('allows same-origin and the listed hashes only', () => {
		const policy = composePolicy(hashes);
		expect(policy).toContain("default-src 'self'");
		expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval' 'sha256-s'");
		expect(policy).toContain("style-src 'self' 'sha256-e'");
		expect(policy).toContain("style-src-attr 'unsafe-hashes' 'sha256-a'");
		expect(policy).toContain("object-src 'none'");
		expect(policy).toContain("base-uri 'self'");
		expect(policy).toContain("connect-src 'self'");
		expect(policy).not.toMatch(/'unsafe-inline'|'unsafe-eval'/);
	});

	it('refuses every style attribute when the pages have none', () => {
		expect(composePolicy({ scripts: [], styles: [], styleAttributes: [] })).toContain("style-src-attr 'none'");
	});

	it('leaves frame-ancestors to the header, where browsers honour it', () => {
		expect(composePolicy(hashes)).not.toContain('frame-ancestors');
	});
});

describe('headerPolicy', () => {
	it('refuses framing and keeps the resource rules of the pages', () => {
		const header = headerPolicy();
		expect(header).toContain("frame-ancestors 'none'");
		for (const directive of ["object-src 'none'", "base-uri 'self'", "connect-src 'self'", "form-action 'self'"]) {
			expect(header).toContain(directive);
			expect(composePolicy({ scripts: [], styles: [], styleAttributes: [] })).toContain(directive);
		}
	});

	it("names no script or style sources, so each page's hashes decide, and fits a Cloudflare Pages line", () => {
		expect(headerPolicy()).not.toMatch(/default-src|script-src|style-src|'unsafe-/);
		expect(`  Content-Security-Policy: ${headerPolicy()}`.length).toBeLessThan(2000);
	});
});

describe('the _headers file', async () => {
	const { headersFile } = await import('../../src/integrations/contentSecurityPolicy.ts');
	it('covers the site under its base path: policy on every file, the worker revalidated, hashed files cached for good', () => {
		const headers = headersFile('/playbook/');
		expect(headers).toMatch(
			/^\/playbook\/\*\n {2}Content-Security-Policy: .*frame-ancestors 'none'\n {2}X-Content-Type-Options: nosniff$/m,
		);
		expect(headers).toContain('/playbook/sw.js\n  Cache-Control: no-cache\n');
		expect(headers).toContain('/playbook/_astro/*\n  Cache-Control: public, max-age=31536000, immutable\n');
		expect(headersFile('/')).toMatch(/^\/\*\n/);
	});
});
