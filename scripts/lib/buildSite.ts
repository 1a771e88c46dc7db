import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

/** The project root. */
export const ROOT = resolve(import.meta.dirname, '../..');

/** Output of one build: whether it succeeded and what it printed. */
export interface BuildResult {
	ok: boolean;
	output: string;
	/** Folder of the built site. */
	dist: string;
	/** Milliseconds the build took. */
	ms: number;
	/** CPU milliseconds the build process used (all its threads; Pagefind's own process aside). */
	cpuMs: number;
	/** Each line the build printed, with the milliseconds since its process started. */
	timeline: Array<[number, string]>;
}

/**
 * The environment a build runs in: ours, without what Vitest puts in process.env for its own
 * Vite (BASE_URL=/ among them, which Starlight's links would take over the site's base path).
 */
function buildEnv(): NodeJS.ProcessEnv {
	const { BASE_URL: _base, MODE: _mode, DEV: _dev, PROD: _prod, SSR: _ssr, ...env } = process.env;
	return { PLAYBOOK_MEASURE: '1', ...env, NODE_ENV: 'production', ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0', NO_COLOR: '1' };
}

/**
 * Run `astro build` in a project folder, as a measuring build (PLAYBOOK_MEASURE=1) unless the
 * environment says otherwise or `measure` is false (the production build, as `npm run build` makes it).
 */
export async function astroBuild(root: string, outDir = join(root, 'dist'), { measure = true } = {}): Promise<BuildResult> {
	const timelineFile = join(mkdtempSync(join(tmpdir(), 'playbook-build-')), 'timeline.json');
	const run = await runAstro(root, ['build', '--outDir', outDir], [join(ROOT, 'scripts/lib/reportCpu.ts')], {
		PLAYBOOK_BUILD_TIMELINE: timelineFile,
		...(measure ? {} : { PLAYBOOK_MEASURE: '0' }),
	});
	const cpuMs = Number(/BUILD_CPU_MS (\d+)/.exec(run.output)?.[1] ?? Number.NaN);
	const timeline = existsSync(timelineFile) ? (JSON.parse(readFileSync(timelineFile, 'utf8')) as BuildResult['timeline']) : [];
	rmSync(dirname(timelineFile), { recursive: true, force: true });
	return { ...run, dist: outDir, cpuMs, timeline };
}

/**
 * Run `astro sync` in a project folder: the step every build starts with, which loads the content
 * and validates it against the collections' schemas, without building a page (two seconds, not a minute).
 */
export function astroSync(root: string): Promise<{ ok: boolean; output: string }> {
	return runAstro(root, ['sync']);
}

/** Run one Astro command in a project folder and collect what it prints. */
function runAstro(
	root: string,
	args: string[],
	preload: string[] = [],
	extraEnv: NodeJS.ProcessEnv = {},
): Promise<{ ok: boolean; output: string; ms: number }> {
	const started = performance.now();
	return new Promise((done) => {
		// The Node that runs us (24 under npm scripts), not whichever `node` the astro shim finds first.
		const astro = join(ROOT, 'node_modules/astro/bin/astro.mjs');
		const child = spawn(process.execPath, [...preload.flatMap((p) => ['--import', p]), astro, args[0]!, '--root', root, ...args.slice(1)], {
			cwd: root,
			env: { ...buildEnv(), ...extraEnv },
		});
		let output = '';
		child.stdout.on('data', (chunk) => (output += chunk));
		child.stderr.on('data', (chunk) => (output += chunk));
		child.on('close', (code) => done({ ok: code === 0, output, ms: performance.now() - started }));
	});
}

/**
 * Give a project folder the project's packages. Each package is linked one by one rather than the
 * whole folder, because Astro and Vite keep their caches in node_modules/.astro and
 * node_modules/.vite: a shared folder would let two builds running at once mix their content.
 */
export function linkNodeModules(root: string): void {
	const modules = join(root, 'node_modules');
	mkdirSync(modules, { recursive: true });
	for (const entry of readdirSync(join(ROOT, 'node_modules'))) {
		if (!entry.startsWith('.')) symlinkSync(join(ROOT, 'node_modules', entry), join(modules, entry), 'dir');
	}
}

/**
 * A copy of the project whose content/ is the given folder (or the real content with the given
 * files laid over it), so a test can build a playbook of its own with the project's code.
 */
export function makeProject(name: string, content: { dir?: string; overlay?: Record<string, string>; remove?: string[] }): string {
	const root = join(ROOT, '.fixtures', name);
	rmSync(root, { recursive: true, force: true });
	mkdirSync(root, { recursive: true });
	for (const file of ['astro.config.mjs', 'content.config.ts', 'tsconfig.json', 'package.json']) {
		cpSync(join(ROOT, file), join(root, file));
	}
	for (const dir of ['src', 'public', 'scripts']) {
		if (existsSync(join(ROOT, dir))) symlinkSync(join(ROOT, dir), join(root, dir), 'dir');
	}
	linkNodeModules(root);
	cpSync(content.dir ?? join(ROOT, 'content'), join(root, 'content'), { recursive: true });
	for (const file of content.remove ?? []) rmSync(join(root, 'content', file), { recursive: true, force: true });
	for (const [file, text] of Object.entries(content.overlay ?? {})) {
		mkdirSync(join(root, 'content', file, '..'), { recursive: true });
		writeFileSync(join(root, 'content', file), text);
	}
	return root;
}
