import type { APIRoute } from 'astro';
import { playbookFileHtml } from '../data/playbookFileHtml.ts';

/** The whole playbook as one HTML file (see src/integrations/singleFile.ts). */
export const GET: APIRoute = async () =>
	new Response(await playbookFileHtml(), { headers: { 'Content-Type': 'text/html; charset=utf-8' } });
