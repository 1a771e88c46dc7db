import { useState } from 'preact/hooks';
import type { ClientPlaybook } from '../../lib/clientPlaybook';
import type { Deadline } from '../../lib/clocks';
import { formatUtcTime } from '../../lib/clocks';
import { composeMessage, FORMAT_LABELS, missingRequired, type GeneratorTemplate } from '../../lib/composeMessage';
import { handOver, logMessage } from '../../lib/incidents';
import { incidentValues } from '../../lib/messageValues';
import type { Incident } from '../../lib/state';
import type { Store } from '../../lib/store';
import { SendBar } from '../generator/SendBar';
import { TextField } from '../generator/TextField';

interface Props {
	incident: Incident;
	store: Store;
	playbook: ClientPlaybook;
	/** The incident's deadlines, for the next one. */
	deadlines: Deadline[];
	/** The handover message template of the playbook, when it has one. */
	template?: GeneratorTemplate | undefined;
	now: number;
}

const PENDING: readonly Deadline['state'][] = ['upcoming', 'due', 'overdue'];

/** The next deadline the incoming commander must meet, in words. */
export function nextDeadline(deadlines: readonly Deadline[]): string {
	const next = deadlines.filter((d) => PENDING.includes(d.state) && d.at !== undefined).sort((a, b) => (a.at ?? 0) - (b.at ?? 0))[0];
	return next?.at === undefined ? '' : `${next.label}, ${formatUtcTime(next.at)}`;
}

/**
 * Hand command over: who takes it, what is done, what is open, the next deadline; recorded on the
 * timeline, and the handover message filled from the incident, ready to paste in the channel.
 */
export function HandoverPanel({ incident, store, playbook, deadlines, template, now }: Props) {
	const done = Object.values(incident.ticks).filter((t) => t.done).sort((a, b) => a.at - b.at).slice(-5).map((t) => t.text);
	const [form, setForm] = useState({ to: '', done: done.join('; '), open: '', next: nextDeadline(deadlines) });
	const [status, setStatus] = useState('');
	const field = (name: keyof typeof form, label: string, required: boolean, multiline = false) => (
		<TextField id={`handover-${name}`} field={{ label, placeholder: '', required, multiline }} value={form[name]} onInput={(value) => setForm((f) => ({ ...f, [name]: value }))} />
	);
	const record = (e: Event) => {
		e.preventDefault();
		if (!form.to.trim()) return setStatus('Name the incoming commander first.');
		store.update((s, at) => handOver(s, incident.id, form, at));
		setStatus(`Recorded: ${form.to.trim()} now commands ${incident.id}. Copy the handover message below into the incident channel.`);
	};
	const values = template ? incidentValues(template.fields, { incident, playbook, checklists: [], kind: 'message', now }) : {};
	const text = template ? composeMessage(template, values, 'slack', { drill: incident.drill, hasIncident: true }) : '';

	return (
		<div class="handover" data-handover>
			<form aria-label="Hand over command" onSubmit={record}>
				<p class="hint">Commanding now: {incident.commander || 'no one named'}.</p>
				{field('to', 'Incoming commander', true)}
				{field('done', 'Done', false, true)}
				{field('open', 'Open', false, true)}
				{field('next', 'Next deadline', false)}
				<p class="actions">
					<button type="submit" class="primary">Record the handover</button>
				</p>
				<p role="status">{status}</p>
			</form>
			{template && (
				<div class="generator-output">
					<figure class="generator-preview">
						<figcaption>{template.title} (Slack)</figcaption>
						<pre data-preview tabIndex={0}>{text}</pre>
					</figure>
					<SendBar
						id="handover-message"
						text={text}
						copyLabel="Copy for Slack"
						what={`${template.title} (Slack)`}
						warnings={missingRequired(template.fields, values).map((f) => `${f.label} is empty.`)}
						onCopied={() => {
							store.update((s, at) => logMessage(s, incident.id, `Copied ${template.title} (${FORMAT_LABELS.slack})`, at));
							return `Copied the ${template.title} message; logged on the timeline.`;
						}}
					/>
				</div>
			)}
		</div>
	);
}
