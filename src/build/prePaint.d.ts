/** A module bundled as text for an inline script (prePaintScripts.ts). */
declare module '*?pre-paint' {
	const source: string;
	export default source;
}
