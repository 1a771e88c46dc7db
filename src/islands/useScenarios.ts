import { useEffect, useState } from 'preact/hooks';
import type { ChecklistSpec, ClientPlaybook, ClientScenario, PublishedScenarios } from '../lib/clientPlaybook.ts';

/** The scenarios an island can offer, and whether they are all there yet. */
export interface Scenarios {
	scenarios: ClientScenario[];
	/** The checklists given to the island, then every scenario's. */
	checklists: ChecklistSpec[];
	status: 'ready' | 'loading' | 'failed';
}

const loaded = new Map<string, PublishedScenarios>();
const pending = new Map<string, Promise<PublishedScenarios>>();

/** Fetch the scenario data once per page, however many islands ask. */
export function loadScenarioData(url: string): Promise<PublishedScenarios> {
	let request = pending.get(url);
	if (!request) {
		request = fetch(url).then(async (response) => {
			if (!response.ok) throw new Error(`${url} answered ${response.status}`);
			const data = (await response.json()) as PublishedScenarios;
			if (!Array.isArray(data.scenarios) || !Array.isArray(data.checklists)) throw new Error(`${url} is not scenario data`);
			loaded.set(url, data);
			return data;
		});
		// A failed fetch may be tried again by the next island that asks (e.g. once back online).
		request.catch(() => pending.delete(url));
		pending.set(url, request);
	}
	return request;
}

/**
 * The playbook's scenarios for an island: from its props, or fetched when the page left them out
 * (`scenariosFrom`). `checklists` are the lists the island was given (the phases), followed by the
 * scenarios' once they are in.
 */
export function useScenarios(playbook: ClientPlaybook, checklists: ChecklistSpec[] = []): Scenarios {
	const url = playbook.scenariosFrom;
	const [data, setData] = useState<PublishedScenarios | undefined>(url ? loaded.get(url) : undefined);
	const [failed, setFailed] = useState(false);
	useEffect(() => {
		if (!url || data) return;
		let live = true;
		loadScenarioData(url).then(
			(found) => live && setData(found),
			() => live && setFailed(true),
		);
		return () => {
			live = false;
		};
	}, [url]);
	if (!url) return { scenarios: playbook.scenarios, checklists, status: 'ready' };
	if (data) return { scenarios: data.scenarios, checklists: [...checklists, ...data.checklists], status: 'ready' };
	return { scenarios: [], checklists, status: failed ? 'failed' : 'loading' };
}

/** What to say where the scenario list should be. */
export function scenarioStatusText(status: Scenarios['status']): string {
	return status === 'loading'
		? 'Loading the scenarios…'
		: 'The scenario list could not be loaded (offline before the first visit finished?). Everything else here works; reload to try again.';
}
