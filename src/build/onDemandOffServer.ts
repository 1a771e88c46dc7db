import type { Plugin } from 'vite';

/** A dynamic `import()` of an on-demand module (a `*.onDemand.*` file), its path written as a literal. */
const ON_DEMAND_IMPORT = /\bimport\(\s*(['"`])([^'"`\n]*\.onDemand\.[^'"`\n]*)\1\s*\)/g;

/** What such an import gives in the server's render: never called there, it says why if it ever is. */
const NOT_ON_SERVER = (path: string) =>
	`Promise.reject(new Error(${JSON.stringify(`${path} loads in the browser only: an on-demand module has no server render`)}))`;

/**
 * Source with its on-demand imports (`*.onDemand.*`, code that loads on a user action or for what only some visits
 * show) left out of the server's bundle. An island imports them in effects and handlers, which the server's render
 * never runs; compiling them, and the store, the exports and the dialogs only they import, took 66 of the server
 * bundle's 207 files and slowed the build. Undefined when the source has none.
 */
export function withoutOnDemandImports(code: string): string | undefined {
	const out = code.replace(ON_DEMAND_IMPORT, (_match, _quote: string, path: string) => NOT_ON_SERVER(path));
	return out === code ? undefined : out;
}

/** Leaves on-demand modules out of every build environment but the browser's (see withoutOnDemandImports). */
export function onDemandOffServer(): Plugin {
	return {
		name: 'playbook:on-demand-off-server',
		// No `enforce`: it runs after TypeScript is compiled away, where an on-demand module's `typeof import()` in a type is gone.
		applyToEnvironment: (environment) => environment.name !== 'client',
		transform: {
			// Only our TypeScript modules import on-demand code; the filter spares the bundler a call for every other module.
			filter: { id: /[\\/]src[\\/].*\.tsx?$/, code: '.onDemand.' },
			handler(code) {
				const out = withoutOnDemandImports(code);
				return out === undefined ? undefined : { code: out, map: null };
			},
		},
	};
}
