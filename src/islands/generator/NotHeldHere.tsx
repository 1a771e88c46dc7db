/** The most of a named id shown: an address can say anything. */
const SHOWN_ID = 100;

/**
 * Said when the page's address names an incident this browser does not hold (declared on another
 * device, deleted, mistyped): what the page fills in, and what is typed into it, is another one's.
 */
export function NotHeldHere({ named, shown }: { named: string | null; shown: string | undefined }) {
	if (!named || named === shown) return null;
	return (
		<p role="note" class="not-held">
			The link names incident <code>{named.slice(0, SHOWN_ID)}</code>, which is not in this browser (declared on another device, or deleted)
			{shown ? `: this is ${shown}, the one worked on, instead.` : '.'}
		</p>
	);
}
