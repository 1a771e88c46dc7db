import { describe, expect, it } from 'vitest';
import { quietHeadInject } from '../../src/build/quietWarnings.ts';

describe("the build's warnings", () => {
	it('are all printed but the head-inject directive every MDX entry carries', () => {
		const printed: string[] = [];
		const print = (w: { message: string }) => printed.push(w.message);
		const headInject =
			'The semantics of the module level directive "use astro:head-inject" in "content/docs/a.mdx?astroPropagatedAssets" may not be preserved when bundling.';
		const useClient = 'The semantics of the module level directive "use client" in "src/x.ts" may not be preserved when bundling.';
		quietHeadInject({ code: 'MODULE_LEVEL_DIRECTIVE', message: headInject }, print);
		quietHeadInject({ code: 'MODULE_LEVEL_DIRECTIVE', message: useClient }, print);
		quietHeadInject({ code: 'CIRCULAR_DEPENDENCY', message: headInject }, print);
		quietHeadInject({ message: 'no code' }, print);
		expect(printed).toEqual([useClient, headInject, 'no code']);
	});
});
