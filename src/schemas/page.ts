import { z } from 'astro/zod';

/** Fields every page of the playbook carries, on top of Starlight's own. */
export const PageSchema = z.object({
	owner: z
		.string({ error: 'every page needs an owner: the person or team who keeps it true' })
		.min(1, 'every page needs an owner: the person or team who keeps it true')
		.describe('Who keeps this page true: a person or a team, e.g. "Platform team". Shown when the page may be out of date.'),
	lastReviewed: z.coerce
		.date({ error: 'every page needs lastReviewed: the date it was last checked, as YYYY-MM-DD' })
		.describe(
			'When the page was last checked against reality, as YYYY-MM-DD. Past ' +
				'`staleAfterDays` (site settings) the page says it may be out of date.',
		),
});
