import { existsSync } from 'node:fs';

/** Places a system Chromium is looked for, after the one named by CHROMIUM_PATH. */
export const CHROMIUM_CANDIDATES = [
	'/usr/bin/chromium',
	'/usr/bin/chromium-browser',
	'/usr/bin/google-chrome',
	'/usr/bin/google-chrome-stable',
];

/** Path of the browser that tests and benchmarks drive, or undefined when there is none. */
export function findChromium(): string | undefined {
	const fromEnv = process.env['CHROMIUM_PATH'];
	if (fromEnv) return existsSync(fromEnv) ? fromEnv : undefined;
	return CHROMIUM_CANDIDATES.find((path) => existsSync(path));
}

/** Flags for a headless browser on a machine whose only network is loopback. */
export const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--disable-quic',
	'--no-first-run',
];
