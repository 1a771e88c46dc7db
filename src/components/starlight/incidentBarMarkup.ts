/**
 * The incident bar's parts, in the page's HTML (Banner.astro): the bar's script only fills them
 * in, so every page's script does not carry the code that would build them. The parts the script
 * fills carry `data-bar`, in the order incidentBar.ts reads them. Hidden until the script has
 * filled them in the first time: the space is kept by the bar itself (playbook.css). The bar is the
 * link to the incident's workspace: its first line the level, the title (cut short if it must) and
 * the time since detection, always whole; its second the next deadline, its time always whole and its
 * label cut short if it must. Beside it, the actions (barActions.ts).
 */
export function incidentBarMarkup(workspaceHref: string): string {
	const esc = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
	return (
		'<div class="incident-bar-main" hidden data-bar>' +
		`<a class="incident-bar-link" id="incident-bar-link" href="${esc(workspaceHref)}">` +
		'<span class="sr-only">Workspace: </span>' +
		'<span class="incident-bar-heading"><span class="drill-badge" hidden data-bar>DRILL</span><span class="sev" data-bar></span><span class="incident-bar-title" data-bar></span>' +
		'<span class="incident-bar-clock" title="Time since detection"><span aria-hidden="true">⏱</span><span class="incident-bar-keep" data-bar></span><span class="sr-only">since detection</span></span></span>' +
		'<span class="incident-bar-line"><span class="incident-bar-next" data-bar><span class="incident-bar-words" data-bar></span><span class="incident-bar-keep" data-bar></span></span></span>' +
		'</a>' +
		'<div class="incident-bar-actions pb-ui" data-bar></div>' +
		'<p class="sr-only" role="status" data-bar></p>' +
		'</div>'
	);
}
