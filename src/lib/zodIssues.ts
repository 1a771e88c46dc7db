/** A validation problem as zod reports it: where, and what. */
export interface Issue {
	path: PropertyKey[];
	message: string;
}

/** One line per problem, "file: field.path: message", so an author knows where to look. */
export function describeIssues(file: string, issues: readonly Issue[]): string {
	return issues
		.map((issue) => {
			const where = issue.path.length > 0 ? issue.path.map(String).join('.') : '(top level)';
			return `${file}: ${where}: ${issue.message}`;
		})
		.join('\n');
}
