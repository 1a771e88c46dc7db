import { FORMAT_LABELS } from '../../lib/composeMessage.ts';
import { MESSAGE_FORMATS, type MessageFormat } from '../../lib/renderMessage.ts';

interface Props {
	/** Unique prefix for the radio group's name. */
	id: string;
	format: MessageFormat;
	onChange: (format: MessageFormat) => void;
}

/** Where the message will be pasted: Slack, Markdown or plain text, as a radio group. */
export function FormatPicker({ id, format, onChange }: Props) {
	return (
		<fieldset class="format-picker">
			<legend>Format</legend>
			<div class="choices">
				{MESSAGE_FORMATS.map((f) => (
					<label key={f}>
						<input type="radio" name={`${id}-format`} value={f} checked={format === f} onChange={() => onChange(f)} /> {FORMAT_LABELS[f]}
					</label>
				))}
			</div>
		</fieldset>
	);
}
