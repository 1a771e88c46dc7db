import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { levelMentionWarnings } from '../data/levelMentionWarnings.ts';
import { timedStep } from './timedStep.ts';

/**
 * The content tells on itself: after the build, warn about text that names a level the playbook
 * does not have, by file and line, last in the output where the eye lands.
 */
export function contentLint(): AstroIntegration {
	let root = process.cwd();
	return {
		name: 'playbook:content-lint',
		hooks: {
			'astro:config:done': ({ config }) => {
				root = fileURLToPath(config.root);
			},
			'astro:build:done': async ({ logger }) => {
				let warnings: string[] = [];
				await timedStep(logger, () => {
					warnings = levelMentionWarnings(`${root}/content`, root);
					return `${warnings.length} mentions of levels the playbook lacks`;
				});
				if (warnings.length > 0) logger.warn(`Text that names levels this playbook does not have:\n${warnings.join('\n')}`);
			},
		},
	};
}
