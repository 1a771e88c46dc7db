import { useEffect, useState } from 'preact/hooks';
import type { ChecklistSpec, ClientPlaybook } from '../../lib/clientPlaybook.ts';
import { SHARE_PREFIX } from '../../lib/urls.ts';
import type { Incident, State } from '../../lib/state.ts';
import type { CopyFallback as CopyFallbackType } from '../CopyFallback.onDemand.tsx';
import { LazySharedPanel } from './Share.tsx';
import type { SharedSource } from './SharedPanel.onDemand.tsx';
import type { Scenarios } from '../useScenarios.ts';
import { changeWorkspace } from './workspaceChange.ts';

const actions = () => import('./exportActions.onDemand.ts');
/** Does the page's address carry a shared incident? */
const shared = () => location.hash.startsWith(`#${SHARE_PREFIX}`);

interface Props {
	incident: Incident | undefined;
	state: State;
	playbook: ClientPlaybook;
	checklists: ChecklistSpec[];
	/** Whether every scenario's checklist is in: the Markdown report waits for them. */
	listsStatus?: Scenarios['status'] | undefined;
}

/** Copy or download the incident as Markdown or JSON, and import a JSON export (or an encrypted incident file) back. */
export function Exports({ incident, state, playbook, checklists, listsStatus = 'ready' }: Props) {
	const [message, setMessage] = useState('');
	const [refusal, setRefusal] = useState('');
	const [pending, setPending] = useState<SharedSource | null>(null);
	const [fallback, setFallback] = useState<string | null>(null);
	// The manual copy box's code loads only when a browser refuses the clipboard.
	const [Fallback, setFallbackView] = useState<typeof CopyFallbackType | undefined>(undefined);
	useEffect(() => {
		// A shared incident travels in the link's fragment: the code that opens it loads only then.
		const open = () => shared() && setPending({ kind: 'fragment' });
		open();
		addEventListener('hashchange', open);
		return () => removeEventListener('hashchange', open);
	}, []);

	const copy = async () => {
		if (!incident) return;
		const refused = await (await actions()).copyIncidentMarkdown(incident, checklists, playbook);
		if (refused === undefined) return setMessage('Copied the incident as Markdown.');
		setFallback(refused);
		if (Fallback) return;
		const { CopyFallback } = await import('../CopyFallback.onDemand.tsx');
		setFallbackView(() => CopyFallback);
	};
	const choose = async (input: HTMLInputElement) => {
		const file = input.files?.[0];
		input.value = '';
		setMessage('');
		setRefusal('');
		setPending(null);
		if (!file) return;
		const result = await (await actions()).readImport(file);
		if (result.ok === 'sealed') return setPending({ kind: 'sealed', data: result.data, name: file.name });
		if (!result.ok) return setRefusal(`${file.name} was not imported: ${result.reason} Nothing was changed.`);
		if (state.incidents.some((i) => i.id === result.incident.id))
			return setPending({ kind: 'incident', incident: result.incident, name: file.name });
		void changeWorkspace((c) => c.bringIn(result.incident));
		setMessage(`Imported incident ${result.incident.id}.`);
	};
	return (
		<section class="exports" aria-labelledby="exports-title">
			<h3 id="exports-title">Export and import</h3>
			<p class="actions">
				<button type="button" onClick={() => void copy()} disabled={!incident || listsStatus !== 'ready'}>
					Copy as Markdown
				</button>
				<button
					type="button"
					disabled={!incident || listsStatus !== 'ready'}
					onClick={async () => incident && (await actions()).downloadIncidentMarkdown(incident, checklists, playbook)}
				>
					Download .md
				</button>
				<button type="button" disabled={!incident} onClick={async () => incident && (await actions()).downloadIncidentJson(incident)}>
					Download .json
				</button>
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
				<LazySharedPanel
					source={pending}
					state={state}
					playbook={playbook}
					onClose={(said) => {
						// The key leaves the address bar once the shared incident is dealt with.
						if (shared()) history.replaceState(history.state, '', location.pathname);
						setPending(null);
						setMessage(said);
					}}
				/>
			)}
			{fallback !== null &&
				(Fallback ? (
					<Fallback text={fallback} label="Incident as Markdown" onClose={() => setFallback(null)} />
				) : (
					<p role="status">Preparing the text to copy…</p>
				))}
		</section>
	);
}
