/**
 * Local date-time, the one place that converts between instants and what a responder reads and
 * types in a `datetime-local` input. Conversions take the time zone as an argument (the browser's
 * by default) and use the offset of the chosen instant itself, so a time in the hour repeated when
 * clocks go back, or skipped when they go forward, is read as the person meant and explained.
 */

const pad = (n: number) => String(n).padStart(2, '0');
const formatters = new Map<string, Intl.DateTimeFormat>();

/** The browser's time zone (an IANA name such as "Europe/Berlin"). */
export function browserTimeZone(): string {
	return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

function wallParts(at: number, timeZone: string): number[] {
	let format = formatters.get(timeZone);
	if (!format) {
		format = new Intl.DateTimeFormat('en-US', {
			timeZone,
			hourCycle: 'h23',
			year: 'numeric',
			month: 'numeric',
			day: 'numeric',
			hour: 'numeric',
			minute: 'numeric',
			second: 'numeric',
		});
		formatters.set(timeZone, format);
	}
	const parts = Object.fromEntries(format.formatToParts(new Date(at)).map((p) => [p.type, p.value]));
	const year = Number(parts['year']) * (parts['era'] === 'BC' ? -1 : 1);
	return [year, Number(parts['month']), Number(parts['day']), Number(parts['hour']) % 24, Number(parts['minute']), Number(parts['second'])];
}

/** The offset of local time from UTC at this instant, in milliseconds (east positive). */
export function zoneOffset(at: number, timeZone: string = browserTimeZone()): number {
	const second = Math.floor(at / 1000) * 1000;
	const [y = 0, mo = 1, d = 1, h = 0, mi = 0, s = 0] = wallParts(second, timeZone);
	const wall = Date.UTC(y, mo - 1, d, h, mi, s);
	return wall - second;
}

/** "UTC+5:30", "UTC−4": an offset as people write it. */
export function formatOffset(offset: number): string {
	const minutes = Math.round(Math.abs(offset) / 60_000);
	const sign = offset < 0 ? '−' : '+';
	return `UTC${sign}${Math.floor(minutes / 60)}${minutes % 60 ? `:${pad(minutes % 60)}` : ''}`;
}

/** An instant as a `datetime-local` input shows it: local wall time, to the minute. */
export function toLocalInput(at: number, timeZone: string = browserTimeZone()): string {
	const [y = 0, mo = 1, d = 1, h = 0, mi = 0] = wallParts(at, timeZone);
	return `${String(y).padStart(4, '0')}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}`;
}

/** What a local date-time means as an instant. */
export type LocalReading =
	| { kind: 'invalid' }
	/** One instant has this wall time. */
	| { kind: 'exact'; at: number }
	/** Clocks went back: the wall time happened twice, `at` is the one chosen (see `prefer`). */
	| { kind: 'repeated'; at: number; earlier: number; later: number }
	/** Clocks went forward: the wall time never happened; `at` is the same time on the clock after the change. */
	| { kind: 'skipped'; at: number };

const LOCAL = /^(\d{4,})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?$/;
const HOUR = 3_600_000;

/**
 * The instant a `datetime-local` value names in a time zone. When the wall time happened twice,
 * the occurrence nearer to `prefer` is chosen (e.g. now, or the value being edited).
 */
export function fromLocalInput(value: string, timeZone: string = browserTimeZone(), prefer?: number): LocalReading {
	const match = LOCAL.exec(value);
	if (!match) return { kind: 'invalid' };
	const [y, mo, d, h, mi, s = '0', ms = '0'] = match.slice(1).map((part) => part ?? undefined) as string[];
	const month = Number(mo);
	const day = Number(d);
	if (month < 1 || month > 12 || day < 1 || day > 31 || Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) return { kind: 'invalid' };
	const wall = Date.UTC(Number(y), month - 1, day, Number(h), Number(mi), Number(s), Number(ms.padEnd(3, '0')));
	if (!Number.isFinite(wall) || new Date(wall).getUTCDate() !== day) return { kind: 'invalid' };
	// Offsets in force around this wall time: a day either side covers every real transition.
	const offsets = [
		...new Set([zoneOffset(wall - 24 * HOUR, timeZone), zoneOffset(wall, timeZone), zoneOffset(wall + 24 * HOUR, timeZone)]),
	];
	const fits = offsets.map((offset) => wall - offset).filter((at) => zoneOffset(at, timeZone) === wall - at);
	const candidates = [...new Set(fits)].sort((a, b) => a - b);
	const [earlier, later] = candidates;
	if (earlier === undefined) {
		// The wall time fell in a gap: read it with the offset before the change, which lands the
		// same distance past the change ("02:30" on a 02:00→03:00 night is 03:30).
		const before = zoneOffset(wall - 24 * HOUR, timeZone);
		return { kind: 'skipped', at: wall - before };
	}
	if (later === undefined) return { kind: 'exact', at: earlier };
	const reference = prefer ?? later;
	const at = Math.abs(later - reference) < Math.abs(earlier - reference) ? later : earlier;
	return { kind: 'repeated', at, earlier, later };
}

/** Words that explain a reading a responder might not expect (a repeated or skipped time), or ''. */
export function explainReading(reading: LocalReading, value: string, timeZone: string = browserTimeZone()): string {
	const time = value.slice(11, 16);
	if (reading.kind === 'repeated') {
		const which = reading.at === reading.earlier ? 'first' : 'second';
		return `${time} happened twice on that day (clocks went back): taken as the ${which}, ${formatOffset(zoneOffset(reading.at, timeZone))}.`;
	}
	if (reading.kind === 'skipped') {
		const taken = toLocalInput(reading.at, timeZone).slice(11);
		return `${time} did not exist on that day (clocks went forward): taken as ${taken}, ${formatOffset(zoneOffset(reading.at, timeZone))}.`;
	}
	return '';
}
