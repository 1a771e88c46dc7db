import { useState } from 'preact/hooks';
import type { ChecklistSpec, ClientPlaybook } from '../../lib/clientPlaybook';
import { importIncident } from '../../lib/incidents';
import type { Incident, State } from '../../lib/state';
import type { Store } from '../../lib/store';
import { LazyCopyFallback } from '../LazyCopyFallback';
import type { Scenarios } from '../useScenarios';

const actions = () => import('./exportActions.onDemand');

interface Props {
	incident: Incident | undefined;
	state: State;
	store: Store;
	playbook: ClientPlaybook;
	checklists: ChecklistSpec[];
	/** Whether every scenario's checklist is in: the Markdown report waits for them. */
	listsStatus?: Scenarios['status'] | undefined;
}

/** Copy or download the incident as Markdown or JSON, and import a JSON export back. */
export function Exports({ incident, state, store, playbook, checklists, listsStatus = 'ready' }: Props) {
	const [message, setMessage] = useState('');
	const [refusal, setRefusal] = useState('');
	const [pending, setPending] = useState<Incident | null>(null);
	const [fallback, setFallback] = useState<string | null>(null);

	const copy = async () => {
		if (!incident) return;
		const refused = await (await actions()).copyIncidentMarkdown(incident, checklists, playbook);
		if (refused === undefined) setMessage('Copied the incident as Markdown.');
		else setFallback(refused);
	};
	const choose = async (input: HTMLInputElement) => {
		const file = input.files?.[0];
		input.value = '';
		setMessage('');
		setRefusal('');
		setPending(null);
		if (!file) return;
		const result = await (await actions()).readImport(file);
		if (!result.ok) return setRefusal(`${file.name} was not imported: ${result.reason} Nothing was changed.`);
		if (state.incidents.some((i) => i.id === result.incident.id)) return setPending(result.incident);
		store.update((s, now) => importIncident(s, result.incident, now));
		setMessage(`Imported incident ${result.incident.id}.`);
	};
	const resolve = (choice: 'replace' | 'copy') => {
		if (!pending) return;
		const taken = new Set(state.incidents.map((i) => i.id));
		let id = pending.id;
		for (let n = 2; choice === 'copy' && taken.has(id); n++) id = `${pending.id}-copy${n === 2 ? '' : n}`;
		store.update((s, now) => importIncident(s, { ...pending, id }, now));
		setMessage(choice === 'copy' ? `Imported as a copy: ${id}.` : `Replaced incident ${id} with the imported one.`);
		setPending(null);
	};

	return (
		<section class="exports" aria-labelledby="exports-title">
			<h3 id="exports-title">Export and import</h3>
			<p class="actions">
				<button type="button" onClick={() => void copy()} disabled={!incident || listsStatus !== 'ready'}>Copy as Markdown</button>
				<button type="button" disabled={!incident || listsStatus !== 'ready'} onClick={async () => incident && (await actions()).downloadIncidentMarkdown(incident, checklists, playbook)}>Download .md</button>
				<button type="button" disabled={!incident} onClick={async () => incident && (await actions()).downloadIncidentJson(incident)}>Download .json</button>
				<label class="button file-button">
					Import .json
					<input type="file" accept=".json,application/json" class="sr-only" onChange={(e) => void choose(e.currentTarget)} />
				</label>
			</p>
			{incident && listsStatus !== 'ready' && (
				<p class="muted">
					{listsStatus === 'loading'
						? 'The Markdown report waits for the scenarios’ checklists to load.'
						: 'The scenarios’ checklists could not be loaded, so the Markdown report is not available; the .json file holds everything. Reload to try again.'}
				</p>
			)}
			<p role="status">{message}</p>
			{refusal && (
				<p class="form-error" role="alert">
					{refusal}
				</p>
			)}
			{pending && (
				<div class="confirm" role="alertdialog" aria-labelledby="import-confirm-text">
					<p id="import-confirm-text">
						This browser already has incident <code>{pending.id}</code>. Replace it with the imported one ({pending.events.length} events), or keep both?
					</p>
					<p class="actions">
						<button type="button" onClick={() => resolve('replace')}>Replace</button>
						<button type="button" onClick={() => resolve('copy')}>Keep both</button>
						<button type="button" onClick={() => { setPending(null); setMessage('Import cancelled; nothing was changed.'); }}>Cancel</button>
					</p>
				</div>
			)}
			{fallback !== null && <LazyCopyFallback text={fallback} label="Incident as Markdown" onClose={() => setFallback(null)} />}
		</section>
	);
}
