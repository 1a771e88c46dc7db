import { useState } from 'preact/hooks';
import type { ClientPlaybook } from '../../lib/clientPlaybook.ts';
import type { Deadline } from '../../lib/clocks.ts';
import type { Incident } from '../../lib/state.ts';
import type { ShareAction, SharePanel as SharePanelType } from './SharePanel.onDemand.tsx';

const sharing = () => import('./exportActions.onDemand.ts');

/** What the share section needs: the incident, the playbook and the clocks. */
export interface ShareProps {
	incident: Incident;
	playbook: ClientPlaybook;
	deadlines: Deadline[];
	/** Where the handover message is filled in, when the playbook has one. */
	handoverHref?: string | undefined;
	/** This browser's responder, who hands over when no commander is named. */
	responder?: string | undefined;
}

/**
 * Hand the incident over: the handover record and message, the encrypted share link, the status
 * page file. The buttons come with the workspace; what they do loads on the first click. Keyed
 * by incident where it is used, so another incident starts with no panel open.
 */
export function Share(props: ShareProps) {
	const [panel, setPanel] = useState<{ View: typeof SharePanelType; action: ShareAction } | null>(null);
	const open = async (kind: ShareAction['kind']) => {
		const { SharePanel } = await sharing();
		setPanel({ View: SharePanel, action: { kind, at: Date.now() } });
	};
	return (
		<section class="share" aria-labelledby="share-title">
			<h3 id="share-title">Hand over and share</h3>
			<p class="actions">
				<button type="button" onClick={() => void open('handover')}>
					Hand over command
				</button>
				<button type="button" onClick={() => void open('link')}>
					Copy encrypted link
				</button>
				<button type="button" onClick={() => void open('status')}>
					Status page file
				</button>
			</p>
			{panel && <panel.View {...props} action={panel.action} />}
		</section>
	);
}
