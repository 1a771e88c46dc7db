/*
 * Loaded by the service worker (importScripts) before Workbox's own routes. A navigation to a page
 * of the site answers from the precache whatever its query string (alert links, the classifier's
 * "?seen=", "?scenario=") and with or without the trailing slash ("/incident"): Workbox's precache
 * matches neither. A page not precached comes from the network, and offline the site's own "not
 * found" page stands in. Plain script, no imports: it runs as a classic worker script.
 */
/* eslint-env serviceworker */
(() => {
	const scope = new URL(self.registration.scope);

	/** The precached file that holds the page at this address: "/incident?x=1" → "/incident/index.html". */
	const pageFile = (address) => {
		const url = new URL(address);
		let path = url.pathname;
		if (path.endsWith('/')) path += 'index.html';
		else if (!/\.[a-z0-9]+$/i.test(path.slice(path.lastIndexOf('/')))) path += '/index.html';
		return new URL(path, url.origin).href;
	};

	/** A precached file by its address, whatever the revision Workbox added to its cache key. */
	const precached = (address) => caches.match(address, { ignoreSearch: true, ignoreVary: true });

	self.addEventListener('fetch', (event) => {
		const request = event.request;
		if (request.mode !== 'navigate' || request.method !== 'GET') return;
		const url = new URL(request.url);
		if (url.origin !== scope.origin || !url.pathname.startsWith(scope.pathname)) return;
		event.respondWith(
			(async () => {
				const page = await precached(pageFile(request.url));
				if (page) return page;
				try {
					return await fetch(request);
				} catch (error) {
					const notFound = await precached(new URL('404.html', scope).href);
					if (notFound) return new Response(notFound.body, { status: 404, statusText: 'Not Found', headers: notFound.headers });
					throw error;
				}
			})(),
		);
	});
})();
