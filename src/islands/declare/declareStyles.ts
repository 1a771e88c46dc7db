import href from '../../styles/declare.css?url';

/** The URL of the declare styles (the result bar, the dialog, what comes next), built under the base path. */
export const DECLARE_STYLES = href;

let loaded: Promise<void> | undefined;
/**
 * Link the declare styles once, when the declare code loads on a page that did not link them:
 * they stay out of every page's own styles. Resolves when they apply (or failed to load).
 */
export function loadDeclareStyles(): Promise<void> {
	loaded ??= new Promise((resolve) => {
		if (document.querySelector(`link[href="${href}"]`)) return resolve();
		const link = document.createElement('link');
		link.rel = 'stylesheet';
		link.href = href;
		link.onload = link.onerror = () => resolve();
		document.head.append(link);
	});
	return loaded;
}
