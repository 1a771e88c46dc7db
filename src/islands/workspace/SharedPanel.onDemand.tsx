import { useEffect, useState } from 'preact/hooks';
import type { ClientPlaybook } from '../../lib/clientPlaybook';
import { severityLabel } from '../../lib/postMortem';
import { importIncident, mergeImported } from '../../lib/incidents';
import type { ImportResult } from '../../lib/incidentJson';
import type { Incident, State } from '../../lib/state';
import type { Store } from '../../lib/store';
import { openFragment, openSealedFile } from './shareActions.onDemand';

/** Where the shared incident comes from: the page's address, or a file and its key. */
export type SharedSource = { kind: 'fragment'; hash: string } | { kind: 'file' };

interface Props {
	source: SharedSource;
	state: State;
	store: Store;
	playbook: Pick<ClientPlaybook, 'severities'>;
	/** Called when the responder is done with it: imported, merged or dismissed (with what to say). */
	onClose: (message: string) => void;
}

/**
 * A shared incident, opened: what it holds (title, severity, events), then import it, or merge it
 * into this browser's copy; a link that fails its checks is refused with the reason.
 */
export function SharedPanel({ source, state, store, playbook, onClose }: Props) {
	const [result, setResult] = useState<ImportResult | null>(null);
	const [key, setKey] = useState('');
	const [file, setFile] = useState<File | null>(null);
	useEffect(() => {
		if (source.kind === 'fragment') void openFragment(source.hash).then(setResult);
	}, [source]);

	const take = (how: 'import' | 'merge' | 'copy', incident: Incident) => {
		const origin = source.kind === 'fragment' ? 'a shared link' : 'an encrypted file';
		if (how === 'merge') {
			store.update((s, now) => mergeImported(s, incident, now, `Merged from ${origin}`));
			return onClose(`Merged the shared incident into ${incident.id}.`);
		}
		const taken = new Set(state.incidents.map((i) => i.id));
		let id = incident.id;
		for (let n = 2; how === 'copy' && taken.has(id); n++) id = `${incident.id}-copy${n === 2 ? '' : n}`;
		store.update((s, now) => importIncident(s, { ...incident, id }, now, `Imported from ${origin}`));
		onClose(how === 'copy' ? `Imported the shared incident as a copy: ${id}.` : `Imported the shared incident ${id}.`);
	};

	return (
		<section class="shared-incident confirm" aria-labelledby="shared-title">
			<h3 id="shared-title">{source.kind === 'fragment' ? 'A shared incident' : 'Open an encrypted incident file'}</h3>
			{source.kind === 'file' && !result?.ok && (
				<form
					class="shared-file"
					onSubmit={async (e) => {
						e.preventDefault();
						if (file) setResult(await openSealedFile(file, key));
					}}
				>
					<label class="field">
						<span>Encrypted file (.encrypted.json)</span>
						<input type="file" accept=".json,application/json" required onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)} />
					</label>
					<label class="field">
						<span>Key (sent to you apart from the file)</span>
						<input type="text" required autoComplete="off" spellcheck={false} value={key} onInput={(e) => setKey(e.currentTarget.value)} />
					</label>
					<p class="actions">
						<button type="submit" class="primary">Open</button>
					</p>
				</form>
			)}
			{source.kind === 'fragment' && result === null && <p role="status">Checking and decrypting the shared incident…</p>}
			{result && !result.ok && (
				<p class="form-error" role="alert" data-shared-refused>
					The shared incident was refused: {result.reason} Nothing was changed.
				</p>
			)}
			{result?.ok && (
				<>
					<dl class="facts" data-shared-summary>
						<dt>Title</dt>
						<dd>{result.incident.title}</dd>
						<dt>Severity</dt>
						<dd>{severityLabel(playbook.severities, result.incident.severity)}</dd>
						<dt>Events</dt>
						<dd>{result.incident.events.length}</dd>
						<dt>Steps done</dt>
						<dd>{Object.values(result.incident.ticks).filter((t) => t.done).length}</dd>
						<dt>Action items</dt>
						<dd>{result.incident.postMortem.actionItems.length}</dd>
					</dl>
					{state.incidents.some((i) => i.id === result.incident.id) ? (
						<>
							<p>
								This browser already has incident <code>{result.incident.id}</code>. Merge the shared one into it (notes, ticks and the newest edits of both are kept), or keep both?
							</p>
							<p class="actions">
								<button type="button" class="primary" onClick={() => take('merge', result.incident)}>Merge into mine</button>
								<button type="button" onClick={() => take('copy', result.incident)}>Keep both</button>
								<button type="button" onClick={() => onClose('The shared incident was not imported; nothing was changed.')}>Do not import</button>
							</p>
						</>
					) : (
						<p class="actions">
							<button type="button" class="primary" onClick={() => take('import', result.incident)}>Import into this browser</button>
							<button type="button" onClick={() => onClose('The shared incident was not imported; nothing was changed.')}>Do not import</button>
						</p>
					)}
				</>
			)}
			{(source.kind === 'file' || (result && !result.ok)) && (
				<p class="actions">
					<button type="button" onClick={() => onClose(result && !result.ok ? 'The shared incident was refused; nothing was changed.' : '')}>Close</button>
				</p>
			)}
		</section>
	);
}
