/**
 * Runs inline right after the incident bar's parts (Banner.astro), before the page is drawn: while
 * an incident is open, the bar is shown (empty) and `html[data-incident-open]` set, so the bar's
 * place is kept and nothing moves when its script fills it in. The bar shows one while any is open
 * (activeIncident.ts), stored by this version (what a newer one stored, the bar does not show).
 * Built into the page by prePaintScripts (src/build).
 */
import { anyOpen } from '../lib/activeIncident.ts';
import { STATE_KEY, STATE_VERSION } from '../lib/stateKey.ts';

try {
	const { version, state } = JSON.parse(localStorage.getItem(STATE_KEY)!) as {
		version: number;
		state: { incidents: { resolvedAt?: number }[] };
	};
	const bar = document.getElementById('incident-bar');
	if (bar && version === STATE_VERSION && anyOpen(state.incidents)) {
		bar.hidden = false;
		document.documentElement.setAttribute('data-incident-open', '');
	}
} catch {
	// Nothing stored, or nothing readable: no bar until its script has read the state in full.
}
