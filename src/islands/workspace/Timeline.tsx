import { useState } from 'preact/hooks';
import { formatUtcDateTime } from '../../lib/timeText.ts';
import { noteLimitNote, noteParts } from '../../lib/limits.ts';
import type { TimelineEvent } from '../../lib/state.ts';
import { ResponderName } from './ResponderName.tsx';

interface Props {
	events: TimelineEvent[];
	onNote: (text: string) => void;
	/** The name this browser signs with, and how to change it. */
	responder: string;
	onName: (name: string) => void;
}

/** Every event of the incident with its time, newest first, a box to add a note, and whose name signs it. */
export function Timeline({ events, onNote, responder, onName }: Props) {
	const [note, setNote] = useState('');
	// Set once a note was added up to the limit and the rest of it kept in the box, until the box changes.
	const [kept, setKept] = useState(false);
	const add = (e: Event) => {
		e.preventDefault();
		if (!note.trim()) return;
		const { note: added, rest } = noteParts(note);
		onNote(added);
		setNote(rest);
		setKept(rest !== '');
		// The button is disabled with the box empty: the focus goes back to the box for the next note, not to <body>.
		document.getElementById('timeline-note')?.focus();
	};
	const limit =
		noteLimitNote(note) ??
		(kept ? 'The first part was added to the timeline: the rest is in this box, to add next or to delete.' : undefined);
	return (
		<section class="timeline" aria-labelledby="timeline-title">
			<h3 id="timeline-title">Timeline</h3>
			<form class="note-box" onSubmit={add}>
				<label for="timeline-note">Add a note</label>
				<textarea
					id="timeline-note"
					rows={2}
					value={note}
					onInput={(e) => {
						setNote(e.currentTarget.value);
						setKept(false);
					}}
					// Ctrl+Enter (⌘+Enter) adds the note, as in chat tools; Enter alone starts a new line of it.
					onKeyDown={(e) => e.key === 'Enter' && (e.ctrlKey || e.metaKey) && add(e)}
					aria-keyshortcuts="Control+Enter Meta+Enter"
					placeholder="What you found, what you did"
					aria-describedby={limit ? 'timeline-note-limit' : undefined}
				/>
				{limit && (
					<p id="timeline-note-limit" class="hint" role="status">
						{limit}
					</p>
				)}
				<button type="submit" disabled={!note.trim()}>
					Add note
				</button>
			</form>
			<ResponderName responder={responder} onSave={onName} />
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
