import { useEffect, useState } from 'preact/hooks';
import { copyText } from '../copyText.ts';
import type { ShareProps } from './Share.tsx';
import { HandoverPanel } from './HandoverPanel.onDemand.tsx';
import { downloadStatusPage, shareIncident, type Shared } from './shareActions.onDemand.ts';

/** What the responder asked for, and when (asking again runs it again). */
export interface ShareAction {
	kind: 'handover' | 'link' | 'status';
	at: number;
}

/** What the share section is given, and the action its button asked for. */
interface Props extends ShareProps {
	action: ShareAction;
}

/** What the buttons of the share section do: the encrypted link or file, the status page file, the handover form. */
export function SharePanel({ incident, playbook, deadlines, handoverHref, responder, action }: Props) {
	const [shared, setShared] = useState<Shared | null>(null);
	const [message, setMessage] = useState('');
	const [handing, setHanding] = useState(false);
	useEffect(() => {
		setMessage('');
		if (action.kind === 'handover') setHanding(true);
		if (action.kind === 'status')
			setMessage(
				`Downloaded ${downloadStatusPage(incident, playbook, incident.impact)}: add it to the status page site (cState) and publish.`,
			);
		if (action.kind === 'link') {
			// The link opens the page itself: no query that would prefill a form, no old fragment.
			void shareIncident(incident, location.origin + location.pathname).then(async (result) => {
				setShared(result);
				if (result.kind === 'file') {
					setMessage(
						`The incident makes a ${result.length.toLocaleString('en')}-character link, too long for chat: it was downloaded as an encrypted file instead. Send the file, and the key apart from it.`,
					);
				} else {
					setMessage(
						(await copyText(result.link)) ? 'Copied the encrypted link: paste it to the colleague taking over.' : 'Copy the link below.',
					);
				}
			});
		}
	}, [action.at]);

	return (
		<>
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
			{handing && <HandoverPanel incident={incident} deadlines={deadlines} messageHref={handoverHref} responder={responder} />}
		</>
	);
}
