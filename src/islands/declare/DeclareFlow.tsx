import { useEffect, useRef, useState } from 'preact/hooks';
import type { ClientPlaybook } from '../../lib/clientPlaybook.ts';
import { findIncident, updateIncident } from '../../lib/incidents.ts';
import { cutText } from '../../lib/limits.ts';
import { urls } from '../../lib/urls.ts';
import type { Incident, State } from '../../lib/state.ts';
import type { Store } from '../../lib/store.ts';
import { DeclareForm, type DeclarePrefill, type OpenChanged } from '../workspace/DeclareForm.tsx';
import type { PostOutcome } from '../../scripts/postUpdate.onDemand.ts';
import type { CopiedDeclaration } from './Declared.tsx';
import { WorkspaceLink } from './WorkspaceLink.tsx';

type CopyModule = typeof import('./declareCopy.onDemand.ts');
let copyModule: Promise<CopyModule> | undefined;
const loadCopy = () => (copyModule ??= import('./declareCopy.onDemand.ts'));

interface Props {
	playbook: ClientPlaybook;
	state: State;
	store: Store;
	prefill: DeclarePrefill;
	now: number;
	onCancel?: (() => void) | undefined;
	/** Called once the incident is declared and the message copied (or offered), or one already open took the alert or the level. */
	onDone?: ((id: string) => void) | undefined;
	/** Show a link to the workspace once declared (not on the workspace itself). */
	workspaceLink?: boolean | undefined;
	/** Focus the title as the form opens: it was opened by a click, not met on a page. */
	focusTitle?: boolean | undefined;
}

/**
 * Declare and post in one gesture: the submit declares the incident and, in the same task (so the
 * browser allows the clipboard), copies the declaration message in this browser's format and logs
 * it; then shows what comes next, with the focus.
 */
export function DeclareFlow({ playbook, state, store, prefill, now, onCancel, onDone, workspaceLink, focusTitle = true }: Props) {
	const [copy, setCopy] = useState<CopyModule | undefined>(undefined);
	const [declared, setDeclared] = useState<{ id: string; message?: CopiedDeclaration | undefined } | undefined>(undefined);
	const [added, setAdded] = useState<{ id: string; changed: OpenChanged } | undefined>(undefined);
	// The message writer loads as the responder starts on the form; it is there by the time they submit.
	const start = () => {
		if (!copy) void loadCopy().then((loaded) => setCopy(() => loaded));
	};
	const finish = (id: string, message?: CopiedDeclaration) =>
		void loadCopy().then((loaded) => {
			setCopy(() => loaded);
			setDeclared({ id, message });
			onDone?.(id);
		});

	const onDeclared = (id: string) => {
		// No await before the copy: the clipboard is allowed only within the submit's own task.
		if (copy) void copy.copyDeclaration(store, playbook, id).then((message) => finish(id, message));
		else void loadCopy().then((loaded) => loaded.copyDeclaration(store, playbook, id).then((message) => finish(id, message)));
	};

	if (added)
		return (
			<OpenIncidentChanged
				incident={findIncident(state, added.id)}
				changed={added.changed}
				store={store}
				NotKept={copy?.NotKept}
				playbook={playbook}
				workspaceLink={workspaceLink}
			/>
		);
	const incident = declared && findIncident(state, declared.id);
	if (declared && incident && copy) {
		return (
			<copy.Declared
				incident={incident}
				playbook={playbook}
				message={declared.message}
				now={now}
				workspaceLink={workspaceLink}
				notKept={store.notices().some((n) => n.unsaved) ? store : undefined}
				onCopiedByHand={() => {
					const message = declared.message;
					if (!message || message.copied) return;
					copy.logCopy(store, declared.id, message.format);
					setDeclared({ ...declared, message: { ...message, copied: true } });
				}}
			/>
		);
	}
	return (
		<div onFocusIn={start} onPointerDown={start}>
			<DeclareForm
				playbook={playbook}
				state={state}
				store={store}
				prefill={prefill}
				onDeclared={onDeclared}
				onAdded={(id, changed) => {
					// With what says so should the change not be kept (loaded as the responder started on the form).
					void loadCopy().then((loaded) => setCopy(() => loaded));
					setAdded({ id, changed });
					onDone?.(id);
				}}
				onCancel={onCancel}
				focusTitle={focusTitle}
				submitLabel="Declare and copy the message"
			/>
		</div>
	);
}

