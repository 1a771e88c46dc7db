import { focusInView } from '../focusInView.ts';

/**
 * Once the workspace shows incident `id` (switched to, imported, merged), bring its title to the top
 * of the screen with the focus on it: the press that asked for it was further down the page, and
 * the button it was is gone or moved. Gives up after a few seconds if it never shows.
 */
export function showIncident(id: string): void {
	const until = performance.now() + 5000;
	const look = () => {
		const title = document.getElementById('incident-title');
		if (title?.closest('[data-incident]')?.getAttribute('data-incident') === id) focusInView(title, 2000, 'start');
		else if (performance.now() < until) requestAnimationFrame(look);
	};
	requestAnimationFrame(look);
}
