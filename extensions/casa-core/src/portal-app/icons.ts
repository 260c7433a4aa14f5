// Small inline SVG icons (no icon font, nothing fetched: works offline and in
// the shadow root). Service icons are keyed by the Material name the data uses.
import { h } from 'vue';

const PATHS: Record<string, string> = {
	delete: 'M9 3h6l1 2h4v2H4V5h4l1-2zM6 8h12l-1 13H7L6 8zm3 2v9h2v-9H9zm4 0v9h2v-9h-2z',
	pest_control:
		'M12 5a3 3 0 0 1 3 3v1h1.6l2-2 1.4 1.4-1.8 1.8c.5.8.8 1.7.8 2.8h3v2h-3a6 6 0 0 1-.5 2.2l2 2-1.4 1.4-1.8-1.8A6 6 0 0 1 12 21a6 6 0 0 1-4.3-2l-1.8 1.8-1.4-1.4 2-2A6 6 0 0 1 6 15.2H3v-2h3c0-1 .3-2 .8-2.8L5 8.4 6.4 7l2 2H9V8a3 3 0 0 1 3-3zm-1 6v8h2v-8h-2z',
	storefront: 'M4 3h16l1.5 5.5A3 3 0 0 1 19 12v9H5v-9a3 3 0 0 1-2.5-3.5L4 3zm3 11v5h4v-5H7zm6 0v3h4v-3h-4z',
	apartment:
		'M3 21V3h11v6h7v12h-8v-4h-2v4H3zm3-15v2h2V6H6zm4 0v2h2V6h-2zM6 10v2h2v-2H6zm4 0v2h2v-2h-2zm6 1v2h2v-2h-2zm0 4v2h2v-2h-2zM6 14v2h2v-2H6z',
	add_road: 'M3 21 8.5 3H11v3h2V3h2.5L21 21h-8v-3h-2v3H3zm8-12v5h2V9h-2z',
	lightbulb: 'M12 2a7 7 0 0 1 4 12.7V17H8v-2.3A7 7 0 0 1 12 2zM9 18.5h6V21H9z',
	traffic:
		'M8 2h8v20H8V2zm4 2.5a2 2 0 1 0 0 4 2 2 0 0 0 0-4zm0 5.5a2 2 0 1 0 0 4 2 2 0 0 0 0-4zm0 5.5a2 2 0 1 0 0 4 2 2 0 0 0 0-4z',
	park: 'M12 2 5 12h4l-3 5h5v5h2v-5h5l-3-5h4L12 2z',
	support_agent:
		'M12 2a8 8 0 0 1 8 8v6a3 3 0 0 1-3 3h-4v-2h4a1 1 0 0 0 1-1h-3v-7h3a6 6 0 0 0-12 0h3v7H5a1 1 0 0 1-1-1v-5a8 8 0 0 1 8-8z',
	report: 'M8 2h8l6 6v8l-6 6H8l-6-6V8l6-6zm3 5v7h2V7h-2zm0 9v2h2v-2h-2z',
	// interface
	search: 'M10 3a7 7 0 0 1 5.6 11.2l5.1 5.1-1.4 1.4-5.1-5.1A7 7 0 1 1 10 3zm0 2a5 5 0 1 0 0 10 5 5 0 0 0 0-10z',
	pin: 'M12 2a7 7 0 0 1 7 7c0 5-7 13-7 13S5 14 5 9a7 7 0 0 1 7-7zm0 4a3 3 0 1 0 0 6 3 3 0 0 0 0-6z',
	locate:
		'M11 2h2v3.1A7 7 0 0 1 18.9 11H22v2h-3.1A7 7 0 0 1 13 18.9V22h-2v-3.1A7 7 0 0 1 5.1 13H2v-2h3.1A7 7 0 0 1 11 5.1V2zm1 5a5 5 0 1 0 0 10 5 5 0 0 0 0-10zm0 2a3 3 0 1 1 0 6 3 3 0 0 1 0-6z',
	center: 'M11 2h2v6h-2V2zm0 14h2v6h-2v-6zM2 11h6v2H2v-2zm14 0h6v2h-6v-2zm-4-1a2 2 0 1 1 0 4 2 2 0 0 1 0-4z',
	plus: 'M11 4h2v7h7v2h-7v7h-2v-7H4v-2h7V4z',
	minus: 'M4 11h16v2H4z',
	camera:
		'M9 3h6l1.5 2H20a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H4a2 2 0 0 1-2-2V7a2 2 0 0 1 2-2h3.5L9 3zm3 4.5a5 5 0 1 0 0 10 5 5 0 0 0 0-10zm0 2a3 3 0 1 1 0 6 3 3 0 0 1 0-6z',
	image: 'M3 4h18v16H3V4zm2 2v9.6l4-4 3 3 2.5-2.5L19 16.6V6H5zm10 1.5a1.5 1.5 0 1 1 0 3 1.5 1.5 0 0 1 0-3z',
	close: 'M6.4 5 12 10.6 17.6 5 19 6.4 13.4 12l5.6 5.6-1.4 1.4-5.6-5.6L6.4 19 5 17.6l5.6-5.6L5 6.4 6.4 5z',
	error: 'M12 2a10 10 0 1 1 0 20 10 10 0 0 1 0-20zm-1 5v7h2V7h-2zm0 9v2h2v-2h-2z',
	check: 'M9 16.2 4.8 12l-1.4 1.4L9 19 21 7l-1.4-1.4z',
	star: 'M12 2.5l2.9 6.3 6.9.7-5.2 4.6 1.5 6.8L12 17.4l-6.1 3.5 1.5-6.8-5.2-4.6 6.9-.7z',
	cloud_off:
		'M3.3 2 2 3.3l3 3A6.5 6.5 0 0 0 6 19h11.7l3 3 1.3-1.3L3.3 2zM19.4 10A7 7 0 0 0 8.7 5.1l11.7 11.7A4.5 4.5 0 0 0 19.4 10z',
	people:
		'M9 11a4 4 0 1 0 0-8 4 4 0 0 0 0 8zm7 0a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM1 20c0-3.3 3.6-6 8-6s8 2.7 8 6v1H1v-1zm17.5 1v-1c0-2-1-3.8-2.6-5 3.6.1 6.1 2.2 6.1 5v1h-3.5z',
	globe:
		'M12 2a10 10 0 1 1 0 20 10 10 0 0 1 0-20zm-1.9 2.2A8 8 0 0 0 4.1 11h3.9c.1-2.5.8-4.9 2.1-6.8zm3.8 0c1.3 1.9 2 4.3 2.1 6.8h3.9a8 8 0 0 0-6-6.8zM12 4.5c-1.2 1.6-1.9 3.9-2 6.5h4c-.1-2.6-.8-4.9-2-6.5zM4.1 13a8 8 0 0 0 6 6.8c-1.3-1.9-2-4.3-2.1-6.8H4.1zm5.9 0c.1 2.6.8 4.9 2 6.5 1.2-1.6 1.9-3.9 2-6.5h-4zm6 0c-.1 2.5-.8 4.9-2.1 6.8a8 8 0 0 0 6-6.8H16z',
};

export function icon(name: string | null | undefined, className = 'icon') {
	const path = PATHS[name ?? ''] ?? PATHS.report;
	return h(
		'svg',
		{ class: className, viewBox: '0 0 24 24', width: 24, height: 24, 'aria-hidden': 'true', focusable: 'false' },
		[h('path', { d: path, fill: 'currentColor', 'fill-rule': 'evenodd' })],
	);
}

/** the map pin, as an HTML string for Leaflet's divIcon */
export const PIN_SVG = `<svg viewBox="0 0 32 44" width="32" height="44" aria-hidden="true" focusable="false"><path d="M16 1C7.7 1 1 7.6 1 15.8 1 27 16 43 16 43s15-16 15-27.2C31 7.6 24.3 1 16 1z" fill="#b3261e" stroke="#ffffff" stroke-width="2"/><circle cx="16" cy="16" r="5.5" fill="#ffffff"/></svg>`;
