import { INCIDENT_QUERY, templateAnchor, urls, workspaceHref } from '../lib/urls.ts';
import { copiedLine } from '../lib/copiedMessages.ts';
import { clockWarning } from '../lib/clockSkew.ts';
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ClientPlaybook } from '../lib/clientPlaybook.ts';
import { formatUtcTime } from '../lib/clocks.ts';
import { mentionWarnings } from '../lib/broadcastMentions.ts';
import { composeMessage, FORMAT_LABELS, missingRequired, missingWarnings, type GeneratorTemplate } from '../lib/composeMessage.ts';
import { editedValues, incidentValues, listsRows, type DocumentRows } from '../lib/messageValues.ts';
import { holdUntilApplied } from '../lib/heldChanges.ts';
import { holdTyped } from '../lib/heldWrites.ts';
import { onDemandChanges } from '../lib/onDemandChanges.ts';
import { findIncident, workingIncident } from '../lib/stateRead.ts';
import type { FieldValues, ListItem, MessageFormat } from '../lib/renderMessage.ts';
import type { Incident } from '../lib/state.ts';
import { FormatPicker } from './generator/FormatPicker.tsx';
import { ListField } from './generator/ListField.tsx';
import { Preview } from './generator/Preview.tsx';
import { SendBar, sendCheckId } from './generator/SendBar.tsx';
import { NotHeldHere } from './generator/NotHeldHere.tsx';
import { TextField } from './generator/TextField.tsx';
import { useNamedIncident, useStoredRead } from './useStoredRead.ts';
import { validatedState } from '../lib/stateRead.ts';
import { useNow } from './useNow.ts';
import { NotSaved } from './NotSaved.tsx';
import { focusInView } from './focusInView.ts';

/** What keeps the generator's changes, loaded with the store on the first sign of a change (a press, a key, focus). */
const changes = onDemandChanges(() => import('../lib/messageChanges.onDemand.ts'));
const { change, prepare: prepareChange } = changes;

/** The copy button's words in each format. */
export const COPY_LABELS: Record<MessageFormat, string> = {
	slack: 'Copy for Slack',
	markdown: 'Copy as Markdown',
	plain: 'Copy as plain text',
};

/** The post-mortem's lists, loaded only for a template that lists one of them (`listsRows`): the playbook's messages list none. */
const documentRows = () => import('../lib/documentRows.onDemand.ts');

interface Props {
	template: GeneratorTemplate;
	playbook: ClientPlaybook;
	/** The template as the static page prints it, shown when scripting is off. */
	children?: ComponentChildren;
}

/** A message that says the incident is over, filled from one still open: said first, before copying. */
function closedWarning(template: GeneratorTemplate, incident: Incident | undefined, statuses: ClientPlaybook['statuses']): string[] {
	if (!template.whenClosed || !incident || incident.resolvedAt !== undefined) return [];
	const now = statuses.find((s) => s.id === incident.status)?.label ?? incident.status;
	const closed = statuses.find((s) => s.closes)?.label ?? 'closed';
	// The incident is named above the fields ("Filled in from incident …"); here, by the copy button, it is this one.
	return [`This incident is still ${now}: this message says it is ${closed}. Change its status in the workspace first.`];
}

/**
 * A message template filled in from the open incident, field by field, with a live preview in the
 * chosen format and one button that copies it and logs the copy on the incident's timeline. The
 * incident is read without the store (useStoredRead); the store loads on the first sign of a
 * change, and what was typed, chosen or copied before it arrived is kept once it has.
 */
