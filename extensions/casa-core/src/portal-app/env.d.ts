// Build-time inputs of the citizens' web app (scripts/build-portal.mjs):
// CSS files are imported as text (injected into the page or the shadow root),
// and the build stamps the version.
declare module '*.css' {
	const text: string;
	export default text;
}

/** content hash of the build, stamped by esbuild `define` */
declare const __PORTAL_VERSION__: string;
