/**
 * The search dialog's behaviour: query Pagefind as the responder types and list the pages found,
 * with the matching words marked and the sections of each page that match. Loaded on demand by
 * searchButton.ts.
 */
import { urls } from '../lib/urls.ts';

/** The part of Pagefind's browser API used here. */
interface Pagefind {
	options(options: { noWorker?: boolean }): Promise<void>;
	init(): Promise<void>;
	preload(term: string): Promise<void>;
	search(term: string): Promise<{ results: Found[] } | null>;
}

/** A page Pagefind found, before its text is fetched. */
interface Found {
	id: string;
	score: number;
	data(): Promise<ResultData>;
}

/** One page found, as Pagefind describes it. */
export interface ResultData {
	url: string;
	/** Text with the matches wrapped in <mark>; everything else is escaped. */
	excerpt: string;
	meta: { title?: string };
	sub_results?: Array<{ title: string; url: string; excerpt: string }>;
}

/** Pages listed; more would push the best ones off a phone screen. */
export const MAX_RESULTS = 8;
/** Results shown before the rest are fetched. */
const FIRST_BATCH = 3;
/** Sections listed under a page. */
export const MAX_SECTIONS = 3;
/**
 * The pages with every word first, as Pagefind ranks them; then, for a query of several words that
 * too few pages have all of, the pages with some of them, those with more of the words first, then
 * by score. A responder types the service's name ("checkout errors") the playbook never says: the
 * runbook still shows.
 */
export function withSomeWords(all: readonly Found[], byWord: ReadonlyArray<readonly Found[]>): { results: Found[]; some: number } {
	const seen = new Set(all.map((r) => r.id));
	const partial = new Map<string, { found: Found; words: number; score: number }>();
	for (const results of byWord)
		for (const found of results) {
			if (seen.has(found.id)) continue;
			const known = partial.get(found.id);
			partial.set(found.id, { found, words: (known?.words ?? 0) + 1, score: (known?.score ?? 0) + found.score });
		}
	const some = [...partial.values()].sort((a, b) => b.words - a.words || b.score - a.score).map((p) => p.found);
	return { results: [...all, ...some], some: some.length };
}

/** Searched while nobody has typed yet, to fetch the index's words: one every playbook uses. */
const WARM_UP_TERM = 'incident';

let engine: Promise<Pagefind> | undefined;

/**
 * Resolves once Pagefind's engine and the index's table of contents are in. An empty search
 * returns then, but Pagefind looks only every 50 ms from the call; calls started 10 ms apart
 * notice within 10 ms.
 */
function loaded(pagefind: Pagefind): Promise<void> {
	const probes = [0, 10, 20, 30, 40].map((ms) => new Promise((wait) => setTimeout(wait, ms)).then(() => pagefind.preload('')));
	return Promise.race(probes);
}

/** Load Pagefind's engine and index; resolves once it can search. */
export function warmUp(): Promise<Pagefind> {
	// Built next to the site by Starlight's Pagefind step; the URL is only known at run time.
	const url = urls.pagefind();
	engine ??= (import(/* @vite-ignore */ url) as Promise<Pagefind>).then(async (pagefind) => {
		// In the page rather than a web worker: with every thread of the browser slowed alike (a quarter
		// of one core), the worker's start and messages made the first result about twice as late (903
		// against 400 ms, typed warm; README, Performance), and searching an index of this size takes a
		// few milliseconds either way. DevTools' CPU throttling, which spares workers, shows the opposite.
		await pagefind.options({ noWorker: true });
		// init() starts fetching the engine (WebAssembly) and the index's table of contents without
		// waiting for them.
		await pagefind.init();
		await loaded(pagefind);
		// The index's words come in chunks, fetched by the first search that needs them: fetch one
		// now, unless a search is already doing so.
		void pagefind.preload(WARM_UP_TERM).catch(() => undefined);
		return pagefind;
	});
	engine.catch(() => (engine = undefined));
	return engine;
}

/**
 * The text of an excerpt as runs of plain and marked text. The excerpt is parsed, never inserted
 * as HTML: only its text survives, and <mark> is the one element kept.
 */
export function excerptRuns(excerpt: string): Array<{ text: string; mark: boolean }> {
	const body = new DOMParser().parseFromString(`<body>${excerpt}</body>`, 'text/html').body;
	const runs: Array<{ text: string; mark: boolean }> = [];
	for (const node of body.childNodes) {
		const text = node.textContent ?? '';
		if (text) runs.push({ text, mark: node.nodeName === 'MARK' });
	}
	return runs;
}

