/**
 * Add an alert to the open incident from a runbook opened by the alert's link: loaded on the press,
 * with the store and the incident model it needs, so showing the alert's note loads neither.
 */
import type { AlertPrefill } from '../lib/alertParams.ts';
import { addAlert } from '../lib/incidents.ts';
import { loadStore } from '../lib/pageStoreLoader.ts';

/** Note the alert on incident `id`'s timeline and merge its services into the incident's. */
export async function addAlertTo(id: string, alert: AlertPrefill): Promise<void> {
	const store = await loadStore();
	store.update((s, now) => addAlert(s, id, alert, now));
}
