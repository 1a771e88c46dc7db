import { urls, workspaceHref } from '../../lib/urls.ts';
import { useEffect, useRef, useState } from 'preact/hooks';
import { typedMentionWarnings } from '../../lib/broadcastMentions.ts';
import type { ClientPlaybook } from '../../lib/clientPlaybook.ts';
import { alertQuery, declaredFrom } from '../../lib/alertParams.ts';
import { rememberedDetails } from '../../lib/declareDefaults.ts';
import { clearDraft, readDraft, writeDraft } from '../../lib/declareDraft.ts';
import {
	CHANGE_LABELS,
	declareProblems,
	firstOffer,
	impactLimitNote,
	titleLimitNote,
	usualLevels,
	type DeclareField,
} from '../../lib/declareInput.ts';
import {
	addAlert,
	attachScratch,
	declareIncident,
	setResponder,
	setSeverity,
	tookAlert,
	updateIncident,
	type AddedAlert,
} from '../../lib/incidents.ts';
import { cutText, MAX_IMPACT_LENGTH, MAX_NAME_LENGTH, MAX_TITLE_LENGTH } from '../../lib/limits.ts';
import { serviceList } from '../../lib/serviceList.ts';
import { changesLeft } from '../../lib/storageRead.ts';
import type { Incident, State } from '../../lib/state.ts';
import type { Store } from '../../lib/store.ts';
import { scenarioStatusText, useScenarios } from '../useScenarios.ts';
import { DetectedAtField, type Detection } from './DetectedAtField.tsx';
import { focusAtEnd } from '../focusAtEnd.ts';
import { tooSoon } from '../doubleTap.ts';

/** Values the form starts with (from the classifier, a runbook page or an alert link). */
export interface DeclarePrefill {
	severity?: string | undefined;
	scenarios?: string[] | undefined;
	services?: string[] | undefined;
	alert?: string | undefined;
	title?: string | undefined;
	impact?: string | undefined;
	/** The severity is a classification's (the classifier's): an incident already open at another level may be set to it. */
	classified?: boolean | undefined;
	/** With a classified level: the alert's own summary, where `impact` may be the classification's criteria. */
	alertSummary?: string | undefined;
}

/** What was done to an incident already open instead of declaring a second one: its alert added, its level changed, or both. */
export interface OpenChanged {
	alert?: string | undefined;
	level?: { from: string; to: string; change: 'raise' | 'lower' | 'set' } | undefined;
	/** The impact the incident lacked, written from the form (the classification's criteria, or as typed). */
	impact?: string | undefined;
	/** The form's impact where the incident has another: offered, not written over what a responder may have typed. */
	proposedImpact?: string | undefined;
}

interface Props {
	playbook: ClientPlaybook;
	state: State;
	store: Store;
	prefill: DeclarePrefill;
	/** Called in the submit's own task (so it may still use the clipboard), with the new incident's id. */
	onDeclared: (id: string) => void;
	/** Called once the incident already open took the prefill's alert or its classified level, instead of a declaration. */
	onAdded?: ((id: string, changed: OpenChanged) => void) | undefined;
	onCancel?: (() => void) | undefined;
	/** The submit button's words, e.g. "Declare and copy the message". */
	submitLabel?: string | undefined;
	/** Focus the title as the form opens (a form opened by a click, not one met on a page). */
	focusTitle?: boolean | undefined;
}

/** The id of each field that can be refused, to focus it and name its error. */
const FIELD_IDS: Record<DeclareField, string> = {
	title: 'declare-title-input',
	severity: 'declare-severity',
	detected: 'declare-detected',
};
/** Typed values searched for broadcast mentions, by input name, with the label a warning names. */
const MENTION_FIELDS = {
	title: 'Title',
	impact: 'Impact',
	services: 'Affected services',
	onCall: 'On-call',
	commander: 'Commanding',
	responder: 'Your name',
} as const;
type Typed = Record<keyof typeof MENTION_FIELDS, string>;

/** The attributes that tie a field to its error, when it has one. */
const invalid = (id: string, error: string | undefined, describedBy?: string) => {
	const ids = [describedBy, error ? `${id}-error` : undefined].filter(Boolean).join(' ');
	return { 'aria-invalid': error ? ('true' as const) : undefined, 'aria-describedby': ids || undefined };
};
const FieldError = ({ id, error }: { id: string; error: string | undefined }) =>
	error ? (
		<p id={`${id}-error`} class="field-error">
			{error}
		</p>
	) : null;

