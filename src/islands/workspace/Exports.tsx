import { useState } from 'preact/hooks';
import { incidentMarkdown } from '../../lib/checklistMarkdown';
import type { ChecklistSpec, ClientPlaybook } from '../../lib/clientPlaybook';
import { exportIncident, MAX_IMPORT_BYTES, parseImport } from '../../lib/incidentJson';
import { importIncident } from '../../lib/incidents';
import type { Incident, State } from '../../lib/state';
import type { Store } from '../../lib/store';
import { copyText, downloadText } from '../copyText';
import { CopyFallback } from '../CopyFallback';

interface Props {
	incident: Incident | undefined;
	state: State;
	store: Store;
	playbook: ClientPlaybook;
	checklists: ChecklistSpec[];
}

/** Copy or download the incident as Markdown or JSON, and import a JSON export back. */
export function Exports({ incident, state, store, playbook, checklists }: Props) {
	const [message, setMessage] = useState('');
	const [refusal, setRefusal] = useState('');
	const [pending, setPending] = useState<Incident | null>(null);
	const [fallback, setFallback] = useState<string | null>(null);

	const markdown = () => (incident ? incidentMarkdown(incident, checklists, playbook) : '');
	const copy = async () => {
		const text = markdown();
		if (await copyText(text)) setMessage('Copied the incident as Markdown.');
		else setFallback(text);
	};
	const choose = async (input: HTMLInputElement) => {
		const file = input.files?.[0];
		input.value = '';
		setMessage('');
		setRefusal('');
		setPending(null);
		if (!file) return;
		// An oversized file is refused on its size alone, before it is read.
		const result = parseImport(file.size > MAX_IMPORT_BYTES ? '' : await file.text(), file.size);
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
				<button type="button" onClick={copy} disabled={!incident}>Copy as Markdown</button>
				<button type="button" disabled={!incident} onClick={() => incident && downloadText(`incident-${incident.id}.md`, markdown())}>Download .md</button>
				<button type="button" disabled={!incident} onClick={() => incident && downloadText(`incident-${incident.id}.json`, exportIncident(incident, Date.now()), 'application/json')}>Download .json</button>
				<label class="button file-button">
					Import .json
					<input type="file" accept=".json,application/json" class="sr-only" onChange={(e) => void choose(e.currentTarget)} />
				</label>
			</p>
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
			{fallback !== null && <CopyFallback text={fallback} label="Incident as Markdown" onClose={() => setFallback(null)} />}
		</section>
	);
}
