/** One kilobyte, as the budgets count it. */
export const KB = 1024;

/**
 * The size budgets, the one place their numbers live. `npm test` checks them on the built files
 * (test/build/budgets.test.ts); the benchmark reports every page against them.
 */
export const BUDGETS = {
	/**
	 * Most a page may weigh, gzipped: HTML, CSS, fonts and every script it loads by itself (not on-demand code).
	 * A ceiling just above today's heaviest page, the post-mortem (68.9 KB: the generator, the course
	 * chart's toggle and the Mermaid export, the follow-ups, and the incident bar's cheap read of the
	 * state beside the full store the page's island loads; it grew 1.5 KB when its generator came to
	 * be rendered on the server, so nothing moves as it hydrates, and learnt the steps the declaration
	 * or an escalation did, groups of alternatives and severity times that add up), so it cannot creep
	 * further; bringing pages down is the benchmark's work, and this comes down with them.
	 */
	pageGzip: 69.3 * KB,
	/**
	 * Most of our own JavaScript (built from src/ and content/) one page may load, gzipped, not
	 * counting what loads only on a user action (`*.onDemand.*` modules). The target is 12 KB, and
	 * every page meets it but those whose islands edit the incident with the validated store loaded
	 * with the page: the post-mortem (24.7 KB: it gained the next-message box, the confirm before
	 * resolving, the steps the declaration or an escalation did, groups of alternatives, the sections
	 * it says are empty, severity times that add up, and changes kept for the next page), the drills
	 * (21.2) and the workspace (20.9); and two that read the state validated without the store and
	 * load it only on a change (stateRead.ts): the communication page (17.9), and the metrics
	 * (15.7), which never change it. What is left on those two is their islands and the message or
	 * metrics code. A runbook page, the heaviest of the rest, loads 11.9 (its islands' code in one
	 * chunk). This ceiling holds the line while the target stays in the benchmark's report.
	 */
	firstPartyJsGzip: 25 * KB,
	/**
	 * Most of our own JavaScript a page without islands may load, gzipped: the incident bar (the
	 * cheap read of the stored state, the clocks, the next action), the search button and the
	 * offline worker's registration; no zod (STORE_LIBRARIES). Just above today's heaviest such
	 * page, the alerts index (7.4 KB; most are 6.6 KB).
	 */
	islandlessFirstPartyJsGzip: 7.5 * KB,
	/**
	 * Most of our own JavaScript a page that does not load the validated state by itself (no zod:
	 * STORE_LIBRARIES) may load, gzipped: the 12 KB target, held on the pages a responder reads and
	 * ticks (runbooks, phases, the classifier), which show the state by the cheap read and load the
	 * store only on a change. The heaviest, a runbook with a command to copy, loads 11.9 KB.
	 */
	storelessFirstPartyJsGzip: 12 * KB,
	/** Most a page's HTML may grow, in bytes, between a playbook with many scenarios and one with twice as many. */
	scenarioGrowthBytes: 512,
} as const;

/**
 * Packages only the validated incident store uses (zod): a page with no island shows the incident
 * bar by the cheap read, and loads them only on demand (a change, data the full read must judge).
 */
export const STORE_LIBRARIES = [/^zod$/];

/** Packages that make up the island runtime: a page with no island must load none of them. */
export const ISLAND_RUNTIME = [/^preact$/, /^@preact\//, /^@astrojs\/preact$/];