function excerptElement(excerpt: string): HTMLParagraphElement {
	const p = document.createElement('p');
	p.className = 'search-excerpt';
	for (const run of excerptRuns(excerpt)) {
		if (!run.mark) p.append(run.text);
		else p.append(Object.assign(document.createElement('mark'), { textContent: run.text }));
	}
	return p;
}

/** One result: the page's title as a link, its excerpt, and up to three matching sections. */
function resultItem(result: ResultData): HTMLLIElement {
	const item = document.createElement('li');
	item.className = 'search-result';
	const link = Object.assign(document.createElement('a'), { href: result.url, textContent: result.meta.title ?? result.url });
	link.className = 'search-result-link';
	item.append(link, excerptElement(result.excerpt));
	// Pagefind's "#_top" section is the text above the first heading: the page itself, already shown.
	const sections = (result.sub_results ?? [])
		.filter((s) => s.url !== result.url && s.url.includes('#') && !s.url.endsWith('#_top'))
		.slice(0, MAX_SECTIONS);
	if (sections.length > 0) {
		const list = document.createElement('ul');
		list.className = 'search-sections';
		for (const section of sections) {
			const li = document.createElement('li');
			const a = Object.assign(document.createElement('a'), { href: section.url, textContent: section.title });
			li.append(a, excerptElement(section.excerpt));
			list.append(li);
		}
		item.append(list);
	}
	return item;
}

/**
 * Put a new list of results in place of the one shown. The keyboard stays in the list: a responder
 * who pressed an arrow key while the last keystroke's results were on their way is on the same row
 * of the new ones (or back in the field when there are none), not thrown out to the page.
 */
function replaceResults(list: HTMLOListElement, items: readonly HTMLLIElement[], input: HTMLInputElement): void {
	const links = () => [...list.querySelectorAll('a')];
	const active = document.activeElement;
	const at = active instanceof HTMLAnchorElement ? links().indexOf(active) : -1;
	list.replaceChildren(...items);
	if (at < 0) return;
	const now = links();
	(now[Math.min(at, now.length - 1)] ?? input).focus();
}

const started = new WeakSet<HTMLDialogElement>();
/** Whether the dialog, as it is open now, took the history entry (not when another dialog holds it). */
const took = new WeakMap<HTMLDialogElement, boolean>();

/**
 * The dialog's history entry, whose rules the declare form shares. Loaded apart by both, so that
 * no file of its own joins the preload lists of the code every page loads (the search button's,
 * the runbook's): those bytes count on every page, this import only once a dialog opens.
 */
const entry = () => import('../lib/dialogEntry.ts');

/**
 * Make an open search dialog search (once per dialog, however often it is opened), and Back close
 * it (each time it is opened) rather than leave the page: a phone's back gesture is how many close it.
 */
