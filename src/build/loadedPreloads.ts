import type { Plugin, Rolldown } from 'vite';

/** What a chunk imports statically, by file name, as the bundle lists it. */
export type StaticImports = (file: string) => readonly string[] | undefined;

/** Every file a chunk's static imports reach, itself included: all loaded before its code runs. */
export function loadedWith(host: string, importsOf: StaticImports): Set<string> {
	const loaded = new Set<string>();
	const queue = [host];
	for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
		if (loaded.has(file)) continue;
		loaded.add(file);
		queue.push(...(importsOf(file) ?? []));
	}
	return loaded;
}

/**
 * What an `import()` should fetch alongside its module: the files it needs that the importing
 * chunk has not already loaded. Vite lists them all, those the page already runs included (the
 * incident bar, the URLs, its own helper), in a table written into every chunk with an `import()`;
 * they cost bytes on every page and fetch nothing. The module itself stays first, fetched with
 * the rest rather than after them; alone, it needs no list (the import fetches it).
 */
export function preloadsNeeded(target: string, deps: readonly string[], loaded: ReadonlySet<string>): string[] {
	const needed = deps.filter((dep) => !loaded.has(dep));
	return needed.length === 1 && needed[0] === target ? [] : needed;
}

/**
 * Trims the preload lists of the browser build (see preloadsNeeded). Astro fixes the build's
 * `modulePreload` option, so it is set per environment, where a plugin has the last word.
 */
export function loadedPreloads(): Plugin {
	let bundle: Rolldown.OutputBundle | undefined;
	const loaded = new Map<string, Set<string>>();
	const importsOf: StaticImports = (file) => {
		const chunk = bundle?.[file];
		return chunk?.type === 'chunk' ? chunk.imports : undefined;
	};
	return {
		name: 'playbook:loaded-preloads',
		applyToEnvironment: (environment) => environment.name === 'client',
		configEnvironment(name) {
			if (name !== 'client') return;
			return {
				build: {
					modulePreload: {
						polyfill: false,
						resolveDependencies(target, deps, { hostId, hostType }) {
							if (hostType !== 'js' || !bundle) return deps;
							let reached = loaded.get(hostId);
							if (!reached) loaded.set(hostId, (reached = loadedWith(hostId, importsOf)));
							return preloadsNeeded(target, deps, reached);
						},
					},
				},
			};
		},
		// Before Vite's own step that writes the lists, which asks resolveDependencies above.
		generateBundle: {
			order: 'pre',
			handler(_options, output) {
				bundle = output;
				loaded.clear();
			},
		},
	};
}
