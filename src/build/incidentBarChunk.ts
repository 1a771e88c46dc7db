/**
 * How our own modules are split into chunks of the browser build. Every page loads the incident bar
 * (the Banner override) and the search button, and one file compresses far better than several small
 * ones: their modules share one chunk, and the pages' scripts only import it. Islands and on-demand
 * code that use some of them (the clocks, the cheap read) import them from it. The runbook pages'
 * islands put their small shared modules together for the same reason.
 */
export const incidentBarChunks = [
	{
		name: 'incident-bar',
		test: /[\\/]src[\\/](lib[\\/](storageRead|pageShown|heldChanges|pageStoreLoader|inOrder|clocks|escalation|format|barActions)|scripts[\\/](incidentBar|searchButton))\.ts$/,
	},
	// Kept apart (a group captures what its modules import): an alert's redirect page loads the URLs without the bar,
	// and with them the offline worker's registration, which Astro's page script imports on every page (apart from
	// Astro's prefetch code, so that script stays the platform's own and our code is counted as ours).
	// Vite's helper for dynamic imports stays the platform's own file. The step keys and level lookup every island uses
	// (clientPlaybook.ts, 99 bytes) ride along: as a file of their own they cost a request and 100 bytes gzipped on
	// every page with an island, here 43 on the pages without one.
	{ name: 'urls', test: /[\\/]src[\\/](lib[\\/](urls|clientPlaybook)|client[\\/]registerServiceWorker)\.ts$/, priority: 1 },
	{ name: 'preload-helper', test: /vite[\\/]preload-helper/, priority: 1 },
	{ name: 'checklistProgress', test: /[\\/]src[\\/]lib[\\/]checklistProgress\.ts$/, priority: 1 },
	// The action items' list rule and the ids the incident model gives: the post-mortem page shows an action item
	// added or changed at once with them, without the store chunk, which imports them too.
	{ name: 'actionItems', test: /[\\/]src[\\/]lib[\\/](actionItems|newId)\.ts$/, priority: 1 },
	// The schemas and the read that validates with them, for islands that read the state without the store
	// (stateRead.ts); then the validated store, the incident model and what only they use, in one chunk for the pages that load it, with
	// no view code, as pages without islands load it to write. Of groups of one priority the first declared keeps
	// a module both would take in: the bar keeps the cheap read, the state keeps the schemas.
	{ name: 'state', test: /[\\/]src[\\/]lib[\\/]state(Read)?\.ts$/ },
	{ name: 'store', test: /[\\/]src[\\/]lib[\\/](store|storage|merge|incidents)\.ts$/ },
	// The severities an incident went through and the times as written, which every page that reads the state reads
	// (the course chart, the post-mortem, the messages, the metrics, the drills' score) and the code a page without an
	// island loads on demand (a message copied from the bar): apart from the view code, with no schema.
	{ name: 'levels', test: /[\\/]src[\\/]lib[\\/](severityPeriods|timeText)\.ts$/ },
	// What islands that read the state without the store use to read it, and the clock that moves their figures: one
	// file for the pages with such islands (the message generator, the post-mortem, the drills, the metrics, the
	// workspace), with nothing of the schemas: the metrics read the incidents as every page reads the one it shows, so
	// that page loads neither the schemas nor zod; the others read them validated (stateRead.ts's validatedState).
	{ name: 'storedRead', test: /[\\/]src[\\/]islands[\\/](useStoredRead|useNow)\.ts$/ },
	// How those that change it do so through the store loaded on demand, and say when it could not load: one file for
	// them (the metrics, which change nothing, do not load it).
	{ name: 'onDemandChanges', test: /[\\/]src[\\/](lib[\\/]onDemandChanges\.ts|islands[\\/]NotSaved\.tsx)$/ },
	// What a runbook page's islands (checklists, page progress, declaring from an alert) load, in one chunk: one
	// file compresses better than several small ones (a runbook page loaded 1 KB less gzipped when they were joined),
	// and a page with checklists but no alert section pays about as much for the alert code it does not run. Other
	// pages reach these only on demand (a copy the clipboard refused, the declare dialog).
	{
		name: 'runbook',
		test: /[\\/]src[\\/](islands[\\/](useShown\.ts|LazyCopyFallback\.tsx|PageProgress\.tsx|Checklist\.tsx)|scripts[\\/]runbookDeclare\.ts)$/,
	},
];
