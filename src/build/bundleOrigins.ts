import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { Plugin } from 'vite';
import { originOf, packageOf, type Origin } from './moduleOrigin.ts';

/** Who wrote one JavaScript file of the built site, and which packages it holds. */
export interface FileOrigin {
	origin: Origin;
	/** npm packages with code in the file, e.g. ["preact"]; empty for our own and virtual modules. */
	packages: string[];
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
		throw new Error(`${path} is missing: build the site with \`astro build\` (the bundleOrigins integration writes it).`);
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
				for (const output of Object.values(bundle)) {
					if (output.type !== 'chunk') continue;
					const origin = chunkOrigin(output.moduleIds);
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
