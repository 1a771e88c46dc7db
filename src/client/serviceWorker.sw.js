/*
 * The offline worker, dist/sw.js: bundled after the build by src/integrations/offline.ts, which
 * puts in the list of files to precache (self.__WB_MANIFEST) and defines the two names below.
 * It precaches every file of the site and takes over at once; its navigation handler
 * (offlineNavigation.sw.js) answers pages first, and navigations to pages it does not hold come
 * from the network, offline the site's own "not found" page.
 */
/* eslint-env serviceworker */
/* global NAVIGATION_SCRIPT, NOT_FOUND_PAGE */
import { clientsClaim } from 'workbox-core';
import { cleanupOutdatedCaches, precacheAndRoute, PrecacheFallbackPlugin } from 'workbox-precaching';
import { registerRoute } from 'workbox-routing';
import { NetworkOnly } from 'workbox-strategies';

// Runs first: answers navigations to known pages whatever their query string or trailing slash.
importScripts(NAVIGATION_SCRIPT);
// A new deploy's worker takes over at once; the page says so (registerServiceWorker.ts).
self.skipWaiting();
clientsClaim();
// Pagefind asks for pagefind-entry.json?ts=<now> to dodge HTTP caches: the precached copy answers.
precacheAndRoute(self.__WB_MANIFEST, { ignoreURLParametersMatching: [/^utm_/, /^fbclid$/, /^ts$/] });
cleanupOutdatedCaches();
registerRoute(
	({ request, sameOrigin }) => sameOrigin && request.mode === 'navigate',
	new NetworkOnly({ plugins: [new PrecacheFallbackPlugin({ fallbackURL: NOT_FOUND_PAGE })] }),
	'GET',
);
