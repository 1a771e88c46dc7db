import type { APIRoute } from 'astro';
import { scenarioData } from '../data/toClient.ts';
import { getPlaybook } from '../data/getPlaybook.ts';

/** Every scenario and its checklists, for the pages that list them all (see toClient), and the declaration template. */
export const GET: APIRoute = async () =>
	new Response(JSON.stringify(scenarioData(await getPlaybook())), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
