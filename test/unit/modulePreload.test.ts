import { init } from 'es-module-lexer';
import { beforeAll, describe, expect, it } from 'vitest';
import { pageEntries, staticImports } from '../../src/integrations/modulePreload.ts';

beforeAll(async () => {
	await init;
});

describe('the modules a page lists for the browser to fetch at once', () => {
	it('starts from its islands, its module scripts and what inline ones import', () => {
		const html = [
			'<script type="module" src="/base/_astro/Banner.js"></script>',
			'<astro-island uid="a" component-url="/base/_astro/Checklist.js" renderer-url="/base/_astro/client.js" ssr></astro-island>',
			'<astro-island uid="b" component-url="/base/_astro/Checklist.js" renderer-url="/base/_astro/client.js" ssr></astro-island>',
			'<script type="module">import { a } from "/base/_astro/copy.js"; a();</script>',
			'<script>console.log("not a module")</script>',
		].join('');
		const entries = pageEntries(html);
		expect(entries.islands).toEqual(['/base/_astro/Checklist.js', '/base/_astro/client.js']);
		expect(entries.scripts).toEqual(['/base/_astro/Banner.js']);
		expect(entries.inline.flatMap((code) => staticImports(code, '/base/'))).toEqual(['/base/_astro/copy.js']);
	});

	it('follows static imports and re-exports, not the imports made on demand', () => {
		const code =
			'import{a as e}from"./runbook.js";export{n as default}from"./vendor-preact.js";' +
			'const l=()=>import("/base/_astro/DeclareDialog.onDemand.js");import"/base/_astro/side.js";';
		expect(staticImports(code, '/base/_astro/Checklist.js')).toEqual([
			'/base/_astro/runbook.js',
			'/base/_astro/vendor-preact.js',
			'/base/_astro/side.js',
		]);
	});
});
