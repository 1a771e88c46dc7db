import { useEffect, useRef, useState } from 'preact/hooks';
import { formatUtcDateTime } from '../../lib/timeText.ts';
import { browserTimeZone, explainReading, formatOffset, fromLocalInput, toLocalInput, zoneOffset } from '../../lib/localTime.ts';

/** What the field holds: the instant (NaN when the input is not a date-time) and whether the responder changed it. */
export interface Detection {
	at: number;
	touched: boolean;
}

interface Props {
	id: string;
	name?: string;
	label: string;
	/** The instant the field starts with; it is given back to the last millisecond until the responder changes the field. */
	initial: number;
	onChange: (detection: Detection) => void;
	/** Why the time cannot be used, shown beside it and tied to the input. */
	error?: string | undefined;
	/**
	 * Show the time as text with a Change button until the responder asks to change it: one stop for
	 * Tab instead of every part of a date-time input, where the time the form opened is nearly always right.
	 */
	folded?: boolean | undefined;
}

/**
 * "Detected at" in the responder's local time. The typed wall time is read with the offset of the
 * instant it names (localTime.ts); a time that happened twice (clocks went back) or never (clocks
 * went forward) is explained, and for a repeated one the responder picks which.
 */
export function DetectedAtField({ id, name = 'detected', label, initial, onChange, error, folded = false }: Props) {
	const zone = browserTimeZone();
	const [start] = useState(() => toLocalInput(initial, zone));
	const [value, setValue] = useState(start);
	// Typed back to what it showed, the field is untouched again: its seconds are not lost.
	const touched = value !== start;
	const [occurrence, setOccurrence] = useState<'earlier' | 'later' | undefined>(undefined);
	const reading = fromLocalInput(value, zone, initial);
	const at = !touched
		? initial
		: reading.kind === 'invalid'
			? Number.NaN
			: reading.kind === 'repeated' && occurrence
				? reading[occurrence]
				: reading.at;
	const report = (next: string, choice: typeof occurrence) => {
		if (next === start) return onChange({ at: initial, touched: false });
		const read = fromLocalInput(next, zone, initial);
		const chosen = read.kind === 'invalid' ? Number.NaN : read.kind === 'repeated' && choice ? read[choice] : read.at;
		onChange({ at: chosen, touched: true });
	};
	const [unfolded, setUnfolded] = useState(!folded);
	const input = useRef<HTMLInputElement>(null);
	useEffect(() => {
		if (folded && unfolded) input.current?.focus();
	}, [unfolded]);
	const explanation = touched ? explainReading(reading.kind === 'repeated' ? { ...reading, at } : reading, value, zone) : '';
	return (
		<div class="field detected-at">
			{unfolded ? (
				<>
					<label for={id}>{label}</label>
					<input
						ref={input}
						id={id}
						name={name}
						type="datetime-local"
						value={value}
						onInput={(e) => {
							const next = e.currentTarget.value;
							setValue(next);
							setOccurrence(undefined);
							report(next, undefined);
						}}
						aria-invalid={error ? 'true' : undefined}
						aria-describedby={`${id}-utc${error ? ` ${id}-error` : ''}`}
					/>
				</>
			) : (
				<>
					<span class="label" id={`${id}-label`}>
						{label}
					</span>
					<span class="detected-at-shown">
						<time dateTime={new Date(initial).toISOString()}>{value.replace('T', ' ')}</time>{' '}
						<button type="button" id={id} aria-describedby={`${id}-label ${id}-utc`} onClick={() => setUnfolded(true)}>
							Change
						</button>
					</span>
				</>
			)}
			{touched && reading.kind === 'repeated' && (
				<select
					aria-label="Which of the two"
					value={at === reading.earlier ? 'earlier' : 'later'}
					onChange={(e) => {
						const choice = e.currentTarget.value === 'earlier' ? 'earlier' : 'later';
						setOccurrence(choice);
						report(value, choice);
					}}
				>
					<option value="earlier">First, {formatOffset(zoneOffset(reading.earlier, zone))}</option>
					<option value="later">Second, {formatOffset(zoneOffset(reading.later, zone))}</option>
				</select>
			)}
			<span id={`${id}-utc`} class="hint" aria-live="polite">
				{Number.isFinite(at)
					? `${formatUtcDateTime(at)}. ${explanation ? `${explanation} ` : ''}Set it earlier if the problem began before you noticed.`
					: 'Enter a date and time.'}
			</span>
			{error && (
				<p id={`${id}-error`} class="field-error">
					{error}
				</p>
			)}
		</div>
	);
}
