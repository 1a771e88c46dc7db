import { useState } from 'preact/hooks';
import { formatUtcDateTime } from '../../lib/clocks.ts';
import type { TimelineEvent } from '../../lib/state.ts';

interface Props {
	events: TimelineEvent[];
	onNote: (text: string) => void;
}

/** Every event of the incident with its time, newest first, and a box to add a note. */
export function Timeline({ events, onNote }: Props) {
	const [note, setNote] = useState('');
	const add = (e: Event) => {
		e.preventDefault();
		if (!note.trim()) return;
		onNote(note);
		setNote('');
		// The button is disabled with the box empty: the focus goes back to the box for the next note, not to <body>.
		document.getElementById('timeline-note')?.focus();
	};
	return (
		<section class="timeline" aria-labelledby="timeline-title">
			<h3 id="timeline-title">Timeline</h3>
			<form class="note-box" onSubmit={add}>
				<label for="timeline-note">Add a note</label>
				<textarea
					id="timeline-note"
					rows={2}
					maxLength={2000}
					value={note}
					onInput={(e) => setNote(e.currentTarget.value)}
					placeholder="What you found, what you did"
				/>
				<button type="submit" disabled={!note.trim()}>
					Add note
				</button>
			</form>
			<ul class="events">
				{[...events].reverse().map((e) => (
					<li key={e.id} class={`event event-${e.kind}`}>
						<time dateTime={new Date(e.at).toISOString()}>{formatUtcDateTime(e.at)}</time> <span class="event-text">{e.text}</span>
						{e.by && <span class="muted"> — {e.by}</span>}
					</li>
				))}
			</ul>
		</section>
	);
}
