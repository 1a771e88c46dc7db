import { useLayoutEffect, useRef } from 'preact/hooks';
import type { ListItem } from '../../lib/renderMessage.ts';

interface Props {
	/** DOM id prefix of the rows' inputs. */
	id: string;
	label: string;
	/** The keys of each row, e.g. ["time", "event"]. */
	keys: readonly string[];
	rows: ListItem[];
	note?: string | undefined;
	onChange: (rows: ListItem[]) => void;
}

/** "time" → "Time", "dueDate" → "Due date": a key as a label. */
export function keyLabel(key: string): string {
	const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
	return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A list blank (e.g. the timeline) as editable rows: change, remove or add a row. */
export function ListField({ id, label, keys, rows, note, onChange }: Props) {
	const set = (index: number, key: string, value: string) => onChange(rows.map((row, i) => (i === index ? { ...row, [key]: value } : row)));
	// Keyboard users land in the row they added, or back on the add button after removing one
	// (in a layout effect, so keys typed right after the click are not lost).
	const focus = useRef<string | null>(null);
	useLayoutEffect(() => {
		if (focus.current) document.getElementById(focus.current)?.focus();
		focus.current = null;
	}, [rows.length]);
	const add = () => {
		focus.current = `${id}-${rows.length}-${keys[0] ?? ''}`;
		onChange([...rows, Object.fromEntries(keys.map((k) => [k, '']))]);
	};
	const remove = (index: number) => {
		focus.current = `${id}-add`;
		onChange(rows.filter((_, i) => i !== index));
	};
	return (
		<fieldset class="field list-field">
			<legend>
				{label}
				{note && <span class="field-note"> {note}</span>}
			</legend>
			{rows.length === 0 && <p class="hint">No rows yet.</p>}
			<ol class="list-rows">
				{rows.map((row, index) => (
					<li key={index} class="list-row">
						{keys.map((key) => (
							<label key={key} class="list-cell">
								<span class="list-key">{keyLabel(key)}</span>
								<input
									type="text"
									id={`${id}-${index}-${key}`}
									aria-label={`${label}, row ${index + 1}: ${keyLabel(key)}`}
									value={row[key] ?? ''}
									onInput={(e) => set(index, key, e.currentTarget.value)}
								/>
							</label>
						))}
						<button type="button" aria-label={`Remove row ${index + 1} of ${label}`} onClick={() => remove(index)}>
							Remove
						</button>
					</li>
				))}
			</ol>
			<button type="button" id={`${id}-add`} onClick={add}>
				Add a row to {label}
			</button>
		</fieldset>
	);
}
