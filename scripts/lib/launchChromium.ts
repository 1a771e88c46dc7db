import { chromium, type Browser, type LaunchOptions } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from './chromium.ts';

/** Launch the system Chromium headless (CHROMIUM_PATH picks another one). */
export function launchChromium(options: LaunchOptions = {}): Promise<Browser> {
	const executablePath = findChromium();
	if (!executablePath) throw new Error('No Chromium found: install one or set CHROMIUM_PATH (see README).');
	return chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true, ...options });
}
