import { z } from 'astro/zod';

/** Fields every page of the playbook carries, on top of Starlight's own. */
export const PageSchema = z.object({
	/** Who keeps this page true: a person or a team. */
	owner: z.string().min(1).optional(),
	/** When the page was last checked against reality (YYYY-MM-DD). */
	lastReviewed: z.coerce.date().optional(),
});

/** A page's own fields. */
export type PageData = z.output<typeof PageSchema>;
