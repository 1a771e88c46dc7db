/** One kilobyte, as the budgets count it. */
export const KB = 1024;

/**
 * The size budgets, the one place their numbers live. `npm test` checks them on the built files
 * (test/build/budgets.test.ts); the benchmark weighs every page and reports the heaviest against them.
 */
export const BUDGETS = {
	/**
	 * Most a page may weigh, gzipped: HTML, CSS, fonts and every script it loads by itself (not on-demand code).
	 * A ceiling just above today's heaviest page, the post-mortem (66.6 KB: the generator with its preview, the
	 * course chart's toggle, the message code that fills the template, and the incident bar), so it cannot creep;
	 * bringing pages down is the benchmark's work, and this comes down with them. It was 69.3 KB before the
	 * post-mortem read the incident without the store, and 66.5 KB until each page listed the modules its islands
	 * import for the browser to fetch at once (src/integrations/modulePreload.ts: 0.35 KB of HTML on the post-mortem
	 * page, its first view working 0.7 s sooner on a phone's network), 67.0 KB until a command typed between
	 * backticks stayed a code span in messages (the post-mortem at 67.02 KB, of which that rule is 22 bytes), and
	 * 67.5 KB until the post-mortem stopped listing as skipped a step ticked on another list in the same words,
	 * kept a chart title's percent sign, and read a link's incident as the workspace does (67.59 KB, 110 bytes
	 * more, 44 of them the styles that keep a phone zoomed to 200 % from scrolling sideways).
	 */
	pageGzip: 67.75 * KB,
	/**
	 * Most of our own JavaScript (built from src/ and content/) one page may load, gzipped, not counting what
	 * loads only when needed (`*.onDemand.*` modules: on a user action, or for what only some visits show, such as
	 * a drill under way). The target is 12 KB. Every island reads the incident
	 * without the store now (stateRead.ts) and loads it on the first sign of a change, and every page meets the
	 * target but three, which draw what they show from code a first glance needs: the post-mortem (22.5 KB: the
	 * generator, its preview filled by the message code, the action items, the course chart's toggle), the
	 * workspace (21.5: its summary, deadlines, timeline, list and exports) and the communication page (19.7: four
	 * generators and the message code; the post-mortem's lists load only for a template that lists one). The
	 * metrics (11.7) read the incidents as every page reads the one it shows, without the schemas and zod; the
	 * drills (9.6) load a drill's own view when one is started or played. Under them all sit the incident bar
	 * (5.2 KB) and the URLs (1.2 KB) every page loads. This ceiling holds the line just above the heaviest
	 * while the target stays in the benchmark's report; it was 25 KB, then 21.5 until the post-mortem took its
	 * writer's Markdown as written (no HTML) and listed the escalation with its rung once (21.7 KB), 21.4 since
	 * an on-demand import's preload list names only what the page has not loaded (src/build/loadedPreloads.ts),
	 * 21.9 since the severities an incident went through are a file of their own, apart from the schemas, and
	 * 22.0 since the notice of changes not saved offers a reload once the network is back (Chromium keeps a
	 * module that failed to load as failed for the page's life, so only a new page can save them).
	 */
	firstPartyJsGzip: 22.5 * KB,
	/**
	 * Most of our own JavaScript a page without islands may load, gzipped: the incident bar (the
	 * cheap read of the stored state, the clocks, the next action) with the few lines that keep its
	 * place before the page is drawn, the search button and the offline worker's registration; no
	 * zod (STORE_LIBRARIES). Just above today's heaviest such page, the alerts index (7.69 KB; most
	 * are 6.82 KB). It was 7.5 KB while those few lines (0.22 KB, inline in every page) were counted
	 * as Starlight's, and 7.8 until the bar's list of what it may load on demand named one file more
	 * (the severities an incident went through, apart from the schemas, so the metrics load no zod).
	 */
	islandlessFirstPartyJsGzip: 7.9 * KB,
	/**
	 * Most of our own JavaScript a page that does not load the validated state by itself (no zod:
	 * STORE_LIBRARIES) may load, gzipped: the 12 KB target, held on the pages a responder reads and
	 * ticks (runbooks, phases, the classifier), which show the state by the cheap read and load the
	 * store only on a change. The heaviest, a runbook with a command to copy, loads 12.0 KB: its
	 * scripts, and inline the few lines that draw an alert's note and keep the incident bar's place
	 * before the page is drawn (1.18 KB, counted since they were written in TypeScript).
	 */
	storelessFirstPartyJsGzip: 12 * KB,
	scenarioGrowthBytes: 512,
} as const;

/**
 * Packages only the validated incident store uses (zod): a page with no island shows the incident
 * bar by the cheap read, and loads them only on demand (a change, data the full read must judge).
 */
export const STORE_LIBRARIES = [/^zod$/];

/** Packages that make up the island runtime: a page with no island must load none of them. */
export const ISLAND_RUNTIME = [/^preact$/, /^@preact\//, /^@astrojs\/preact$/];
