/**
 * The drills page's changes, loaded with the page's store on the first sign of one (a press, a key,
 * focus in the drill): the page reads the drill being played without the store (stateRead.ts) and
 * loads the incident model only to declare, end or leave a drill.
 */
import { declareIncident, setActive, setStatus, type Declaration } from './incidents.ts';
import { loadStore } from './pageStoreLoader.ts';

/** Declare the drill as an incident (run by this browser's responder) and make it the open one. */
export async function declareDrill(declaration: Omit<Declaration, 'onCall'>, channelPrefix: string): Promise<void> {
	(await loadStore()).update((s, at) => declareIncident(s, { ...declaration, onCall: s.responder }, channelPrefix, at).state);
}

/** End the drill: the incident takes the status that closes it. */
export async function endDrill(id: string, closing: { id: string; label: string; closes: boolean }): Promise<void> {
	(await loadStore()).update((s, at) => setStatus(s, id, closing, at));
}

/** Leave the ended drill: no incident is open any more, and the page lists the drills again. */
export async function closeDrill(): Promise<void> {
	(await loadStore()).update((s, at) => setActive(s, null, at));
}