/** Declare an incident: what it is, how bad, since when, who is on it. Never submits by itself. */
export function DeclareForm({
	playbook,
	state,
	store,
	prefill,
	onDeclared,
	onAdded,
	onCancel,
	submitLabel = 'Declare incident',
	focusTitle = false,
}: Props) {
	// Untouched, the detection time is the moment the form opened, to the millisecond.
	const [opened] = useState(() => Date.now());
	const [detection, setDetection] = useState<Detection>({ at: opened, touched: false });
	const [problems, setProblems] = useState<Partial<Record<DeclareField, string>>>({});
	// What was typed into a form that started so, before a reload or a page killed mid-declaration (declareDraft.ts).
	const start = [prefill.title, prefill.severity, prefill.alert, prefill.scenarios, prefill.services, prefill.impact];
	const [draft] = useState(() => readDraft(start));
	const touched = useRef(false);
	// Controlled: Preact has no defaultValue for <select>.
	const [severity, setSeverityChoice] = useState(draft?.severity || prefill.severity || '');
	const { scenarios, status } = useScenarios(playbook);
	// What was done and noted before declaring, offered to the incident: steps ticked, and notes (on steps ticked or not).
	const scratch = Object.values(state.scratch);
	const scratchCount = scratch.filter((t) => t.done).length;
	const scratchNotes = scratch.filter((t) => t.note).length;
	const kept = [
		scratchCount > 0 && `${scratchCount} step${scratchCount === 1 ? '' : 's'} ticked`,
		scratchNotes > 0 && `${scratchNotes} step note${scratchNotes === 1 ? '' : 's'} written`,
	].filter(Boolean);
	const detectedAt = detection.at;
	// Who is on call rarely changes between two incidents, nor what is hit once the last is over: start from the last one (declareDefaults.ts).
	const [remembered] = useState(() => rememberedDetails(state));
	const [startTitle] = useState(() => cutText(draft?.values['title'] ?? prefill.title ?? '', MAX_TITLE_LENGTH));
	const [typed, setTyped] = useState<Typed>(() => ({
		title: startTitle,
		impact: prefill.impact ?? '',
		services: (prefill.services?.length ? prefill.services : remembered.services).join(', '),
		onCall: remembered.onCall,
		commander: remembered.commander,
		responder: remembered.responder,
		...draft?.values,
	}));
	// Kept as it is typed or chosen (not as the form opens: an untouched form leaves no draft).
	useEffect(() => {
		if (touched.current) writeDraft(start, { values: typed, severity });
	}, [typed, severity]);
	const title = useRef<HTMLInputElement>(null);
	const note = useRef<HTMLDivElement>(null);
	// Offered to change the open incident's level, the note has the focus: read first, a Tab from its button, and no
	// phone keyboard over it (the title would raise one) for a form most likely not filled in.
	useEffect(() => {
		if (focusTitle) change ? note.current?.focus() : focusAtEnd(title.current);
	}, []);
	// What the form holds goes to the classifier and comes back with its level, as an alert's link carries it (alertParams.ts):
	// the runbook, the alert, and the services and impact as they stand. Unsure of the level, a responder retypes nothing.
	const classifyQuery: [string, string][] = [
		...(prefill.scenarios?.[0] ? [['scenario', prefill.scenarios[0]] as [string, string]] : []),
		...alertQuery({
			alert: prefill.alert,
			services: typed.services
				.split(',')
				.map((s) => s.trim())
				.filter(Boolean),
			summary: typed.impact.trim(),
		}),
	];
	// An incident already open, which a new alert most likely belongs to: said first, so a second one is declared only on purpose.
	// Classified at another level than the open incident's: the classification may be that incident's, grown worse (or milder).
	const { open, change } = firstOffer(playbook.severities, state, prefill);
	// The alert's own words, as added to an open incident: with a classified level, neither the level nor the impact (the
	// criteria ticked) are the alert's.
	const added: AddedAlert = {
		alert: prefill.alert,
		services: prefill.services ?? [],
		...(prefill.classified ? { summary: prefill.alertSummary } : { severity: prefill.severity, summary: prefill.impact }),
	};
	// Declared from this very alert, or it took this alert as the link gives it (in another tab): opened, not added to again.
	const fromThis = open !== undefined && (declaredFrom(open, prefill.alert) || tookAlert(open, added));
	const withAlert = !!prefill.alert && !fromThis;
	// Others open besides it (drills apart): the one named is the one worked on, unless an alert or runbook ties it closer.
	const othersOpen = open ? state.incidents.filter((i) => i.resolvedAt === undefined && i.drill === open.drill).length - 1 : 0;
	// With the open incident offered the alert or the level, declaring is the second choice, named as such.
	const secondDeclaration = open !== undefined && (!!prefill.alert || change !== undefined);
	// The levels the runbook usually has come first, as a group of their own. Where the runbooks have one usual
	// level and nothing else chose one, it starts chosen (said beside it); with several, the responder picks.
	const usualFor = scenarios.filter((s) => prefill.scenarios?.includes(s.id));
	const levels = usualLevels(
		playbook.severities,
		usualFor.flatMap((s) => s.severities),
	);
	const suggested = levels.usual.length === 1 ? levels.usual[0]!.id : '';
	// Which way a level chosen for the responder can be wrong: the most severe can only be milder, the least only worse.
	const could = [suggested !== playbook.severities[0]?.id && 'worse', suggested !== playbook.severities.at(-1)?.id && 'milder']
		.filter(Boolean)
		.join(' or ');
	const chosen = severity || suggested;
	const mentions = typedMentionWarnings(
		Object.entries(MENTION_FIELDS).map(([name, label]) => ({ label, value: typed[name as keyof Typed] })),
	);
	const limit = titleLimitNote(typed.title.length);
	const impactLimit = impactLimitNote(typed.impact.length);

	const clear = (field: DeclareField) => setProblems((p) => (p[field] ? { ...p, [field]: undefined } : p));
	// Set once the declaration is made, or waits for what the last page left: a second press (Enter held long enough to
	// repeat, a double click) declares nothing more while the form gives way to what comes next.
	const sent = useRef(false);
	// A message that would notify everyone in the channel (an alert's words, a paste) goes out only when asked twice:
	// the first press says so beside the button; a second, not a key held down, declares with it.
	const mentionsKey = mentions.join('\n');
	const [warned, setWarned] = useState<{ key: string; at: number } | undefined>(undefined);
	const submit = (event: Event) => {
		event.preventDefault();
		if (sent.current) return;
		const element = event.currentTarget as HTMLFormElement;
		const form = new FormData(element);
		const text = (name: string) => form.get(name)?.toString().trim() ?? '';
		const found = declareProblems(
			{ title: text('title'), severity: chosen, detectedAt },
			playbook.severities.map((s) => s.id),
			Date.now(),
		);
		setProblems(Object.fromEntries(found.map((p) => [p.field, p.message])));
		if (found[0]) {
			// The first field to fix, in view and focused: its error is read with it.
			const first = document.getElementById(FIELD_IDS[found[0].field]);
			first?.focus();
			first?.scrollIntoView({ block: 'center' });
			return;
		}
		if (mentionsKey && (warned?.key !== mentionsKey || tooSoon(warned.at))) {
			// Said beside the button (a status, read out); the focus stays where the press was made, to press again.
			if (warned?.key !== mentionsKey) setWarned({ key: mentionsKey, at: Date.now() });
			return;
		}
		// Steps ticked before are added unless the responder unticked the offer; one ticked on the last page
		// and applied only now (below) was not offered yet, and is added as the offer would have been.
		const offer = element.elements.namedItem('attach');
		const offered = offer instanceof HTMLInputElement ? offer.checked : undefined;
		sent.current = true;
		const declare = () => {
			let id = '';
			store.update((s, now) => {
				const named = setResponder(s, text('responder'));
				const declared = declareIncident(
					named,
					{
						title: text('title'),
						severity: chosen,
						status: playbook.statuses[0]?.id ?? '',
						detectedAt,
						impact: text('impact'),
						services: serviceList(text('services')),
						onCall: text('onCall'),
						commander: text('commander'),
						scenarios: form.getAll('scenario').map(String),
						drill: form.get('drill') === 'on',
						alert: prefill.alert,
					},
					playbook.channelPrefix,
					now,
				);
				id = declared.id;
				const attach = offered ?? Object.values(s.scratch).some((t) => t.done || t.note);
				return attach ? attachScratch(declared.state, declared.id, now) : declared.state;
			});
			clearDraft();
			onDeclared(id);
		};
		// Declared in the press (the message may still be copied) unless the last page left changes not yet
		// applied (a tick made as it was left): they are applied first, so the tick lands on the incident.
		if (!changesLeft()) return declare();
		void import('../../lib/checklistChanges.onDemand.ts')
			.then((changes) => changes.applyLeft())
			.catch(() => undefined)
			.then(() => {
				declare();
			});
	};
	// The alert added to it, its level set to the classification's, or both, in one change. An incident without an impact
	// takes the form's (a status update cannot be copied without one): the criteria classified, or what was typed.
	const changeOpen = (incident: Incident, what: { alert: boolean; level: boolean }) => {
		const level = what.level && prefill.severity && change ? { from: incident.severity, to: prefill.severity, change } : undefined;
		const formImpact = typed.impact.trim() || undefined;
		const impact = level && !incident.impact.trim() ? formImpact : undefined;
		const proposedImpact = level && incident.impact.trim() && formImpact !== incident.impact.trim() ? formImpact : undefined;
		store.update((s, now) => {
			let next = level ? setSeverity(s, incident.id, level.to, now) : s;
			if (impact) next = updateIncident(next, incident.id, { impact }, now);
			return what.alert ? addAlert(next, incident.id, added, now) : next;
		});
		onAdded?.(incident.id, { alert: what.alert ? prefill.alert : undefined, level, impact, proposedImpact });
	};
	// Enter submits from any field, as it does from a text box: a select or a checkbox too (a textarea takes Ctrl+Enter).
	const onKeyDown = (event: KeyboardEvent) => {
		const target = event.target as HTMLElement;
		if (event.key !== 'Enter' || event.isComposing) return;
		const area = target instanceof HTMLTextAreaElement;
		if (area && !event.ctrlKey && !event.metaKey) return;
		// A key held down repeats: only its first press submits (a second press is what sends a message that notifies everyone).
		if (event.repeat) return event.preventDefault();
		const box = target instanceof HTMLInputElement && (target.type === 'checkbox' || target.type === 'radio');
		if (!(target instanceof HTMLSelectElement) && !box && !area) return;
		event.preventDefault();
		(event.currentTarget as HTMLFormElement).requestSubmit();
	};
	const onInput = (event: Event) => {
		const target = event.target as HTMLInputElement;
		touched.current = true;
		if (target.name in MENTION_FIELDS) setTyped((t) => ({ ...t, [target.name]: target.value }));
		if (target.name === 'title') clear('title');
	};

	const option = (s: ClientPlaybook['severities'][number]) => (
		<option key={s.id} value={s.id}>
			{s.id} {s.name} ({s.urgency})
		</option>
	);
	return (
		<form class="declare-form" onSubmit={submit} onKeyDown={onKeyDown} onInput={onInput} aria-labelledby="declare-title" noValidate>
			<h2 id="declare-title">Declare an incident</h2>
			{prefill.alert && (
				<p class="from-alert">
					From alert <code>{prefill.alert}</code>
				</p>
			)}
			{open && (
				<div
					ref={note}
					class="already-open"
					role="note"
					aria-labelledby="already-open-text"
					tabIndex={-1}
					autoFocus={focusTitle && change !== undefined}
				>
					<p id="already-open-text">
						Already open: <strong>{open.severity}</strong> {open.title} ({open.id})
						{othersOpen > 0 && `${open.id === state.activeId ? ', the one worked on,' : ''} and ${othersOpen} more`}.{' '}
						{change && `Classified ${prefill.severity} here: if this is the same incident, ${change} it to ${prefill.severity}. `}
						{fromThis
							? declaredFrom(open, prefill.alert)
								? 'It was declared from this alert.'
								: 'This alert was added to it.'
							: prefill.alert
								? 'If this alert is part of it, add it there instead of declaring a second incident.'
								: 'Declare only if this is a different incident.'}
					</p>
					<p class="actions">
						{change && (
							<button
								type="button"
								class={change === 'lower' ? undefined : 'primary'}
								onClick={() => changeOpen(open, { alert: withAlert, level: true })}
							>
								{CHANGE_LABELS[change]} {open.id} to {prefill.severity}
								{withAlert ? ' and add the alert' : ''}
							</button>
						)}
						{withAlert && (
							<button
								type="button"
								class={change && change !== 'lower' ? undefined : 'primary'}
								onClick={() => changeOpen(open, { alert: true, level: false })}
							>
								Add the alert to {open.id}
							</button>
						)}
						<a class={fromThis && !change ? 'button primary' : 'button'} href={workspaceHref(open)}>
							Open {open.id}
						</a>
					</p>
				</div>
			)}
			<div class="field">
				<label for="declare-title-input">Title</label>
				<input
					ref={title}
					// Also for the dialog it opens in: showing, a dialog focuses this, not its first button (an offer to add the alert).
					autoFocus={focusTitle && change === undefined}
					id="declare-title-input"
					name="title"
					required
					maxLength={MAX_TITLE_LENGTH}
					defaultValue={startTitle}
					placeholder="What is broken, e.g. API returns 503"
					{...invalid('declare-title-input', problems.title, limit ? 'declare-title-limit' : undefined)}
				/>
				{limit && (
					<p id="declare-title-limit" class="hint" role="status">
						{limit}
					</p>
				)}
				<FieldError id="declare-title-input" error={problems.title} />
			</div>
			<div class="field">
				<label for="declare-severity">Severity</label>
				<select
					id="declare-severity"
					name="severity"
					required
					value={chosen}
					onChange={(e) => {
						touched.current = true;
						setSeverityChoice(e.currentTarget.value);
						clear('severity');
					}}
					{...invalid('declare-severity', problems.severity, levels.usual.length > 0 ? 'declare-severity-usual' : undefined)}
				>
					<option value="" disabled>
						Choose a level
					</option>
					{levels.usual.length > 0 ? (
						<>
							<optgroup label={`Usual for ${usualFor.map((s) => s.title).join(', ')}`}>{levels.usual.map(option)}</optgroup>
							<optgroup label="Other levels">{levels.others.map(option)}</optgroup>
						</>
					) : (
						playbook.severities.map(option)
					)}
				</select>
				<FieldError id="declare-severity" error={problems.severity} />
				{levels.usual.length > 0 && (
					<span id="declare-severity-usual" class="hint">
						Usually {levels.usual.map((l) => l.id).join(' or ')} for {usualFor.map((s) => s.title).join(', ')}
						{severity || !suggested ? '.' : `, so it is chosen${could ? `: change it if this one is ${could}` : ''}.`}{' '}
					</span>
				)}
				<a class="hint" href={urls.classify(classifyQuery)}>
					Not sure? Classify it
				</a>
			</div>
			<DetectedAtField
				id="declare-detected"
				label="Detected at (your local time)"
				initial={opened}
				folded
				error={problems.detected}
				onChange={(next) => {
					setDetection(next);
					clear('detected');
				}}
			/>
			<div class="field">
				<label for="declare-impact">Impact</label>
				<textarea
					id="declare-impact"
					name="impact"
					rows={2}
					maxLength={MAX_IMPACT_LENGTH}
					defaultValue={typed.impact}
					placeholder="Who is affected and how"
					aria-describedby={impactLimit ? 'declare-impact-limit' : undefined}
				/>
				{impactLimit && (
					<p id="declare-impact-limit" class="hint" role="status">
						{impactLimit}
					</p>
				)}
			</div>
			<div class="field">
				<label for="declare-services">Affected services (comma-separated)</label>
				<input id="declare-services" name="services" defaultValue={typed.services} />
			</div>
			<div class="field-row">
				<div class="field">
					<label for="declare-oncall">On-call</label>
					<input id="declare-oncall" name="onCall" defaultValue={typed.onCall} placeholder="@engineer" />
				</div>
				<div class="field">
					<label for="declare-commander">Commanding</label>
					<input id="declare-commander" name="commander" defaultValue={typed.commander} placeholder="@lead" />
				</div>
				<div class="field">
					<label for="declare-responder">Your name (recorded with your ticks)</label>
					<input id="declare-responder" name="responder" defaultValue={typed.responder} maxLength={MAX_NAME_LENGTH} autoComplete="name" />
				</div>
			</div>
			<fieldset class="field">
				<legend>Scenarios</legend>
				<div class="choices">
					{status !== 'ready' && <p class="muted">{scenarioStatusText(status)}</p>}
					{scenarios.map((s) => (
						<label key={s.id}>
							<input type="checkbox" name="scenario" value={s.id} defaultChecked={prefill.scenarios?.includes(s.id) ?? false} /> {s.title}
						</label>
					))}
				</div>
			</fieldset>
			<label class="check">
				<input type="checkbox" name="drill" /> This is a drill (game day): marked as a drill everywhere
			</label>
			{kept.length > 0 && (
				<label class="check">
					<input type="checkbox" name="attach" defaultChecked /> Add the {kept.join(' and ')} before declaring
				</label>
			)}
			<div class="declare-submit">
				{mentions.length > 0 && (
					<ul id="declare-mentions" class="form-warning" role="status">
						{mentions.map((m) => (
							<li key={m}>{m}</li>
						))}
						{warned?.key === mentionsKey && <li>Press “{submitLabel}” again to send it as it is, or change it first.</li>}
					</ul>
				)}
				<p class="actions">
					<button
						type="submit"
						class={secondDeclaration ? undefined : 'primary'}
						aria-describedby={mentions.length > 0 ? 'declare-mentions' : undefined}
					>
						{secondDeclaration ? `${submitLabel} (a new incident)` : submitLabel}
					</button>
					{onCancel && (
						<button
							type="button"
							onClick={() => {
								// Cancel is meant: the next form starts afresh.
								clearDraft();
								onCancel();
							}}
						>
							Cancel
						</button>
					)}
				</p>
			</div>
		</form>
	);
}
