import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { manifestOptions } from '../../src/integrations/offline.ts';

const require = createRequire(import.meta.url);
const { validateGetManifestOptions } = require('workbox-build/build/lib/validate-options.js') as {
	validateGetManifestOptions: (options: object) => object;
};

/**
 * The build lists the files to precache with workbox-build's getFileManifestEntries(), without the
 * JSON-schema check its getManifest() runs first (src/integrations/offline.ts); the check runs here.
 */
describe('the offline precache options', () => {
	it("pass workbox-build's own check, which adds no default the build would miss", () => {
		const options = manifestOptions('/site/dist');
		expect(validateGetManifestOptions(options)).toEqual(options);
	});

	it('are refused by that check when wrong, so the check does check (a misspelt option)', () => {
		expect(() => validateGetManifestOptions({ ...manifestOptions('/site/dist'), globIgnore: [] })).toThrow(/globIgnore/);
	});
});
