/**
 * Keep the playbook readable when the network is gone: register the service worker that
 * precaches the whole site (built by src/integrations/offline.ts). When a later deploy's worker
 * takes over an open page, say so and offer a reload instead of reloading under a responder.
 */
import { urls } from '../lib/urls.ts';

/** An empty live region from the start, so screen readers announce the text when it arrives. */
function createNotice(): HTMLElement {
	const notice = document.createElement('div');
	notice.className = 'update-notice';
	notice.setAttribute('role', 'status');
	document.body.append(notice);
	return notice;
}

function announceUpdate(notice: HTMLElement): void {
	if (notice.childElementCount > 0) return;
	const text = document.createElement('span');
	text.textContent = 'The playbook was updated: reload for the new version.';
	const reload = document.createElement('button');
	reload.type = 'button';
	reload.textContent = 'Reload';
	reload.addEventListener('click', () => location.reload());
	notice.append(text, reload);
}

if ('serviceWorker' in navigator) {
	const notice = createNotice();
	// A page that had no worker gets one on the first visit: that is not an update.
	const wasControlled = navigator.serviceWorker.controller !== null;
	navigator.serviceWorker.addEventListener('controllerchange', () => {
		if (wasControlled) announceUpdate(notice);
	});
	// After load, so the precache download never competes with the page a responder is opening.
	const register = () => navigator.serviceWorker.register(urls.serviceWorker()).catch(() => undefined);
	if (document.readyState === 'complete') void register();
	else addEventListener('load', () => void register(), { once: true });
}
