import { urls } from '../../lib/urls.ts';

/** The way on from a declaration made outside the workspace. */
export function WorkspaceLink() {
	return (
		<p class="actions">
			<a class="button primary" href={urls.incident()}>
				Open the incident workspace
			</a>
		</p>
	);
}
