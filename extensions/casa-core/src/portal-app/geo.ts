// Which arrondissement a pin falls in, on the boundaries the API publishes
// (GeoJSON, [lng, lat]). The server decides for real; this is feedback.
export type Ring = [number, number][];
export type AreaGeometry = { type: 'Polygon'; coordinates: Ring[] } | { type: 'MultiPolygon'; coordinates: Ring[][] };

export interface Arrondissement {
	code: string;
	name_fr: string;
	name_ar: string;
	prefecture?: string;
	boundary: AreaGeometry;
}

function inRing(lng: number, lat: number, ring: Ring): boolean {
	let inside = false;
	for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
		const [xi, yi] = ring[i];
		const [xj, yj] = ring[j];
		if (yi > lat !== yj > lat && lng < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
	}
	return inside;
}

function inPolygon(lng: number, lat: number, rings: Ring[]): boolean {
	if (rings.length === 0 || !inRing(lng, lat, rings[0])) return false;
	return !rings.slice(1).some((hole) => inRing(lng, lat, hole));
}

export function locate(lat: number, lng: number, areas: Arrondissement[]): Arrondissement | null {
	for (const area of areas) {
		const geometry = area.boundary;
		if (!geometry) continue;
		const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
		if (polygons.some((rings) => inPolygon(lng, lat, rings))) return area;
	}
	return null;
}
