import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { ClientPlaybook } from '../../lib/clientPlaybook.ts';
import { formatUtcTime, type Deadline } from '../../lib/clocks.ts';
import { lastCopied } from '../../lib/copiedMessages.ts';
import { deadlineWhen } from '../../lib/deadlineWhen.ts';
import type { Incident } from '../../lib/state.ts';
import { loadStore } from '../../lib/pageStoreLoader.ts';
import { INCIDENT_QUERY, urls } from '../../lib/urls.ts';
import { changeWorkspace } from './workspaceChange.ts';

/** A message template as the workspace offers it: its name and its generator, filled from the incident. */
export interface MessageLink {
	title: string;
	href: string;
}

/** The messages the workspace offers next, when the playbook has them. */
export interface NextMessages {
	update?: MessageLink | undefined;
	resolution?: MessageLink | undefined;
}

interface Props {
	incident: Incident;
	playbook: ClientPlaybook;
	deadlines: Deadline[];
	now: number;
	messages: NextMessages;
	/** Take the focus once the incident is resolved (it was resolved from this page). */
	focus?: boolean;
}

/** The id of the section's heading. */
const NEXT_MESSAGE_TITLE = 'next-message-title';

/**
 * The next message to send, one tap away whether or not it is due: the status update while the
 * incident is open (copied and logged as the incident bar's "Post the update" does, or its generator
 * when something is missing), the resolution and the post-mortem once it is resolved.
 */
export function NextMessage({ incident, playbook, deadlines, now, messages, focus = false }: Props) {
	const [said, setSaid] = useState<{ text: string; copied: boolean; write?: { label: string; href: string } }>({ text: '', copied: false });
	const write = useRef<HTMLAnchorElement>(null);
	useLayoutEffect(() => write.current?.focus(), [said]);
	const [busy, setBusy] = useState(false);
	const { update, resolution } = messages;
	const resolved = incident.resolvedAt !== undefined;
	const heading = useRef<HTMLHeadingElement>(null);
	useLayoutEffect(() => {
		if (focus && resolved) heading.current?.focus();
	}, [focus, resolved]);
	if (resolved) {
		// Said once it was copied after the incident was resolved (a draft copied before may no longer be true).
		const copiedAt = resolution && lastCopied(incident, resolution.title, incident.resolvedAt ?? 0);
		const postMortem = (primary: boolean) => (
			<a class={primary ? 'button primary' : 'button'} href={urls.postMortem({ [INCIDENT_QUERY]: incident.id })}>
				Write the post-mortem
			</a>
		);
		return (
			<section class="next-message" aria-labelledby={NEXT_MESSAGE_TITLE}>
				<h3 id={NEXT_MESSAGE_TITLE} tabIndex={-1} ref={heading}>
					{copiedAt === undefined ? 'Next: say it is resolved' : 'Next: the post-mortem'}
				</h3>
				{copiedAt !== undefined && resolution && (
					<p class="muted">
						{resolution.title} message copied at {formatUtcTime(copiedAt)}.
					</p>
				)}
				<p class="actions">
					{copiedAt !== undefined && postMortem(true)}
					{resolution && (
						<a class={copiedAt === undefined ? 'button primary' : 'button'} href={resolution.href}>
							Write the {resolution.title.toLowerCase()} message{copiedAt === undefined ? '' : ' again'}
						</a>
					)}
					{copiedAt === undefined && postMortem(false)}
				</p>
			</section>
		);
	}
	if (!update) return null;
	const due = deadlines.find((d) => d.kind === 'update');
	// Once the next update is asked for (the status changed since, or its time came), "copied and logged"
	// would read as if the update just sent said what is true now. What went wrong stays said.
	const shown = said.copied && due?.state !== 'upcoming' ? '' : said.text;
	const post = async () => {
		if (busy) return;
		setBusy(true);
		// After the changes made before it: the update says the status and level just set.
		const outcome = await changeWorkspace(async () => {
			const [{ postUpdate }, store] = await Promise.all([import('../../scripts/postUpdate.onDemand.ts'), loadStore()]);
			return postUpdate(store, incident.id, playbook);
		});
		setBusy(false);
		// Nothing copied for want of a value: said here, where the responder tapped, with the way to write it (the clipboard
		// still holds what was copied before, the declaration most likely, which must not be pasted as the update).
		if (!outcome.done && outcome.reason === 'missing') {
			const label = `Write ${outcome.missing.join(', ')} in the ${outcome.form} form`;
			return setSaid({
				text: `Not copied: ${outcome.missing.join(', ')} still to write.`,
				copied: false,
				write: { label, href: outcome.href },
			});
		}
		// Something to check first (a mention that notifies everyone, a clock behind): said, with the way to the generator, which shows it too.
		if (!outcome.done && outcome.reason === 'check')
			return setSaid({
				text: outcome.message,
				copied: false,
				write: { label: `Check the ${outcome.form} before copying`, href: outcome.href },
			});
		setSaid({ text: outcome.message, copied: outcome.done });
		// The clipboard refused: the update's generator shows the text to copy by hand (as from the bar).
		if (!outcome.done && outcome.reason !== 'gone') location.assign(outcome.href);
	};
	return (
		<section class="next-message" aria-labelledby={NEXT_MESSAGE_TITLE}>
			<h3 id={NEXT_MESSAGE_TITLE} tabIndex={-1}>
				Next message: {update.title}
			</h3>
			<p class="muted">
				{due?.at === undefined
					? 'Filled from the incident.'
					: `${due.state === 'upcoming' ? 'Next one' : 'Send it now:'} ${deadlineWhen(due, now)}; filled from the incident.`}
			</p>
			<p class="actions">
				<button type="button" class="primary" onClick={() => void post()} aria-busy={busy}>
					Copy the {update.title.toLowerCase()}
				</button>
				<a class="button" href={update.href}>
					Edit it first
				</a>
			</p>
			<p role="status">{shown}</p>
			{said.write && (
				<p class="actions">
					<a ref={write} class="button primary" href={said.write.href}>
						{said.write.label}
					</a>
				</p>
			)}
		</section>
	);
}
