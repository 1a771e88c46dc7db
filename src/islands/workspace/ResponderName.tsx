import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { typedMentionWarnings } from '../../lib/broadcastMentions.ts';
import { MAX_NAME_LENGTH } from '../../lib/limits.ts';

interface Props {
	/** The name this browser signs its ticks and notes with ('' when none was given). */
	responder: string;
	onSave: (name: string) => void;
}

/**
 * Whose name signs what this browser adds to the incident, and a way to set it while the incident
 * is open: a responder who joined from a shared link or a file never passed the declare form that
 * asks for it, and a laptop handed over is used by someone else.
 */
export function ResponderName({ responder, onSave }: Props) {
	const [editing, setEditing] = useState(false);
	// A name that would notify a whole channel each time a line it signs is pasted into chat: refused, with why.
	const [refused, setRefused] = useState('');
	const field = useRef<HTMLInputElement>(null);
	const opener = useRef<HTMLButtonElement>(null);
	const wasEditing = useRef(false);
	// Opened, the field takes the focus; closed, it goes back to the button that opened it, not to the page.
	useLayoutEffect(() => {
		if (editing) field.current?.focus();
		else if (wasEditing.current) opener.current?.focus();
		if (!editing) setRefused('');
		wasEditing.current = editing;
	}, [editing]);
	if (editing)
		return (
			<form
				class="responder-name pb-ui"
				onKeyDown={(e) => e.key === 'Escape' && setEditing(false)}
				onSubmit={(e) => {
					e.preventDefault();
					const name = field.current?.value.trim() ?? '';
					const [mention] = typedMentionWarnings([{ label: 'The name', value: name }]);
					setRefused(mention ?? '');
					if (mention) return field.current?.focus();
					onSave(name);
					setEditing(false);
				}}
			>
				<label for="responder-name">Your name</label>
				<input
					id="responder-name"
					ref={field}
					defaultValue={responder}
					maxLength={MAX_NAME_LENGTH}
					autoComplete="name"
					aria-invalid={refused ? 'true' : undefined}
					aria-describedby={refused ? 'responder-name-refused' : undefined}
				/>
				<button type="submit">Save</button>
				<button type="button" onClick={() => setEditing(false)}>
					Cancel
				</button>
				{refused && (
					<p id="responder-name-refused" class="form-error" role="alert">
						{refused} Leave it out: every tick and note you sign would carry it.
					</p>
				)}
			</form>
		);
	// Set through the declare form, which only warns: said here for as long as it signs what this browser adds.
	const [mention] = typedMentionWarnings([{ label: 'Your name', value: responder }]);
	return (
		<p class="responder-name pb-ui">
			{mention && <span class="form-error">{mention} Change it.</span>}
			<span role="status">
				{responder ? (
					<>
						Your ticks and notes are signed <strong>{responder}</strong>.
					</>
				) : (
					'Your ticks and notes carry no name.'
				)}
			</span>{' '}
			<button type="button" ref={opener} onClick={() => setEditing(true)}>
				{responder ? 'Change name' : 'Add your name'}
			</button>
		</p>
	);
}
