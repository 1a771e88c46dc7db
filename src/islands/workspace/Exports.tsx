import { useEffect, useState } from 'preact/hooks';
import type { ChecklistSpec, ClientPlaybook } from '../../lib/clientPlaybook.ts';
import type { Incident, State } from '../../lib/state.ts';
import { SHARED_FRAGMENT } from '../../lib/sharedFragment.ts';
import type { Scenarios } from '../useScenarios.ts';
import type { ExportAction, ExportsPanel as ExportsPanelType } from './ExportsPanel.onDemand.tsx';

const actions = () => import('./exportActions.onDemand.ts');
/** Does the page's address carry a shared incident (of this site's version or another, which is refused with why)? */
const sharedInAddress = () => SHARED_FRAGMENT.test(location.hash);

interface Props {
	incident: Incident | undefined;
	state: State;
	playbook: ClientPlaybook;
	checklists: ChecklistSpec[];
	/** Whether every scenario's checklist is in: the Markdown report waits for them. */
	listsStatus?: Scenarios['status'] | undefined;
}

/**
 * Copy or download the incident as Markdown or JSON, and import a JSON export (or an encrypted
 * incident file) back. The buttons come with the workspace; what they do loads on the first press
 * (ExportsPanel), or at once when the page's address carries a shared incident.
 */
export function Exports({ incident, state, playbook, checklists, listsStatus = 'ready' }: Props) {
	const [message, setMessage] = useState('');
	const [panel, setPanel] = useState<{ View: typeof ExportsPanelType; action: ExportAction } | null>(null);
	const run = async (action: ExportAction) => {
		const { ExportsPanel } = await actions();
		setPanel({ View: ExportsPanel, action });
	};
	useEffect(() => {
		// A shared incident travels in the link's fragment: the code that opens it loads only then.
		const open = () => sharedInAddress() && void run({ kind: 'fragment', at: Date.now() });
		open();
		addEventListener('hashchange', open);
		return () => removeEventListener('hashchange', open);
	}, []);

	return (
		<section class="exports" aria-labelledby="exports-title">
			<h3 id="exports-title" tabIndex={-1}>
				Export and import
			</h3>
			<p class="actions">
				<button type="button" onClick={() => void run({ kind: 'copy', at: Date.now() })} disabled={!incident || listsStatus !== 'ready'}>
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
					<input
						type="file"
						accept=".json,application/json"
						class="sr-only"
						onChange={(e) => {
							const file = e.currentTarget.files?.[0];
							e.currentTarget.value = '';
							setMessage('');
							void run({ kind: 'import', file, at: Date.now() });
						}}
					/>
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
			{panel && (
				<panel.View
					action={panel.action}
					incident={incident}
					state={state}
					playbook={playbook}
					checklists={checklists}
					say={setMessage}
					onShared={(said) => {
						// The key leaves the address bar once the shared incident is dealt with.
						if (sharedInAddress()) history.replaceState(history.state, '', location.pathname);
						setMessage(said);
					}}
				/>
			)}
		</section>
	);
}
