import { markdownToHtml } from 'satteri';
import { describe, expect, it } from 'vitest';
import { codeFences, fenceOptions } from '../../src/build/codeFences.ts';

describe('code fences in content pages', () => {
	it('reads a caption and wrapping from the info string', () => {
		expect(fenceOptions('title="content/site.yaml" wrap')).toEqual({ title: 'content/site.yaml', wrap: true });
		expect(fenceOptions("title='a wrap b.yaml'")).toEqual({ title: 'a wrap b.yaml', wrap: false });
		expect(fenceOptions('')).toEqual({ wrap: false });
	});

	it('render as the same focusable, captioned block as the runbook commands', () => {
		const { html } = markdownToHtml('```yaml title="content/site.yaml" wrap\nx: <1>\n```\n', { hastPlugins: [codeFences] });
		expect(html).toContain('<figure class="code-block not-content wrap" data-lang="yaml"><figcaption>content/site.yaml</figcaption>');
		expect(html).toContain('<pre tabindex="0"><code class="language-yaml">x: &lt;1&gt;\n</code></pre><button');
		// Its copy button is there from the first paint, named by the caption, unseen until the copy script runs.
		const button = /<button[^>]*>Copy<\/button><span class="sr-only" role="status"><\/span><\/figure>/.exec(html)?.[0] ?? '';
		expect(button).toContain('aria-label="Copy content/site.yaml"');
		expect(button).toContain('data-awaits-script');
		expect(button).toContain('aria-hidden="true"');
	});
});
