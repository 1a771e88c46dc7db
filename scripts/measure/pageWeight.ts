import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { init as initLexer, parse as parseModule } from 'es-module-lexer';
import { parse as parseHtml } from 'node-html-parser';
import { scriptHash, type BundleOrigins, type FileOrigin } from './bundleOrigins.ts';
import type { Origin } from '../../src/build/moduleOrigin.ts';

/** Bytes as stored and as sent with gzip (zlib's default level, as most servers use). */
export interface Size {
	raw: number;
	gzip: number;
}

/** What a file is, for the per-type figures. */
export type Kind = 'html' | 'css' | 'js' | 'font';

/**
 * When a file is fetched: `eager` with the page (its script and style tags, hydrating islands, and
 * everything those import), `lazy` when a script imports it later by itself (a form opened from an
 * alert link), `on-demand` only after a user action (opening search, an export): code built from
 * `*.onDemand.ts(x)` modules (see ON_DEMAND_MODULE). On-demand files are reported apart and are
 * not part of the page's weight.
 */
export type Timing = 'eager' | 'lazy' | 'on-demand';

const TIMING_ORDER: Record<Timing, number> = { eager: 0, lazy: 1, 'on-demand': 2 };

/** One file a page fetches. */
export interface Asset {
	/** Path in the built site, e.g. "/_astro/page.Ab12.js". */
	path: string;
	kind: Kind;
	timing: Timing;
	size: Size;
	/** Who wrote it (JavaScript only, when the build recorded origins). */
	origin?: Origin | undefined;
	/** npm packages with code in it (JavaScript only, when the build recorded origins). */
	packages?: string[] | undefined;
}

/** A script written into the page itself. */
export interface InlineScript {
	size: Size;
	/** Who wrote it: scripts the bundle inlined and our pre-paint scripts (`data-pre-paint`) are known; the rest are Astro's and Starlight's. */
	origin?: Origin | undefined;
	packages?: string[] | undefined;
}

/** Everything one built page is made of. */
export interface PageWeight {
	/** URL path of the page ("/scenarios/service-down/"). */
	page: string;
	/** The HTML first, then every file the page can fetch, each once. */
	assets: Asset[];
	inlineScripts: InlineScript[];
	/** Number of <astro-island> elements (interactive islands). */
	islands: number;
	/** Web fonts the page declares (@font-face sources or font preloads). */
	fonts: string[];
}

const sizes = new Map<string, { text: string; size: Size }>();

/** Size of a text as stored and gzipped. */
export function sizeOf(text: string | Buffer): Size {
	const bytes = typeof text === 'string' ? Buffer.from(text) : text;
	return { raw: bytes.length, gzip: gzipSync(bytes).length };
}

function readAsset(dist: string, path: string): { text: string; size: Size } {
	const file = join(dist, path);
	let cached = sizes.get(file);
	if (!cached) {
		let bytes: Buffer;
		try {
			bytes = readFileSync(file);
		} catch {
			throw new Error(`${path} is referenced by a page but is not in ${dist}`);
		}
		cached = { text: bytes.toString('utf8'), size: sizeOf(bytes) };
		sizes.set(file, cached);
	}
	return cached;
}

/** Forget cached file sizes (a folder was built again). */
export function clearSizeCache(): void {
	sizes.clear();
}

/**
 * Pagefind's engine and index, fetched when someone searches. They are the same for any site
 * searched with Pagefind and grow with the content, so they are left out of page weight.
 */
const SEARCH_BUNDLE = '/pagefind/';

/** The site path a reference points to, or undefined when it leaves the site or is search data. */
function sitePath(reference: string, from: string): string | undefined {
	const url = new URL(reference, `http://site${from}`);
	if (url.host !== 'site' || url.pathname.startsWith(SEARCH_BUNDLE)) return undefined;
	return decodeURIComponent(url.pathname);
}

const fontFile = /\.(woff2?|ttf|otf|eot)(\?|#|$)/i;

function fontsIn(css: string): string[] {
	return [...css.matchAll(/@font-face\s*{[^}]*}/gi)].map((m) =>
		`@font-face ${/url\(\s*['"]?([^'")]{0,60})/i.exec(m[0])?.[1] ?? ''}`.trim(),
	);
}

/** A file a script imports later, and what Vite preloads with it. */
interface LaterImport {
	path: string;
	with: string[];
}

/** Where code continues after any `.then(…)` chained on the expression ending at `from`. */
function afterThens(code: string, from: number): number {
	let at = from;
	while (code.startsWith('.then(', at)) {
		let depth = 0;
		let i = at + '.then'.length;
		for (; i < code.length; i++) {
			if (code[i] === '(') depth++;
			else if (code[i] === ')' && --depth === 0) break;
		}
		if (depth !== 0) return from;
		at = i + 1;
	}
	return at;
}

