/**
 * How a page recognises a shared incident in its address: the fragment starts with a versioned
 * prefix. Kept apart from the decoding (shareLink.ts) so pages check the fragment without loading it.
 */

/** Prefix of the fragment of a shared-incident link, version 1: `#incident-v1.<key>.<sealed data>`. */
export const SHARE_PREFIX = 'incident-v1.';

/** Does this fragment (`location.hash`, with or without `#`) hold a shared incident? */
export function isShareFragment(hash: string): boolean {
	return hash.replace(/^#/, '').startsWith(SHARE_PREFIX);
}
