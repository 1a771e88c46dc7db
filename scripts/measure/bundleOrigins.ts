import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { Plugin } from 'vite';
import { originOf, packageOf, type Origin } from '../../src/build/moduleOrigin.ts';

/** Who wrote one JavaScript file of the built site, and which packages it holds. */
export interface FileOrigin {
	origin: Origin;
	/** npm packages with code in the file, e.g. ["preact"]; empty for our own and virtual modules. */
	packages: string[];
	/** Loaded only after a user action: reached from the pages only through on-demand modules. */
	onDemand?: boolean;
	/** Built from an on-demand module imported with `import()`: on demand wherever a page does not import it by itself. */
	onDemandEntry?: boolean;
}

/**
 * The marker for code a page loads only when the user asks for it (opening search, an export), or
 * only for what some visits show (a drill under way, a template that lists what others do not):
 * a source file named `*.onDemand.ts` or `*.onDemand.tsx`, imported with `import()`. Its chunk,
 * and any chunk only it needs, is not part of what a page costs to open: the budgets and the
 * benchmark report it apart. Code every visit of a page imports by itself (on idle, on load) must not use it.
 */
export const ON_DEMAND_MODULE = /\.onDemand\.[cm]?[jt]sx?$/;

/** A chunk of the browser build, as much of it as the on-demand rule needs. */
export interface ChunkLinks {
	fileName: string;
	isEntry: boolean;
	isDynamicEntry: boolean;
	facadeModuleId: string | null;
	imports: string[];
	dynamicImports: string[];
}

/**
 * Files reached from the pages only through on-demand modules: start from every entry and every
 * dynamic entry that is not on-demand, follow static imports and dynamic imports of anything but
 * on-demand entries; whatever is left is loaded only on a user action.
 */
export function onDemandFiles(chunks: readonly ChunkLinks[]): Set<string> {
	const byName = new Map(chunks.map((c) => [c.fileName, c]));
	const isOnDemand = (c: ChunkLinks | undefined) => !!c && c.isDynamicEntry && !c.isEntry && ON_DEMAND_MODULE.test(c.facadeModuleId ?? '');
	const reached = new Set<string>();
	const queue = chunks.filter((c) => c.isEntry || (c.isDynamicEntry && !isOnDemand(c))).map((c) => c.fileName);
	while (queue.length > 0) {
		const name = queue.pop()!;
		if (reached.has(name)) continue;
		reached.add(name);
		const chunk = byName.get(name);
		if (!chunk) continue;
		queue.push(...chunk.imports, ...chunk.dynamicImports.filter((d) => !isOnDemand(byName.get(d))));
	}
	return new Set(chunks.map((c) => c.fileName).filter((name) => !reached.has(name)));
}

/** What the last build put in the browser bundle: each script file and each inlined script. */
export interface BundleOrigins {
	/** Absolute path of the folder the site was built into. */
	outDir: string;
	/** By file path inside the built site ("_astro/page.Ab12.js"). */
	files: Record<string, FileOrigin>;
	/** By SHA-256 of the trimmed script text, for the small scripts Astro writes into the page. */
	inline: Record<string, FileOrigin>;
}

/** Where the build records its bundle origins: in the project's .astro folder, never in the site. */
export function bundleOriginsPath(root: string): string {
	return join(root, '.astro', 'bundle-origins.json');
}

/** Hash under which an inlined script is recorded. */
export function scriptHash(text: string): string {
	return createHash('sha256').update(text.trim()).digest('hex');
}

/** The origins recorded by the build of `dist`; fails if that build did not record them. */
export function readBundleOrigins(root: string, dist: string): BundleOrigins {
	const path = bundleOriginsPath(root);
	let origins: BundleOrigins;
	try {
		origins = JSON.parse(readFileSync(path, 'utf8')) as BundleOrigins;
	} catch {
		throw new Error(`${path} is missing: build the site with \`PLAYBOOK_MEASURE=1 npx astro build\` (a measuring build writes it).`);
	}
	if (resolve(origins.outDir) !== resolve(dist)) {
		throw new Error(`${path} describes a build into ${origins.outDir}, not ${dist}: build ${dist} again.`);
	}
	return origins;
}

/** A chunk's origin: our code if any module is ours, else a library if any is one, else the platform. */
function chunkOrigin(moduleIds: string[]): FileOrigin {
	const origins = new Set(moduleIds.map(originOf));
	const packages = [...new Set(moduleIds.map(packageOf).filter((p): p is string => p !== undefined))].sort();
	const origin: Origin = origins.has('first-party') ? 'first-party' : origins.has('library') ? 'library' : 'platform';
	return { origin, packages };
}

/**
 * Records, for every script of the browser build, whether it is our code, a library or the
 * platform, so page weights can be split that way from the built files. Astro inlines small
 * scripts into the page after bundling, so those are recorded by the hash of their text.
 */
export default function bundleOrigins(): AstroIntegration {
	const recorded: Omit<BundleOrigins, 'outDir'> = { files: {}, inline: {} };
	const plugin: Plugin = {
		name: 'playbook:bundle-origins',
		apply: 'build',
		applyToEnvironment: (environment) => environment.name === 'client',
		generateBundle: {
			// Before Astro's own hook takes the inlined scripts out of the bundle.
			order: 'pre',
			handler(_options, bundle) {
				const chunks = Object.values(bundle).filter((o) => o.type === 'chunk');
				const onDemand = onDemandFiles(chunks);
				for (const output of chunks) {
					const origin = {
						...chunkOrigin(output.moduleIds),
						...(onDemand.has(output.fileName) ? { onDemand: true } : {}),
						...(output.isDynamicEntry && ON_DEMAND_MODULE.test(output.facadeModuleId ?? '') ? { onDemandEntry: true } : {}),
					};
					recorded.files[output.fileName] = origin;
					recorded.inline[scriptHash(output.code)] = origin;
				}
			},
		},
	};
	let root = '';
	return {
		name: 'playbook:bundle-origins',
		hooks: {
			'astro:config:setup': ({ config, updateConfig }) => {
				root = fileURLToPath(config.root);
				updateConfig({ vite: { plugins: [plugin] } });
			},
			'astro:build:done': ({ dir }) => {
				const path = bundleOriginsPath(root);
				mkdirSync(dirname(path), { recursive: true });
				writeFileSync(path, JSON.stringify({ outDir: fileURLToPath(dir), ...recorded }, null, '\t'));
			},
		},
	};
}
