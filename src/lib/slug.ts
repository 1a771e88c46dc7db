/** Turn a human label into a stable, URL- and id-safe slug ("Check Redis connectivity" → "check-redis-connectivity"). */
export function slugify(text: string): string {
	return text
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');
}
