import { useState } from 'preact/hooks';
import { urls } from '../../lib/urls.ts';
import { tooSoon } from '../doubleTap.ts';

/**
 * The way on from a declaration made outside the workspace. It appears where "Declare and copy the
 * message" was: a double tap on that button would follow it and skip what was copied and where to
 * paste it, so a tap in the first moments is ignored.
 */
export function WorkspaceLink({ primary = true }: { primary?: boolean }) {
	const [shownAt] = useState(Date.now);
	return (
		<p class="actions">
			<a
				class={primary ? 'button primary' : 'button'}
				href={urls.incident()}
				onClick={(event) => {
					// A tap (detail: the click count); Enter on the focused link is meant.
					if (event.detail > 0 && tooSoon(shownAt)) event.preventDefault();
				}}
			>
				Open the incident workspace
			</a>
		</p>
	);
}
