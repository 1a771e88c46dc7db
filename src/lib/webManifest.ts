/**
 * The web app manifest: what a phone or laptop needs to install the playbook on its home screen and
 * open it like an app, offline too (the service worker holds every page). It opens on the incident
 * workspace, which shows the open incident, or the form to declare one when none is open.
 */
import { basePath, href, ROUTES } from './urls.ts';

/** The site's colours in the manifest and the browser's toolbar: the playbook's red, on light and dark. */
export const THEME_COLOURS = { accent: '#c0262d', light: '#ffffff', dark: '#17181c' } as const;

/** One icon of the manifest. */
export interface ManifestIcon {
	src: string;
	sizes: string;
	type: string;
	purpose?: 'any' | 'maskable';
}

/** The manifest's fields, every URL under the site's base path. */
export function webManifest(site: { title: string; description: string }, base = basePath()): Record<string, unknown> {
	const url = (path: string) => href(path, base);
	const icon = (file: string) => url(`${ROUTES.icons}${file}`);
	const icons: ManifestIcon[] = [
		{ src: icon('icon.svg'), sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
		{ src: icon('icon-192.png'), sizes: '192x192', type: 'image/png', purpose: 'any' },
		{ src: icon('icon-512.png'), sizes: '512x512', type: 'image/png', purpose: 'any' },
		{ src: icon('icon-maskable-512.png'), sizes: '512x512', type: 'image/png', purpose: 'maskable' },
	];
	return {
		id: url(ROUTES.home),
		name: site.title,
		short_name: shortName(site.title),
		description: site.description,
		start_url: url(ROUTES.incident),
		scope: url(ROUTES.home),
		display: 'standalone',
		background_color: THEME_COLOURS.light,
		theme_color: THEME_COLOURS.accent,
		icons,
		shortcuts: [
			{ name: 'Classify an incident', url: url(ROUTES.classify) },
			{ name: 'Incident workspace', url: url(ROUTES.incident) },
		],
	};
}

/** A name short enough for a home-screen label (about 12 characters): "Incident Response Playbook" → "Playbook". */
export function shortName(title: string): string {
	if (title.length <= 12) return title;
	const last = title.split(/\s+/).at(-1) ?? title;
	return last.length <= 12 ? last : title.slice(0, 12);
}
