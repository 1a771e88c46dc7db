/**
 * The modules of the incident bar in one chunk of the browser build. Every page loads them (the
 * Banner override), and one file compresses far better than six small ones; islands and on-demand
 * code that use some of them (the clocks, the cheap read) import them from it.
 */
export const incidentBarChunks = [
	{ name: 'incident-bar', test: /[\\/]src[\\/]lib[\\/](storageRead|pageShown|pageStoreLoader|clocks|escalation|format|barActions)\.ts$/ },
	// Kept apart (a group captures what its modules import): an alert's redirect page loads the URLs without the bar,
	// and Vite's helper for dynamic imports stays the platform's own file.
	{ name: 'urls', test: /[\\/]src[\\/]lib[\\/]urls\.ts$/, priority: 1 },
	{ name: 'preload-helper', test: /vite[\\/]preload-helper/, priority: 1 },
	// The offline worker's registration, injected into Astro's page script: apart from Astro's prefetch code,
	// so the page script stays the platform's own and our code is counted as ours.
	{ name: 'offline', test: /[\\/]src[\\/]client[\\/]registerServiceWorker\.ts$/, priority: 1 },
];
