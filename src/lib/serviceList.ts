/** The services an incident affects, as typed (comma-separated) and as kept: each once, whatever its case. */

/** Services, each once: the first spelling is kept, and "API" and "api" are the same service. */
export function uniqueServices(services: readonly string[]): string[] {
	const seen = new Set<string>();
	return services
		.map((s) => s.trim())
		.filter((s) => {
			const key = s.toLowerCase();
			if (!s || seen.has(key)) return false;
			seen.add(key);
			return true;
		});
}

/** A comma-separated list of services as typed, trimmed, each once. */
export function serviceList(text: string): string[] {
	return uniqueServices(text.split(','));
}