export function start(dialog: HTMLDialogElement): void {
	void entry().then(
		(rules) => {
			if (dialog.open)
				took.set(
					dialog,
					rules.enterDialog(() => dialog.close()),
				);
		},
		() => undefined,
	);
	if (started.has(dialog)) return;
	started.add(dialog);
	// A result followed once the dialog's history entry is gone: Back from there returns to this page.
	let follow: string | undefined;
	dialog.addEventListener('close', () => {
		const to = follow;
		follow = undefined;
		// Deferred a moment: the browser puts the page back where it was as its own step back lands, after which
		// a link to a section of this page scrolls to it.
		const then = to ? () => setTimeout(() => location.assign(to)) : undefined;
		const mine = took.get(dialog) ?? false;
		took.delete(dialog);
		// The entry taken by another dialog (the declare form under it) stays that dialog's. Not to be had (offline
		// before it was cached): the result is still followed.
		if (mine) void entry().then((rules) => rules.leaveDialog(then), then);
		else then?.();
	});
	const input = dialog.querySelector('input')!;
	const status = dialog.querySelector<HTMLElement>('[role="status"]')!;
	const list = dialog.querySelector<HTMLOListElement>('ol')!;
	/** Search `term` and list what it finds; gives up as soon as the text in the field has moved on. */
	let latest = 0;
	const show = async (term: string) => {
		// Superseded by a later keystroke's search, even one for the same words (a space typed after them): only the
		// latest adds to the list, which it builds in two steps.
		const run = ++latest;
		const stale = () => run !== latest || input.value.trim() !== term;
		if (!term) {
			replaceResults(list, [], input);
			status.textContent = '';
			return;
		}
		let results: Found[];
		let some = 0;
		try {
			const pagefind = await warmUp();
			if (stale()) return;
			const all = (await pagefind.search(term))?.results ?? [];
			// Too few pages have every word to fill the first results: add those with some of them. (When enough do,
			// the first results are not kept waiting for searches whose pages would come after them.)
			// Each distinct word once, and no more than a sentence's worth of them.
			const words = [...new Set(term.toLowerCase().split(/\s+/))].slice(0, 8);
			const byWord =
				words.length > 1 && all.length < FIRST_BATCH
					? await Promise.all(words.map(async (word) => (await pagefind.search(word))?.results ?? []))
					: [];
			if (stale()) return;
			({ results, some } = withSomeWords(all, byWord));
		} catch {
			if (!stale()) status.textContent = 'Search could not load. Every page is in the sidebar; try again after reloading.';
			return;
		}
		if (stale()) return;
		const shown = Math.min(results.length, MAX_RESULTS);
		const more = results.length > shown ? ` (the best ${shown} shown)` : '';
		// The query as the status says it back: a long one cut short, so the results stay on screen.
		const said = term.length > 60 ? `${term.slice(0, 57)}…` : term;
		const every = results.length - some;
		const count = `${every} result${every === 1 ? '' : 's'}`;
		const partly = some > 0 ? `, ${some} more with some of the words` : '';
		const summary =
			results.length === 0
				? `No results for “${said}”`
				: every === 0
					? `No page has every word of “${said}”: ${some} with some of them${more}`
					: `${count} for “${said}”${partly}${more}`;
		// Each result's text is a small fetch: show the best few as soon as they are in, then add the
		// rest below them (the first few stay as they are, with the focus on one of them).
		let first = true;
		for (const batch of [results.slice(0, FIRST_BATCH), results.slice(FIRST_BATCH, shown)]) {
			if (batch.length === 0) continue;
			const data = await Promise.all(batch.map((r) => r.data()).map((p) => p.catch(() => undefined)));
			if (stale()) return;
			const items = data.filter((d): d is ResultData => d !== undefined).map(resultItem);
			if (first) replaceResults(list, items, input);
			else list.append(...items);
			first = false;
			status.textContent = summary;
		}
		if (results.length === 0) {
			replaceResults(list, [], input);
			status.textContent = summary;
		}
	};

	// Each keystroke searches at once; a search whose text has been typed over stops before it fetches results.
	const update = () => void show(input.value.trim());
	input.addEventListener('input', update);
	input.addEventListener('keydown', (event) => {
		const links = [...list.querySelectorAll<HTMLAnchorElement>('a')];
		if (event.key === 'Enter' && links[0]) {
			event.preventDefault();
			links[0].click();
		} else if (event.key === 'ArrowDown' && links[0]) {
			event.preventDefault();
			links[0].focus();
		}
	});
	// Arrow keys walk the links; a link followed to this page's own section closes the dialog.
	list.addEventListener('keydown', (event) => {
		// Text typed on a result (a letter, a space, Backspace) goes to the end of the words, as if typed there:
		// the field takes the focus before the key's default action, which then lands in it.
		if ((event.key.length === 1 || event.key === 'Backspace') && !event.ctrlKey && !event.metaKey && !event.altKey) {
			input.focus();
			input.setSelectionRange(input.value.length, input.value.length);
			return;
		}
		if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
		const links = [...list.querySelectorAll<HTMLAnchorElement>('a')];
		const at = links.indexOf(document.activeElement as HTMLAnchorElement);
		if (at < 0) return;
		event.preventDefault();
		const next = at + (event.key === 'ArrowDown' ? 1 : -1);
		(next < 0 ? input : links[Math.min(next, links.length - 1)])?.focus();
	});
	list.addEventListener('click', (event) => {
		const link = event.target instanceof Element ? event.target.closest('a') : null;
		if (!link || event.button || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
		event.preventDefault();
		follow = link.href;
		dialog.close();
	});
	// What was typed while this code loaded.
	if (input.value.trim()) update();
}
