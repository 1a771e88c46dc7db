import type { APIRoute } from 'astro';
import { loadSite } from '../data/loadSite.ts';
import { webManifest } from '../lib/webManifest.ts';

/** The web app manifest, from the site settings (see webManifest). */
export const GET: APIRoute = () =>
	new Response(JSON.stringify(webManifest(loadSite()), null, '\t'), { headers: { 'Content-Type': 'application/manifest+json' } });