export default function MessageGenerator({ template, playbook, children }: Props) {
	const { value: state, ready, deciding } = useStoredRead(validatedState);
	// Asked for by the link that opened the page (the incident bar's "Post the update", for the incident it shows), else the one worked on.
	const named = useNamedIncident();
	const incident = findIncident(state, named) ?? workingIncident(state);
	const now = useNow(10_000);
	const [edits, setEdits] = useState<FieldValues>({});
	// A format chosen here, shown until the store has kept it.
	const [chosen, setChosen] = useState<MessageFormat | undefined>(undefined);
	// Required values found missing stay asked for beside the button while they are typed in.
	const [asked, setAsked] = useState<string[]>([]);
	const format = chosen ?? state.messageFormat ?? 'slack';
	// Edits were made for one incident: another one starts from its own values.
	useEffect(() => {
		setEdits({});
		setAsked([]);
	}, [incident?.id]);

	// Loading (undefined), loaded, or failed to load (null: those lists stay empty, and the generator says so).
	const [rows, setRows] = useState<DocumentRows | null>();
	const needsRows = incident !== undefined && listsRows(template.fields, template.kind);
	useEffect(() => {
		if (needsRows && !rows)
			documentRows().then(
				(m) => setRows(m.DOCUMENT_ROWS),
				() => setRows(null),
			);
	}, [needsRows]);
	const rowsLoading = needsRows && rows === undefined;

	const id = `gen-${template.id}`;
	// Messages do not list checklist steps (the post-mortem does): the checklists stay off this page's props.
	const fromIncident = incident
		? incidentValues(template.fields, { incident, playbook, checklists: [], kind: template.kind, now, rows: rows ?? undefined })
		: {};
	const values = editedValues(template.fields, fromIncident, edits);
	const text = composeMessage(template, values, format, { drill: incident?.drill ?? false });
	const warnings = [
		...closedWarning(template, incident, playbook.statuses),
		// The message works out times (the duration, when it began) from this device's clock.
		...(incident ? [clockWarning(incident, now) ?? []].flat() : []),
		// A missing value that can be typed is asked for right above, and the button says it copies without it: said
		// once, not again here (a phone's screen has no room for both). A missing list cannot be typed here: said.
		...missingWarnings(
			template.fields.filter((f) => f.items),
			values,
		),
		...mentionWarnings(template.fields, values),
	];
	const missing = missingRequired(template.fields, values).filter((f) => !f.items);
	const missingNames = missing.map((f) => f.name).join(' ');
	// Also after the incident is first read (which resets what was asked): the fields missing then stay asked for while typed in.
	useEffect(() => setAsked((names) => [...new Set([...names, ...missing.map((f) => f.name)])]), [missingNames, incident?.id]);
	// Asked for from the first render (the server's too), not only once the effect has noted them.
	const askFor = template.fields.filter((f) => !f.items && (asked.includes(f.name) || missing.some((m) => m.name === f.name)));
	// Opened at this template with values still to write (the bar's "Post the update", the workspace's link to a
	// missing value): the first of them takes the focus, beside what it is missing for and the copy button. With
	// none but something to check (what stopped the one-press update), what to check does, right above the button.
	const arrived = useRef(false);
	// Sent here with values still to write (the bar's "Post the update" copied nothing): said where the eye lands, until written.
	const [sentToWrite, setSentToWrite] = useState(false);
	useEffect(() => {
		if (arrived.current || !ready || rowsLoading || location.hash !== `#${templateAnchor(template.id)}`) return;
		arrived.current = true;
		setSentToWrite(missing.length > 0);
		const box = missing[0]
			? document.getElementById(`${id}-ask-${missing[0].name}`)
			: warnings.length > 0 && document.getElementById(sendCheckId(id));
		if (box) focusInView(box);
	}, [ready, rowsLoading]);
	// Typed once, used everywhere: what the incident can keep is saved on it, for every later message and the post-mortem.
	// Shown at once as an edit; once kept, the incident's value shows it (unless something newer was typed meanwhile).
	const edit = (name: string, value: string | ListItem[]) => {
		setEdits((current) => ({ ...current, [name]: value }));
		const field = template.fields.find((f) => f.name === name);
		if (!incident || !field || typeof value !== 'string') return;
		const id = incident.id;
		void holdTyped(id, field, value, (typed) => change((c) => c.remember(typed))).then((kept) => {
			if (kept) setEdits(({ [name]: typed, ...rest }) => (typed === value || typed === undefined ? rest : { ...rest, [name]: typed }));
		});
	};
	const choose = (picked: MessageFormat) => {
		setChosen(picked);
		void change((c) => c.chooseFormat(picked)).then(() => setChosen((current) => (current === picked ? undefined : current)));
	};
	const note = (name: string) =>
		incident && edits[name] !== undefined && template.fields.some((f) => f.name === name && f.from) ? '(edited here)' : undefined;
	const copied = () => {
		const label = `${template.title} (${FORMAT_LABELS[format]})`;
		if (!incident) return `Copied the ${label} message.`;
		// The clipboard was written in the click's task; the timeline entry follows once the store is here (or on the next page, should this one be left first).
		const copy = { incident: incident.id, copied: copiedLine(template.title, FORMAT_LABELS[format]), at: Date.now() };
		void holdUntilApplied(copy, () => change((c) => c.logCopy(copy.incident, copy.copied, copy.at)));
		return `Copied the ${label} message at ${formatUtcTime(Date.now())}; logged on the timeline of ${incident.id}.`;
	};

	// The server renders the generator as it first shows, inert until it works, so nothing moves when it does; with
	// scripting off the printed template shows in its place (generators.css). Search indexes the template, not the form.
	return (
		<>
			<div
				class="generator pb-ui not-content"
				data-generator={template.id}
				data-pagefind-ignore=""
				// Also while the lists it fills in load: nothing is copied without them.
				inert={!ready || rowsLoading}
				onPointerDown={prepareChange}
				onKeyDown={prepareChange}
				onFocusIn={prepareChange}
			>
				<NotSaved changes={changes} />
				{needsRows && rows === null && (
					<p role="alert">The incident’s lists (timeline, levels, action items) could not load: they are left out of this message.</p>
				)}
				{/* Once the incidents are read: before, none is held, and the note would flash for one that is. */}
				{ready && !deciding && <NotHeldHere named={named} shown={incident?.id} />}
				<p class="generator-source">
					{/* Keyed: the words are replaced, not reflowed word by word into the room of the other saying. */}
					{incident ? (
						<span key={incident.id}>
							{incident.drill && <span class="drill-badge">DRILL</span>} Filled in from incident{' '}
							<a href={workspaceHref(incident)}>{incident.id}</a>: {incident.title}.
						</span>
					) : (
						<span key="none">
							No incident is open: type the fields in, or <a href={urls.incident()}>declare an incident</a> to fill them in.
						</span>
					)}{' '}
					{Object.keys(edits).length > 0 && (
						<button type="button" onClick={() => setEdits({})}>
							{incident ? 'Undo my edits: use the incident values' : 'Clear the fields'}
						</button>
					)}
				</p>
				<form class="generator-fields" aria-label={`${template.title}: fields`} onSubmit={(e) => e.preventDefault()}>
					{template.fields.map((field) =>
						field.items ? (
							<ListField
								key={field.name}
								id={`${id}-${field.name}`}
								label={field.label}
								keys={field.items}
								rows={Array.isArray(values[field.name]) ? (values[field.name] as ListItem[]) : []}
								note={note(field.name)}
								onChange={(rows) => edit(field.name, rows)}
							/>
						) : (
							<TextField
								key={field.name}
								id={`${id}-${field.name}`}
								field={field}
								value={typeof values[field.name] === 'string' ? (values[field.name] as string) : ''}
								note={note(field.name)}
								onInput={(value) => edit(field.name, value)}
							/>
						),
					)}
				</form>
				<div class="generator-output">
					<FormatPicker id={id} format={format} onChange={choose} />
					<Preview format={FORMAT_LABELS[format]} text={text} />
					<SendBar
						id={id}
						text={text}
						copyLabel={COPY_LABELS[format]}
						what={`${template.title} (${FORMAT_LABELS[format]})`}
						warnings={warnings}
						missing={missing.map((f) => f.label)}
						ask={
							askFor.length > 0 && [
								sentToWrite && missing.length > 0 && (
									<p class="not-copied" key="not-copied">
										Nothing copied yet: {missing.map((f) => f.label).join(', ')} still to write, then copy.
									</p>
								),
								...askFor.map((field) => (
									<TextField
										key={field.name}
										id={`${id}-ask-${field.name}`}
										field={field}
										value={typeof values[field.name] === 'string' ? (values[field.name] as string) : ''}
										onInput={(value) => edit(field.name, value)}
									/>
								)),
							]
						}
						onCopied={copied}
						// Said resolved, the incident's next step is its post-mortem: one tap on from here.
						next={
							template.whenClosed &&
							incident?.resolvedAt !== undefined && (
								<a class="button" href={urls.postMortem({ [INCIDENT_QUERY]: incident.id })}>
									Write the post-mortem
								</a>
							)
						}
					>
						{playbook.statusPage && (
							<a class="button" href={playbook.statusPage} target="_blank" rel="noopener">
								Open the status page<span class="sr-only"> (opens in a new tab)</span>
							</a>
						)}
					</SendBar>
				</div>
			</div>
			<div class="generator-printed">{children}</div>
		</>
	);
}