/**
 * Files a script imports: statically (fetched with it), later with `import()` (each with the
 * files Vite preloads alongside, from __vite__mapDeps), and preloads not tied to one import.
 */
function importsOf(code: string, from: string): { eager: string[]; later: LaterImport[]; loose: string[] } {
	const [imports] = parseModule(code);
	const eager: string[] = [];
	const later: LaterImport[] = [];
	// Vite lists what an import() needs (scripts and styles) in __vite__mapDeps, relative to the site root.
	const listed = [...(/m\.f=\[([^\]]*)\]/.exec(code)?.[1] ?? '').matchAll(/["'`]([^"'`]+)["'`]/g)].map(([, dep]) => `/${dep}`);
	const attributed = new Set<string>();
	for (const entry of imports) {
		if (!entry.n || entry.d === -2) continue;
		const path = sitePath(entry.n, from);
		if (!path) continue;
		if (entry.d === -1) {
			eager.push(path);
			continue;
		}
		// import(`./x.js`),__vite__mapDeps([0,3]): the indexes of what is preloaded with it. The bundler
		// may wrap an import whose exports are picked: async()=>{let{f:e}=await import(`./x.js`);return{f:e}},__vite__mapDeps([…]),
		// and keeps what the code chains on it inside the wrapper: ()=>import(`./x.js`).then(m=>f(m)),__vite__mapDeps([…]).
		const indexes =
			/^\s*\)?\s*(?:;\s*return\s*\{[^{}]*\}\s*\})?\s*,\s*__vite__mapDeps\(\[([\d,\s]*)\]/.exec(
				code.slice(afterThens(code, entry.se)),
			)?.[1] ?? '';
		const deps = indexes
			.split(',')
			.filter((i) => i.trim() !== '')
			.flatMap((i) => listed[Number(i)] ?? []);
		deps.forEach((d) => attributed.add(d));
		later.push({ path, with: deps });
	}
	return { eager, later, loose: listed.filter((d) => !attributed.has(d)) };
}

const kindOf = (path: string): Kind => (path.endsWith('.css') ? 'css' : fontFile.test(path) ? 'font' : 'js');

/**
 * Read a built page and everything it fetches, following script imports. `origins`, recorded by
 * the build, tells our code from libraries and the platform.
 */
export async function weighPage(dist: string, page: string, origins?: BundleOrigins): Promise<PageWeight> {
	await initLexer;
	const htmlPath = page.endsWith('/') ? `${page}index.html` : page;
	const html = readAsset(dist, htmlPath);
	const root = parseHtml(html.text, { comment: false });
	const assets = new Map<string, Asset>([[htmlPath, { path: htmlPath, kind: 'html', timing: 'eager', size: html.size }]]);
	const fileOrigin = (path: string): Partial<FileOrigin> => origins?.files[path.replace(/^\//, '')] ?? {};

	const queue: Array<[string, Timing]> = [];
	const add = (reference: string | undefined, timing: Timing, from = page) => {
		const path = reference && sitePath(reference, from);
		if (path) queue.push([path, timing]);
	};
	for (const link of root.querySelectorAll('link')) {
		const rel = (link.getAttribute('rel') ?? '').toLowerCase().split(/\s+/);
		if (rel.includes('stylesheet') || rel.includes('modulepreload')) add(link.getAttribute('href'), 'eager');
		else if (rel.includes('preload') && link.getAttribute('as') === 'font') add(link.getAttribute('href'), 'eager');
	}
	const inlineScripts: InlineScript[] = [];
	for (const script of root.querySelectorAll('script')) {
		const src = script.getAttribute('src');
		if (src) {
			add(src, 'eager');
			continue;
		}
		const type = script.getAttribute('type');
		if (type && type !== 'module' && !/javascript/.test(type)) continue;
		const text = script.rawText;
		const known = origins?.inline[scriptHash(text)];
		// Ours, written into the page to run before it is drawn (src/build/prePaintScripts.ts).
		const prePaint = script.hasAttribute('data-pre-paint');
		inlineScripts.push({
			size: sizeOf(text.trim()),
			origin: known?.origin ?? (prePaint ? 'first-party' : origins ? 'platform' : undefined),
			packages: known?.packages,
		});
		if (type === 'module') {
			const found = importsOf(text, page);
			found.eager.forEach((p) => add(p, 'eager'));
			for (const later of found.later) {
				const timing = fileOrigin(later.path).onDemandEntry ? 'on-demand' : 'lazy';
				[later.path, ...later.with].forEach((p) => add(p, timing));
			}
			found.loose.forEach((p) => add(p, 'lazy'));
		}
	}
	const islands = root.querySelectorAll('astro-island');
	for (const island of islands) {
		// Every hydration directive but client:only's server fallback loads these without a click.
		for (const attribute of ['component-url', 'renderer-url', 'before-hydration-url']) add(island.getAttribute(attribute), 'eager');
	}

	// Eager files first, so a file both imported and imported later counts as eager; and a file
	// only on-demand code imports is on demand itself.
	while (queue.length > 0) {
		queue.sort(([, a], [, b]) => TIMING_ORDER[a] - TIMING_ORDER[b]);
		const [path, queued] = queue.shift()!;
		const kind = kindOf(path);
		const { origin, packages, onDemand } = kind === 'js' ? fileOrigin(path) : {};
		const timing: Timing = onDemand && queued !== 'eager' ? 'on-demand' : queued;
		const seen = assets.get(path);
		if (seen && TIMING_ORDER[seen.timing] <= TIMING_ORDER[timing]) continue;
		const { text, size } = readAsset(dist, path);
		assets.set(path, { path, kind, timing, size, origin, packages });
		if (kind === 'js') {
			const found = importsOf(text, path);
			found.eager.forEach((p) => queue.push([p, timing]));
			// What a user action loads is on demand, and so is everything it loads in turn.
			for (const later of found.later) {
				const next: Timing = timing === 'on-demand' || fileOrigin(later.path).onDemandEntry ? 'on-demand' : 'lazy';
				[later.path, ...later.with].forEach((p) => queue.push([p, next]));
			}
			found.loose.forEach((p) => queue.push([p, timing === 'on-demand' ? 'on-demand' : 'lazy']));
		}
	}

	const fonts = [
		...[...assets.values()].filter((a) => a.kind === 'font').map((a) => a.path),
		...[...assets.values()].filter((a) => a.kind === 'css').flatMap((a) => fontsIn(readAsset(dist, a.path).text)),
		...root.querySelectorAll('style').flatMap((style) => fontsIn(style.rawText)),
	];
	return { page, assets: [...assets.values()], inlineScripts, islands: islands.length, fonts };
}

/** Add sizes up. */
export function sum(items: Array<{ size: Size }>): Size {
	return items.reduce((total, { size }) => ({ raw: total.raw + size.raw, gzip: total.gzip + size.gzip }), { raw: 0, gzip: 0 });
}

/** A page's figures: requests, bytes per type, and JavaScript by when it runs and who wrote it. */
export interface PageSummary {
	page: string;
	/** Files fetched with the page, the HTML included (not counting on-demand imports). */
	requests: number;
	html: Size;
	css: Size;
	/** Script files the page loads by itself, eager and later. */
	js: Size;
	/** Script files fetched with the page, plus the scripts written into it. */
	jsEager: Size;
	/** Script files the page imports later by itself (a form opened from an alert link). */
	jsLazy: Size;
	/** Script files loaded only after a user action (search, exports): not in `total`. */
	jsOnDemand: Size;
	/** Scripts written into the page (their bytes are also in `html`). */
	jsInline: Size;
	/** Our own JavaScript: files and inline scripts built from src/ and content/. */
	jsFirstParty: Size;
	/** Libraries we add (Preact, zod…). */
	jsLibrary: Size;
	/** What Astro and Starlight ship (search UI, theme, table of contents, code copy button). */
	jsPlatform: Size;
	/** Everything the page fetches by itself, but Pagefind's engine and index: HTML, CSS, scripts, fonts. */
	total: Size;
	islands: number;
	fonts: string[];
}

/** Sum a page's figures up. */
export function summarize(weight: PageWeight): PageSummary {
	const own = weight.assets.filter((a) => a.timing !== 'on-demand');
	const of = (kind: Kind) => own.filter((a) => a.kind === kind);
	const js = of('js');
	const byOrigin = (origin: Origin) =>
		sum([...js.filter((a) => a.origin === origin), ...weight.inlineScripts.filter((s) => s.origin === origin)]);
	const eagerFiles = js.filter((a) => a.timing === 'eager');
	return {
		page: weight.page,
		requests: weight.assets.filter((a) => a.timing === 'eager').length,
		html: sum(of('html')),
		css: sum(of('css')),
		js: sum(js),
		jsEager: sum([...eagerFiles, ...weight.inlineScripts]),
		jsLazy: sum(js.filter((a) => a.timing === 'lazy')),
		jsOnDemand: sum(weight.assets.filter((a) => a.kind === 'js' && a.timing === 'on-demand')),
		jsInline: sum(weight.inlineScripts),
		jsFirstParty: byOrigin('first-party'),
		jsLibrary: byOrigin('library'),
		jsPlatform: byOrigin('platform'),
		total: sum(own),
		islands: weight.islands,
		fonts: weight.fonts,
	};
}
