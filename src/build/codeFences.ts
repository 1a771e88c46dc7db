import { defineHastPlugin } from 'satteri';
import type { Element, ElementContent } from 'hast';
import { COPY_BUTTON_CLASS, copyButtonLabel } from '../lib/copyButton.ts';

/**
 * Markdown code fences written in content pages, shaped like `CodeBlock.astro`: a figure with an
 * optional caption, a focusable <pre> (so keyboard users can scroll a long line) and its copy
 * button (src/lib/copyButton.ts). Fence options follow the usual spelling, e.g.
 * ```yaml title="content/site.yaml" wrap
 * where `title="…"` becomes the caption and `wrap` wraps long lines instead of scrolling sideways.
 */
export const codeFences = defineHastPlugin({
	name: 'playbook-code-fences',
	element: {
		filter: ['pre'],
		visit(pre, ctx) {
			const code = pre.children.find((c): c is Element => c.type === 'element' && c.tagName === 'code');
			if (!code) return;
			const data = (code.data ?? {}) as { lang?: unknown; meta?: unknown };
			const options = fenceOptions(typeof data.meta === 'string' ? data.meta : '');
			const lang = typeof data.lang === 'string' && data.lang ? data.lang : 'text';
			const children: ElementContent[] = [];
			if (options.title)
				children.push({ type: 'element', tagName: 'figcaption', properties: {}, children: [{ type: 'text', value: options.title }] });
			children.push({
				type: 'element',
				tagName: 'pre',
				properties: { tabIndex: 0 },
				children: [
					{
						type: 'element',
						tagName: 'code',
						properties: { className: [`language-${lang}`] },
						children: [{ type: 'text', value: ctx.textContent(code) }],
					},
				],
			});
			children.push(
				{
					type: 'element',
					tagName: 'button',
					properties: {
						type: 'button',
						className: COPY_BUTTON_CLASS.split(' '),
						ariaLabel: copyButtonLabel(options.title),
						dataAwaitsScript: '',
						ariaHidden: 'true',
					},
					children: [{ type: 'text', value: 'Copy' }],
				},
				{ type: 'element', tagName: 'span', properties: { className: ['sr-only'], role: 'status' }, children: [] },
			);
			ctx.replaceNode(pre, {
				type: 'element',
				tagName: 'figure',
				properties: { className: ['code-block', 'not-content', ...(options.wrap ? ['wrap'] : [])], dataLang: lang },
				children,
			});
		},
	},
});

/** Read `title="…"` and a bare `wrap` from a fence's info string, after the language. */
export function fenceOptions(meta: string): { title?: string; wrap: boolean } {
	const title = /\btitle=(?:"([^"]*)"|'([^']*)')/.exec(meta);
	const rest = meta.replace(/\btitle=(?:"[^"]*"|'[^']*')/, ' ');
	const value = title?.[1] ?? title?.[2];
	return { ...(value ? { title: value } : {}), wrap: /(^|\s)wrap(\s|$)/.test(rest) };
}
