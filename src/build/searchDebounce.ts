import type { Plugin } from 'vite';

/** The module Starlight generates from its `pagefind` option and spreads into Pagefind UI's options. */
const PAGEFIND_CONFIG = 'virtual:starlight/pagefind-config';

/**
 * Pagefind UI waits 300 ms after each keystroke before it searches. Starlight passes its
 * generated Pagefind config to the UI as is, but its schema drops options it does not know, so
 * the wait is set here, on the generated module. The build fails if Starlight stops generating
 * that module, rather than silently searching slowly again.
 */
export function searchDebounce(ms: number): Plugin {
	let applied = false;
	return {
		name: 'playbook:search-debounce',
		enforce: 'post',
		transform(code, id) {
			if (!id.endsWith(PAGEFIND_CONFIG)) return;
			if (!/export const pagefindUserConfig\b/.test(code)) this.error(`${PAGEFIND_CONFIG} no longer exports pagefindUserConfig: update src/build/searchDebounce.ts`);
			applied = true;
			return `${code}\npagefindUserConfig.debounceTimeoutMs = ${JSON.stringify(ms)};\n`;
		},
		buildEnd() {
			if (this.environment.name === 'client' && !applied) this.error(`Search was built without ${PAGEFIND_CONFIG}: update src/build/searchDebounce.ts`);
		},
	};
}
