import { useEffect, useRef, useState } from 'preact/hooks';
import { focusInView } from '../focusInView.ts';
import type { Deadline } from '../../lib/clocks.ts';
import { nextDeadline } from '../../lib/handover.ts';
import type { Incident } from '../../lib/state.ts';
import { changeWorkspace } from './workspaceChange.ts';

interface Props {
	incident: Incident;
	/** The incident's deadlines, for the next one. */
	deadlines: Deadline[];
	/** Where the handover message is filled from the incident (the communication page), when the playbook has one. */
	messageHref?: string | undefined;
	/** This browser's responder, who hands over when no commander is named. */
	responder?: string | undefined;
}

/**
 * Hand command over: who takes it, what is done, what is open, the next deadline, recorded on the
 * timeline; the handover message is then filled from the incident on the communication page.
 */
export function HandoverPanel({ incident, deadlines, messageHref, responder = '' }: Props) {
	const fresh = () => ({
		// Asked, not assumed: the handover message names who hands over.
		from: incident.commander || responder,
		to: '',
		done: Object.values(incident.ticks)
			.filter((t) => t.done)
			.sort((a, b) => a.at - b.at)
			.slice(-5)
			.map((t) => t.text)
			.join('; '),
		open: '',
		next: nextDeadline(deadlines, Date.now()),
	});
	// What is typed over the prefill; the rest follows the incident while the form is open (raised meanwhile,
	// its next deadline is the escalation, not the update the form opened with).
	const [typed, setTyped] = useState<Partial<ReturnType<typeof fresh>>>({});
	const form = { ...fresh(), ...typed };
	// Who took command, once recorded: the form gives way to it, so a second press records nothing twice.
	const [recorded, setRecorded] = useState('');
	const said = useRef<HTMLParagraphElement>(null);
	const first = useRef<HTMLInputElement>(null);
	const [focus, setFocus] = useState<'said' | 'form' | undefined>(undefined);
	useEffect(() => {
		if (focus === 'said' && said.current) focusInView(said.current, 1000, 'nearest');
		if (focus === 'form') first.current?.focus();
	}, [focus, recorded]);
	const field = (name: keyof typeof form, label: string, multiline = false) => {
		const props = {
			id: `handover-${name}`,
			value: form[name],
			required: name === 'to' || name === 'from',
			// A name, not only spaces: the browser says so on Record, as for an empty one.
			...(name === 'to' || name === 'from' ? { pattern: '.*\\S.*', title: 'A name, not only spaces' } : {}),
			onInput: (e: Event) => setTyped((f) => ({ ...f, [name]: (e.currentTarget as HTMLInputElement).value })),
		};
		return (
			<div class="field">
				<label for={props.id}>
					{label}
					{props.required && <span class="field-note"> (required)</span>}
				</label>
				{multiline ? (
					<textarea rows={3} {...props} />
				) : (
					<input type="text" autoComplete="off" {...props} {...(name === 'to' ? { ref: first } : {})} />
				)}
			</div>
		);
	};
	const record = (e: Event) => {
		e.preventDefault();
		void changeWorkspace((c) => c.recordHandover(incident.id, form));
		setRecorded(form.to.trim());
		setFocus('said');
	};
	const another = () => {
		setTyped({});
		setRecorded('');
		setFocus('form');
	};

	if (recorded)
		return (
			<div class="handover" data-handover>
				<p role="status" tabIndex={-1} ref={said}>
					{`Recorded: ${recorded} now commands ${incident.id}.${messageHref ? ' The handover message is filled from it: open it, copy it, and post it in the incident channel.' : ''}`}
				</p>
				<p class="actions">
					{messageHref && (
						<a class="button primary" href={messageHref}>
							Handover message
						</a>
					)}
					<button type="button" onClick={another}>
						Record another handover
					</button>
				</p>
			</div>
		);
	return (
		<form class="handover" aria-label="Hand over command" data-handover onSubmit={record}>
			{field('from', 'Outgoing commander')}
			{field('to', 'Incoming commander')}
			{field('done', 'Done', true)}
			{field('open', 'Open', true)}
			{field('next', 'Next deadline')}
			<p class="actions">
				<button type="submit" class="primary">
					Record the handover
				</button>
				{messageHref && (
					<a class="button" href={messageHref}>
						Handover message
					</a>
				)}
			</p>
		</form>
	);
}
