/**
 * Runs before the tests: makes sure a Chromium is there for the browser tests. On a Debian-like
 * machine where we are root it installs Debian's package; anywhere else it says what to do.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findChromium } from './lib/chromium.ts';

if (findChromium()) process.exit(0);

if (process.env['CHROMIUM_PATH']) {
	console.error(`CHROMIUM_PATH=${process.env['CHROMIUM_PATH']} does not exist.`);
	process.exit(1);
}

const isRoot = process.getuid?.() === 0;
if (isRoot && existsSync('/usr/bin/apt-get')) {
	console.log('No Chromium found: installing Debian’s chromium package for the browser tests…');
	execFileSync('apt-get', ['update'], { stdio: 'inherit' });
	execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], { stdio: 'inherit' });
	if (findChromium()) process.exit(0);
}

console.error(
	'The browser tests need Chromium. Install it (Debian/Ubuntu: `sudo apt-get install -y chromium`) ' +
		'or set CHROMIUM_PATH to a Chromium or Chrome binary, then run `npm test` again.',
);
process.exit(1);
