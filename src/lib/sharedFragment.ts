/**
 * A link's fragment that carries a shared incident, of any version, its number first (`#incident-v1.<key>.<data>`,
 * made and read by shareLink.ts): the workspace opens its reader for it, which refuses another version's and says why.
 * Apart from urls.ts, which every page loads: only the workspace looks for it.
 */
export const SHARED_FRAGMENT = /^#?incident-v(\d+)\./;
