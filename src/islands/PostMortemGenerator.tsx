import { urls, workspaceHref } from '../lib/urls.ts';
import { Fragment, type ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { ChecklistSpec, ClientPlaybook } from '../lib/clientPlaybook.ts';
import { composeMessage, missingWarnings, type GeneratorTemplate } from '../lib/composeMessage.ts';
import { changedItems, type ActionItemChange } from '../lib/actionItems.ts';
import { editedValues, incidentValues } from '../lib/messageValues.ts';
import { holdItemChange, holdTyped } from '../lib/heldWrites.ts';
import { newId } from '../lib/newId.ts';
import { NotSaved } from './NotSaved.tsx';
import { onDemandChanges } from '../lib/onDemandChanges.ts';
import { actionItemProblems, DOCUMENT_ROWS, postMortemHome } from '../lib/postMortem.ts';
import { findIncident, workingIncident } from '../lib/stateRead.ts';
import type { FieldValues } from '../lib/renderMessage.ts';
import type { TemplateField } from '../schemas/template.ts';
import { downloadText } from './copyText.ts';
import { ActionItemsField } from './generator/ActionItemsField.tsx';
import { Preview } from './generator/Preview.tsx';
import { NotHeldHere } from './generator/NotHeldHere.tsx';
import { SendBar } from './generator/SendBar.tsx';
import { TextField } from './generator/TextField.tsx';
import { IncidentCourseFigure } from './charts/IncidentCourseFigure.tsx';
import { courseMermaid, incidentCourse } from '../lib/incidentCourse.ts';
import { scenarioStatusText, useScenarios } from './useScenarios.ts';
import { useNow } from './useNow.ts';
import { useNamedIncident, useStoredRead } from './useStoredRead.ts';
import { validatedState } from '../lib/stateRead.ts';

const followUps = () => import('./generator/followUps.onDemand.ts');
/** What keeps the post-mortem's words and action items, loaded with the store on the first sign of a change. */
const changes = onDemandChanges(() => import('../lib/postMortemChanges.onDemand.ts'));
const { change, prepare } = changes;

interface Props {
	template: GeneratorTemplate;
	playbook: ClientPlaybook;
	checklists: ChecklistSpec[];
	/** The template as the static page prints it: shown until the generator is ready, and with no incident. */
	children?: ComponentChildren;
}

/**
 * The post-mortem template filled from the open incident: what the record knows (times, severity
 * periods, timeline, skipped steps) plus what the responder writes (root cause, impact, action
 * items), saved on the incident as it is typed. Copy it as Markdown or download a .md file.
 * The incident is read without the store (useStoredRead); the store loads on the first sign of a
 * change, and a change shows at once and is kept once it has, in the order the changes were made.
 */
export default function PostMortemGenerator({ template, playbook, checklists, children }: Props) {
	const { value: state, ready } = useStoredRead(validatedState);
	const now = useNow(10_000);
	// Typed here and not yet kept on the incident; action item changes not yet kept, in the order made.
	const [typed, setTyped] = useState<FieldValues>({});
	const [held, setHeld] = useState<Array<{ incident: string; item: ActionItemChange }>>([]);
	const [followUp, setFollowUp] = useState('');
	// Asked for by the link that opened the page (the resolution's "Write the post-mortem"), else the one worked on.
	const named = useNamedIncident();
	const incident = findIncident(state, named) ?? workingIncident(state);
	const id = `pm-${template.id}`;
	useEffect(() => setTyped({}), [incident?.id]);
	// Skipped steps need every checklist of the incident's scenarios: the page fetches them.
	const lists = useScenarios(playbook, checklists);

	// The server renders the no-incident view too, so the template under it stays where it was painted;
	// a status said in its place keeps the place of the words it stands in for (generators.css).
	if (!ready || !incident || lists.status !== 'ready') {
		const status =
			!ready || !incident
				? undefined
				: lists.status === 'loading'
					? 'Loading the scenarios’ checklists to fill in the post-mortem…'
					: scenarioStatusText(lists.status);
		return (
			<>
				<p class="generator-source generator-source-held pb-ui not-content">
					<span {...(status === undefined ? {} : { class: 'held', 'aria-hidden': true })}>
						No incident is open, so there is nothing to fill the post-mortem from. Open or declare one in the{' '}
						<a href={urls.incident()}>incident workspace</a>. The template:
					</span>
					{status !== undefined && <span role="status">{status}</span>}
				</p>
				{children}
			</>
		);
	}

	// The action items as the changes made here leave them, shown at once; the store's once it has them.
	const actionItems = held
		.filter((h) => h.incident === incident.id)
		.reduce((items, h) => changedItems(items, h.item), incident.postMortem.actionItems);
	const shown = { ...incident, postMortem: { ...incident.postMortem, actionItems } };
	const context = { incident: shown, playbook, checklists: lists.checklists, kind: 'document' as const, now, rows: DOCUMENT_ROWS };
	const values = editedValues(template.fields, incidentValues(template.fields, context), typed);
	const text = `${composeMessage(template, values, 'markdown', { drill: incident.drill })}\n\n## Timeline chart\n\n${courseMermaid(incidentCourse(incident, playbook.severities, playbook.escalation, now))}`;
	const warnings = [...missingWarnings(template.fields, values), ...actionItemProblems(actionItems)];
	const fromRecord = template.fields.filter((f) => postMortemHome(f.from).on === 'record');
	// Saved on the incident, so the resolution message and later messages say the same. Shown at once as typed;
	// once kept, the incident's value shows it (unless something newer was typed meanwhile).
	const save = (field: TemplateField, value: string) => {
		setTyped((current) => ({ ...current, [field.name]: value }));
		const incidentId = incident.id;
		// Should its code not load, the change waits and is saved once it does (NotSaved says so meanwhile).
		void holdTyped(incidentId, field, value, (typed) => change((c) => c.remember(typed))).then((kept) => {
			if (kept)
				setTyped(({ [field.name]: last, ...rest }) => (last === value || last === undefined ? rest : { ...rest, [field.name]: last }));
		});
	};
	// Shown at once; kept in the order made; shown from the incident once kept.
	const changeItem = (item: ActionItemChange) => {
		const made = { incident: incident.id, item };
		setHeld((current) => [...current, made]);
		void holdItemChange(made.incident, item, (held) => change((c) => c.changeActionItem(held))).then(() =>
			setHeld((current) => current.filter((h) => h !== made)),
		);
	};
	const filename = `post-mortem-${incident.id}.md`;
	const tracker = playbook.tracker;
	const calendar = async () => setFollowUp((await followUps()).downloadCalendar(shown, playbook.organisation));

	return (
		<div class="generator pb-ui not-content" data-generator={template.id} onPointerDown={prepare} onKeyDown={prepare} onFocusIn={prepare}>
			<NotSaved changes={changes} />
			<NotHeldHere named={named} shown={incident.id} />
			<p class="generator-source">
				{incident.drill && <span class="drill-badge">DRILL</span>} Filled in from incident{' '}
				<a href={workspaceHref(incident)}>{incident.id}</a>. What you write here is saved with the incident in this browser.
				{incident.resolvedAt === undefined && ' The incident is still open: the end time and duration are filled in when it is resolved.'}
			</p>
			<section class="generator-record" aria-labelledby={`${id}-record`}>
				<h3 id={`${id}-record`}>From the incident record</h3>
				<dl class="facts">
					{fromRecord
						.filter((f) => !f.items)
						.map((f) => (
							<Fragment key={f.name}>
								<dt>{f.label}</dt>
								<dd>{(values[f.name] as string | undefined) || <span class="muted">not known yet</span>}</dd>
							</Fragment>
						))}
				</dl>
				<p class="hint">
					{fromRecord
						.filter((f) => f.items)
						.map((f) => f.label)
						.join(', ')}{' '}
					come from the timeline and the checklists: to change them, add a note or tick steps, or rename the incident, in the{' '}
					<a href={workspaceHref(incident)}>workspace</a>.
				</p>
			</section>
			<IncidentCourseFigure id={`${id}-course`} incident={incident} playbook={playbook} now={now} />
			<form class="generator-fields" aria-label={`${template.title}: what you write`} onSubmit={(e) => e.preventDefault()}>
				{template.fields.map((field) => {
					const home = postMortemHome(field.from);
					if (home.on === 'record') return null;
					if (home.on === 'actionItems') {
						return (
							<ActionItemsField
								key={field.name}
								id={id}
								label={field.label}
								items={actionItems}
								onAdd={() => changeItem({ add: newId(Date.now()) })}
								onChange={(itemId, patch) => changeItem({ update: itemId, patch })}
								onRemove={(itemId) => changeItem({ remove: itemId })}
								onIssue={tracker && (async (item) => setFollowUp(await (await followUps()).fileIssue(tracker, item, shown)))}
							/>
						);
					}
					return (
						<TextField
							key={field.name}
							id={`${id}-${field.name}`}
							field={field}
							value={typeof values[field.name] === 'string' ? (values[field.name] as string) : ''}
							onInput={(value) => save(field, value)}
						/>
					);
				})}
			</form>
			<div class="generator-output">
				<Preview format="Markdown" text={text} />
				<SendBar
					id={id}
					text={`${text}\n`}
					copyLabel="Copy as Markdown"
					what={`${template.title} (Markdown)`}
					warnings={warnings}
					onCopied={() => 'Copied the post-mortem as Markdown.'}
				>
					<button type="button" onClick={() => downloadText(filename, `${text}\n`)}>
						Download {filename}
					</button>
					<button type="button" onClick={() => void calendar()}>
						Action items as calendar (.ics)
					</button>
				</SendBar>
				<p role="status">{followUp}</p>
			</div>
		</div>
	);
}