/** The most of an impact a panel quotes (the whole is in the workspace). */
const SHOWN_IMPACT = 120;

/** The words a panel says for each way an open incident's level was set. */
const CHANGED = { raise: 'raised', lower: 'lowered', set: 'set' } as const;

/**
 * Said, with the focus, once the incident already open took the alert, the classified level, or both, instead
 * of a second declaration. A new level changes who is told and how often: the status update is offered at once.
 * Not kept (storage full, refused), it says so, with the ways to keep it, as a declaration does.
 */
function OpenIncidentChanged({
	incident,
	changed: { alert, level, impact, proposedImpact },
	store,
	NotKept,
	playbook,
	workspaceLink = true,
}: {
	incident: Incident | undefined;
	changed: OpenChanged;
	store: Store;
	/** The notice of a change not kept, from the code that copies a declaration (loaded as the form was used). */
	NotKept: CopyModule['NotKept'] | undefined;
	playbook: ClientPlaybook;
	workspaceLink?: boolean | undefined;
}) {
	const panel = useRef<HTMLElement>(null);
	useEffect(() => panel.current?.focus(), []);
	const [posted, setPosted] = useState<PostOutcome | undefined>(undefined);
	const [busy, setBusy] = useState(false);
	const notKept = store.notices().some((n) => n.unsaved);
	const resolved = incident?.resolvedAt !== undefined;
	const id = incident?.id ?? 'the open incident';
	const moved = level && `${CHANGED[level.change]} to ${level.to}`;
	const what = alert ? (
		<>
			Alert <code>{alert}</code> added to {id}
			{moved && `, ${moved}`}
		</>
	) : (
		`${id} ${moved ?? ''}`
	);
	const post = async () => {
		if (busy || !incident) return;
		setBusy(true);
		// Its code not loaded (offline, and not kept by the worker), nothing is copied: said, with the way to the messages.
		const failed: PostOutcome = {
			done: false,
			reason: 'refused',
			message: 'The update could not be prepared on this page.',
			href: urls.communication(),
		};
		setPosted(
			await import('../../scripts/postUpdate.onDemand.ts').then((m) => m.postUpdate(store, incident.id, playbook)).catch(() => failed),
		);
		setBusy(false);
	};
	return (
		<section ref={panel} class="declared" tabIndex={-1} aria-labelledby="declared-title">
			<h2 id="declared-title">{what}</h2>
			{notKept && NotKept && <NotKept store={store} what="The change is" />}
			{incident && !notKept && (
				<p>
					Noted on the timeline of “{incident.title}”{alert ? ', with its services' : ''}
					{impact ? ', with the impact from this form' : ''}. No second incident was declared.
					{level && !resolved && ` Its deadlines follow ${level.to} now: post an update so everyone knows.`}
				</p>
			)}
			{/* Resolved since (in another tab): no update to post, and no form to write one in. */}
			{resolved && <p>{incident.id} has been resolved since: there is no status update to post.</p>}
			{/* The impact written at another level may no longer be true: the update would say it, so the form's is offered. */}
			{proposedImpact && incident && !resolved && !notKept && incident.impact !== proposedImpact && (
				<div class="impact-offer">
					<p id="impact-offer-text">Its impact still reads “{cutText(incident.impact, SHOWN_IMPACT)}”.</p>
					<p class="actions">
						<button
							type="button"
							aria-describedby="impact-offer-text"
							onClick={() => store.update((s, now) => updateIncident(s, incident.id, { impact: proposedImpact }, now))}
						>
							Change it to “{cutText(proposedImpact, SHOWN_IMPACT)}”
						</button>
					</p>
				</div>
			)}
			{level && incident && !resolved && (
				<>
					<p class="actions">
						<button type="button" class="primary" onClick={() => void post()} aria-busy={busy}>
							Copy the status update
						</button>
					</p>
					{posted && (
						<p role="status">
							{posted.done ? (
								posted.message
							) : (
								<>
									{/* The bar's words say it opens the form; here the link does, when pressed. */}
									{posted.reason === 'missing'
										? `Not copied: ${posted.missing.join(', ')} still to write.`
										: posted.message.replace(/: opening .*$/, '.')}{' '}
									<a href={posted.href}>Open the update's form</a>
								</>
							)}
						</p>
					)}
				</>
			)}
			{workspaceLink && !notKept && <WorkspaceLink primary={!level} />}
		</section>
	);
}
