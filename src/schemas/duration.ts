import { z } from 'astro/zod';

const UNIT_MINUTES = { m: 1, h: 60, d: 1440 } as const;

/**
 * A span of time as authors write it: a whole number and a unit, `5m`, `1h`, `48h`, `1d`.
 * Parsed to minutes, the unit every clock and deadline in the site works in.
 */
export const DurationSchema = z
	.string()
	.regex(/^\d+(m|h|d)$/, 'write a duration as a number and a unit: "15m", "1h", "2d"')
	.transform((text) => {
		const unit = text.at(-1) as keyof typeof UNIT_MINUTES;
		return Number.parseInt(text, 10) * UNIT_MINUTES[unit];
	})
	.meta({
		id: 'Duration',
		description: 'A whole number and a unit: `m` minutes, `h` hours, `d` days, e.g. `5m`, `1h`, `48h`, `2d`.',
	});

/** Minutes, parsed from a duration string. */
export type Minutes = z.output<typeof DurationSchema>;
