import { useEffect, useRef, useState } from 'preact/hooks';
import { severityById, type ClientPlaybook } from '../../lib/clientPlaybook.ts';
import type { ImportResult } from '../../lib/incidentJson.ts';
import { openSealed } from '../../lib/shareLink.ts';
import type { Incident, State } from '../../lib/state.ts';
import { openFragment } from './shareActions.onDemand.ts';
import { changeWorkspace } from './workspaceChange.ts';
import { focusInView } from '../focusInView.ts';
import { showIncident } from './showIncident.ts';

/**
 * An incident to bring into this browser: from the page's fragment (a shared link), from an encrypted file
 * (its key is asked for), or from a JSON file whose incident this browser already has.
 */
export type SharedSource =
	{ kind: 'fragment' } | { kind: 'sealed'; data: string; name: string } | { kind: 'incident'; incident: Incident; name: string };

interface Props {
	source: SharedSource;
	state: State;
	playbook: Pick<ClientPlaybook, 'severities'>;
	/** Called when the responder is done with it: imported, merged or dismissed (with what to say). */
	onClose: (message: string) => void;
}

const ORIGIN = { fragment: 'a shared link', sealed: 'an encrypted file', incident: 'a file' } as const;

/**
 * What the incident holds (title, severity, events), then import it, merge it into this browser's
 * copy, replace that copy or keep both; data that fails its checks is refused with the reason.
 */
export function SharedPanel({ source, state, playbook, onClose }: Props) {
	const [result, setResult] = useState<ImportResult | null>(source.kind === 'incident' ? { ok: true, incident: source.incident } : null);
	const [key, setKey] = useState('');
	const heading = useRef<HTMLHeadingElement>(null);
	useEffect(() => {
		// The panel may open below the declare form: bring it to the top of the screen, with the keyboard, while the
		// workspace above it settles, so what was shared and its buttons are what a phone shows.
		if (heading.current) focusInView(heading.current, 2000, 'start');
		if (source.kind === 'fragment') void openFragment(location.hash).then(setResult);
	}, [source]);
	const cancel = () => {
		onClose('Nothing was imported; nothing was changed.');
		// The panel is gone: the focus goes on to its section, not to the page.
		requestAnimationFrame(() => document.getElementById('exports-title')?.focus());
	};
	const take = (how: 'import' | 'merge' | 'copy', incident: Incident) => {
		const origin = ORIGIN[source.kind];
		if (how === 'merge') {
			void changeWorkspace((c) => c.mergeIn(incident, `Merged from ${origin}`));
			showIncident(incident.id);
			return onClose(`Merged the incident into ${incident.id}.`);
		}
		const taken = new Set(state.incidents.map((i) => i.id));
		let id = incident.id;
		for (let n = 2; how === 'copy' && taken.has(id); n++) id = `${incident.id}-copy${n === 2 ? '' : n}`;
		void changeWorkspace((c) => c.bringIn({ ...incident, id }, `Imported from ${origin}`));
		showIncident(id);
		onClose(
			how === 'copy'
				? `Imported as a copy: ${id}.`
				: taken.has(id)
					? `Replaced incident ${id} with the imported one.`
					: `Imported incident ${id}.`,
		);
	};

	return (
		<section class="shared-incident confirm" aria-labelledby="shared-title" role={source.kind === 'incident' ? 'alertdialog' : undefined}>
			<h3 id="shared-title" tabIndex={-1} ref={heading}>
				{source.kind === 'fragment' ? 'A shared incident' : `Import ${source.name}`}
			</h3>
			{source.kind === 'sealed' && !result?.ok && (
				<form
					class="shared-file"
					onSubmit={async (e) => {
						e.preventDefault();
						setResult(await openSealed({ key, data: source.data }));
					}}
				>
					<div class="field">
						<label for="shared-key">Key of the encrypted file (sent to you apart from it)</label>
						<input
							id="shared-key"
							type="text"
							required
							autoComplete="off"
							spellcheck={false}
							value={key}
							onInput={(e) => setKey(e.currentTarget.value)}
						/>
					</div>
					<p class="actions">
						<button type="submit" class="primary">
							Decrypt
						</button>
						<button type="button" onClick={cancel}>
							Cancel
						</button>
					</p>
				</form>
			)}
			{source.kind === 'fragment' && result === null && <p role="status">Checking and decrypting the shared incident…</p>}
			{result && !result.ok && (
				<p class="form-error" role="alert" data-shared-refused>
					Refused: {result.reason} Nothing was changed.
				</p>
			)}
			{source.kind === 'fragment' && result && !result.ok && (
				<p class="actions">
					<button type="button" onClick={cancel}>
						Close
					</button>
				</p>
			)}
			{result?.ok && (
				<>
					<dl class="facts" data-shared-summary>
						<dt>Title</dt>
						<dd>{result.incident.title}</dd>
						<dt>Severity</dt>
						<dd>
							{result.incident.severity} {severityById(playbook.severities, result.incident.severity)?.name}
						</dd>
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
								This browser already has incident <code>{result.incident.id}</code>. Merge the imported one into it (the notes, ticks and
								latest edits of both are kept), replace it, or keep both?
							</p>
							<p class="actions">
								<button type="button" class="primary" onClick={() => take('merge', result.incident)}>
									Merge into mine
								</button>
								<button type="button" onClick={() => take('import', result.incident)}>
									Replace
								</button>
								<button type="button" onClick={() => take('copy', result.incident)}>
									Keep both
								</button>
								<button type="button" onClick={cancel}>
									Cancel
								</button>
							</p>
						</>
					) : (
						<p class="actions">
							<button type="button" class="primary" onClick={() => take('import', result.incident)}>
								Import into this browser
							</button>
							<button type="button" onClick={cancel}>
								Cancel
							</button>
						</p>
					)}
				</>
			)}
		</section>
	);
}
