/**
 * Where a long name (an alert such as DatabaseConnectionErrors, a metric, a host) may wrap on a
 * phone: between its words, before a capital that follows a small letter or a digit, and after a
 * separator, never inside a word.
 */
export function nameParts(name: string): string[] {
	return name.split(/(?<=[a-z0-9])(?=[A-Z])|(?<=[-_.:/])(?=.)/);
}
