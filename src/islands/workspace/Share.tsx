import { useEffect, useState } from 'preact/hooks';
import type { ClientPlaybook } from '../../lib/clientPlaybook';
import type { Deadline } from '../../lib/clocks';
import type { GeneratorTemplate } from '../../lib/composeMessage';
import type { Incident, State } from '../../lib/state';
import type { Store } from '../../lib/store';
import { copyText } from '../copyText';
import type { HandoverPanel as HandoverPanelType } from './HandoverPanel.onDemand';
import type { Shared } from './shareActions.onDemand';
import type { SharedPanel as SharedPanelType, SharedSource } from './SharedPanel.onDemand';

const actions = () => import('./shareActions.onDemand');

/** The shared-incident panel, loaded only when a shared incident is opened. */
export function LazySharedPanel(props: Parameters<typeof SharedPanelType>[0]) {
	const [View, setView] = useState<typeof SharedPanelType | undefined>(undefined);
	useEffect(() => {
		void import('./SharedPanel.onDemand').then((m) => setView(() => m.SharedPanel));
	}, []);
	return View ? <View {...props} /> : <p role="status">Opening the shared incident…</p>;
}

function LazyHandoverPanel(props: Parameters<typeof HandoverPanelType>[0]) {
	const [View, setView] = useState<typeof HandoverPanelType | undefined>(undefined);
	useEffect(() => {
		void import('./HandoverPanel.onDemand').then((m) => setView(() => m.HandoverPanel));
	}, []);
	return View ? <View {...props} /> : <p role="status">Loading the handover form…</p>;
}

interface Props {
	incident: Incident;
	state: State;
	store: Store;
	playbook: ClientPlaybook;
	deadlines: Deadline[];
	handoverTemplate?: GeneratorTemplate | undefined;
	now: number;
	/** Open the panel that reads an encrypted file. */
	onOpen: (source: SharedSource) => void;
}

/** Hand the incident over: the handover record and message, the encrypted share link, the status page file. */
export function Share({ incident, store, playbook, deadlines, handoverTemplate, now, onOpen }: Props) {
	const [handing, setHanding] = useState(false);
	const [shared, setShared] = useState<Shared | null>(null);
	const [message, setMessage] = useState('');
	useEffect(() => {
		setShared(null);
		setHanding(false);
	}, [incident.id]);

	const share = async () => {
		setMessage('');
		const result = await (await actions()).shareIncident(incident, location.href);
		setShared(result);
		if (result.kind === 'link') setMessage((await copyText(result.link)) ? 'Copied the encrypted link: paste it to the colleague taking over.' : 'Copy the link below.');
		else setMessage(`The incident makes a ${result.length.toLocaleString('en')}-character link, too long for chat: it was downloaded as an encrypted file instead. Send the file, and the key apart from it.`);
	};

	return (
		<section class="share" aria-labelledby="share-title">
			<h3 id="share-title">Hand over and share</h3>
			<p class="actions">
				<button type="button" aria-expanded={handing} onClick={() => setHanding(!handing)}>Hand over command</button>
				<button type="button" onClick={() => void share()}>Copy encrypted link</button>
				<button type="button" onClick={async () => setMessage(`Downloaded ${(await actions()).downloadStatusPage(incident, playbook, incident.impact)} for the status page (cState).`)}>
					Status page file
				</button>
				<button type="button" onClick={() => onOpen({ kind: 'file' })}>Open an encrypted file</button>
			</p>
			<p role="status">{message}</p>
			{shared?.kind === 'link' && (
				<label class="field share-output">
					<span>Encrypted link ({shared.link.length.toLocaleString('en')} characters; whoever has it can read the incident)</span>
					<input type="text" readOnly value={shared.link} data-share-link onFocus={(e) => e.currentTarget.select()} />
				</label>
			)}
			{shared?.kind === 'file' && (
				<label class="field share-output">
					<span>Key of the file (send it apart from the file)</span>
					<input type="text" readOnly value={shared.key} data-share-key onFocus={(e) => e.currentTarget.select()} />
				</label>
			)}
			{handing && <LazyHandoverPanel incident={incident} store={store} playbook={playbook} deadlines={deadlines} template={handoverTemplate} now={now} />}
		</section>
	);
}
