// The workspace's Leaflet maps: the configured tiles (which may not load: no
// network, blocked host) and the 16 arrondissement boundaries drawn from the
// portal's API, so the map shows where things are either way. Same sources as
// the casa-map panel.
import type { Http } from './api';
import * as L from 'leaflet';

export const CASABLANCA: L.LatLngTuple = [33.5731, -7.5898];

interface Area {
	code: string;
	name_fr: string;
	name_ar: string;
	boundary: unknown;
}

let sources: Promise<[{ tileUrl?: string; tileAttribution?: string } | null, Area[]]> | null = null;

function loadSources(api: Http) {
	sources ??= Promise.all([
		api
			.get('/portal/api/config')
			.then((response) => response.data.data as { tileUrl?: string; tileAttribution?: string })
			.catch(() => null),
		api
			.get('/portal/api/arrondissements')
			.then((response) => response.data.data as Area[])
			.catch(() => [] as Area[]),
	]);
	return sources;
}

/** A map in the element with tiles and boundaries; resolves with the map and the boundaries' bounds. */
export async function createBaseMap(
	api: Http,
	element: HTMLElement,
	options: L.MapOptions = {},
): Promise<{ map: L.Map; areaBounds: L.LatLngBounds | null }> {
	const [config, areas] = await loadSources(api);
	const map = L.map(element, { center: CASABLANCA, zoom: 11, minZoom: 9, maxZoom: 19, zoomSnap: 1, ...options });
	map.attributionControl?.setPrefix(false);
	if (config?.tileUrl)
		L.tileLayer(config.tileUrl, { attribution: config.tileAttribution ?? '', maxZoom: 19 }).addTo(map);
	let areaBounds: L.LatLngBounds | null = null;
	if (areas.length > 0) {
		const layer = L.geoJSON(
			{
				type: 'FeatureCollection',
				features: areas.map((area) => ({ type: 'Feature', properties: { code: area.code }, geometry: area.boundary })),
			} as never,
			{
				interactive: false,
				style: () => ({ color: '#0E5A8A', weight: 1.5, fillColor: '#0E5A8A', fillOpacity: 0.04 }),
			},
		).addTo(map);
		areaBounds = layer.getBounds();
	}
	return { map, areaBounds };
}

export const SLA_COLOURS: Record<string, string> = { on_track: '#15803d', at_risk: '#ca8a04', breached: '#b91c1c' };
