import { useEffect, useState } from 'preact/hooks';
import type { ChecklistSpec, ClientPlaybook } from '../../lib/clientPlaybook.ts';
import type { Incident, State } from '../../lib/state.ts';
import type { CopyFallback as CopyFallbackType } from '../CopyFallback.onDemand.tsx';
import { copyIncidentMarkdown, readImport } from './exportActions.onDemand.ts';
import { SharedPanel, type SharedSource } from './SharedPanel.onDemand.tsx';
import { changeWorkspace } from './workspaceChange.ts';

/** What the responder asked of the export section, and when (asking again runs it again). */
export type ExportAction = { kind: 'copy' | 'fragment'; at: number } | { kind: 'import'; file: File | undefined; at: number };

interface Props {
	action: ExportAction;
	incident: Incident | undefined;
	state: State;
	playbook: ClientPlaybook;
	checklists: ChecklistSpec[];
	/** Say the outcome in the section's status line. */
	say: (message: string) => void;
	/** The shared incident was dealt with (imported, merged or dismissed): say so. */
	onShared: (message: string) => void;
}

/**
 * What the export section's copy and import do, loaded on the first of them (or with a shared
 * incident in the page's address): the report copied or offered in a box to copy by hand, a file
 * read and imported or refused, an incident this browser already has or an encrypted one opened in
 * the panel that brings it in.
 */
export function ExportsPanel({ action, incident, state, playbook, checklists, say, onShared }: Props) {
	const [refusal, setRefusal] = useState('');
	const [pending, setPending] = useState<SharedSource | null>(null);
	const [fallback, setFallback] = useState<string | null>(null);
	// The manual copy box's code loads only when a browser refuses the clipboard.
	const [Fallback, setFallbackView] = useState<typeof CopyFallbackType | undefined>(undefined);

	const copy = async () => {
		if (!incident) return;
		const refused = await copyIncidentMarkdown(incident, checklists, playbook);
		if (refused === undefined) return say('Copied the incident as Markdown.');
		setFallback(refused);
		if (Fallback) return;
		const { CopyFallback } = await import('../CopyFallback.onDemand.tsx');
		setFallbackView(() => CopyFallback);
	};
	const take = async (file: File | undefined) => {
		setRefusal('');
		setPending(null);
		if (!file) return;
		const result = await readImport(file);
		if (result.ok === 'sealed') return setPending({ kind: 'sealed', data: result.data, name: file.name });
		if (!result.ok) return setRefusal(`${file.name} was not imported: ${result.reason} Nothing was changed.`);
		if (state.incidents.some((i) => i.id === result.incident.id))
			return setPending({ kind: 'incident', incident: result.incident, name: file.name });
		void changeWorkspace((c) => c.bringIn(result.incident));
		say(`Imported incident ${result.incident.id}.`);
	};
	useEffect(() => {
		if (action.kind === 'copy') void copy();
		else if (action.kind === 'import') void take(action.file);
		else setPending({ kind: 'fragment' });
	}, [action.at]);

	return (
		<>
			{refusal && (
				<p class="form-error" role="alert">
					{refusal}
				</p>
			)}
			{pending && (
				<SharedPanel
					source={pending}
					state={state}
					playbook={playbook}
					onClose={(said) => {
						setPending(null);
						onShared(said);
					}}
				/>
			)}
			{fallback !== null &&
				(Fallback ? (
					<Fallback text={fallback} label="Incident as Markdown" onClose={() => setFallback(null)} />
				) : (
					<p role="status">Preparing the text to copy…</p>
				))}
		</>
	);
}
