import type { TemplateField } from '../../schemas/template.ts';

interface Props {
	/** DOM id of the input. */
	id: string;
	field: Pick<TemplateField, 'label' | 'placeholder' | 'multiline' | 'required'>;
	value: string;
	/** Say that this value was typed here rather than read from the incident. */
	note?: string | undefined;
	onInput: (value: string) => void;
}

/** One blank of a template as a labelled input, or a text area for a multi-line blank. */
export function TextField({ id, field, value, note, onInput }: Props) {
	const common = {
		id,
		value,
		placeholder: field.placeholder,
		onInput: (e: Event) => onInput((e.currentTarget as HTMLInputElement | HTMLTextAreaElement).value),
	};
	return (
		<div class="field">
			<label for={id}>
				{field.label}
				{field.required && <span class="field-note"> (required)</span>}
				{note && <span class="field-note"> {note}</span>}
			</label>
			{field.multiline ? <textarea rows={3} {...common} /> : <input type="text" {...common} />}
		</div>
	);
}
