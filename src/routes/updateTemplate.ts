import type { APIRoute } from 'astro';
import { getPlaybook } from '../data/getPlaybook.ts';
import { updateTemplate } from '../lib/barActions.ts';
import type { GeneratorTemplate } from '../lib/composeMessage.ts';

/** The status update template, for the incident bar's "Post update" (fetched on the first tap, not carried by every page). */
export const GET: APIRoute = async () => {
	const update = updateTemplate((await getPlaybook()).templates);
	const data: GeneratorTemplate | null = update
		? { id: update.id, title: update.title, kind: update.kind, text: update.text, fields: update.fields }
		: null;
	return new Response(JSON.stringify(data), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
