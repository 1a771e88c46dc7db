/** A warning as the bundler hands it to `onwarn`, and the handler that prints it. */
interface Warning {
	code?: string | undefined;
	message: string;
}

/**
 * The bundler's `onwarn`: every warning is printed but the one Astro's MDX entries raise on every
 * build, that their `"use astro:head-inject"` directive may not be preserved (withastro/astro#18087).
 * Astro finds those modules by their id and its own metadata, not by the directive
 * (withastro/astro#17095), so dropping it loses nothing; any other directive is still reported.
 */
export function quietHeadInject<W extends Warning>(warning: W, print: (warning: W) => void): void {
	if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('"use astro:head-inject"')) return;
	print(warning);
}
