/** GeoJSON position: longitude first, as in RFC 7946. */
export type Position = [lng: number, lat: number];

/** A linear ring: closed (first position equals the last), at least 4 positions. */
export type LinearRing = Position[];

export interface Polygon {
	type: 'Polygon';
	/** First ring is the outer boundary; any further rings are holes. */
	coordinates: LinearRing[];
}

export interface MultiPolygon {
	type: 'MultiPolygon';
	coordinates: LinearRing[][];
}

export type AreaGeometry = Polygon | MultiPolygon;

export interface BoundingBox {
	minLng: number;
	minLat: number;
	maxLng: number;
	maxLat: number;
}

export interface LocatableArea {
	code: string;
	boundary: AreaGeometry;
}

function polygonsOf(geometry: AreaGeometry): LinearRing[][] {
	return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

/** Even-odd ray casting; also works if the ring is not explicitly closed. */
function pointInRing(lng: number, lat: number, ring: LinearRing): boolean {
	let inside = false;
	for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
		const [xi, yi] = ring[i];
		const [xj, yj] = ring[j];
		if (yi > lat !== yj > lat && lng < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) {
			inside = !inside;
		}
	}
	return inside;
}

function pointInPolygonRings(lng: number, lat: number, rings: LinearRing[]): boolean {
	if (rings.length === 0 || !pointInRing(lng, lat, rings[0])) return false;
	for (let h = 1; h < rings.length; h++) {
		if (pointInRing(lng, lat, rings[h])) return false;
	}
	return true;
}

/**
 * True when (lng, lat) is inside the geometry: inside an outer ring and in none
 * of that polygon's holes. Points exactly on an edge may go either way.
 */
export function pointInGeometry(lng: number, lat: number, geometry: AreaGeometry): boolean {
	if (!Number.isFinite(lng) || !Number.isFinite(lat)) return false;
	return polygonsOf(geometry).some((rings) => pointInPolygonRings(lng, lat, rings));
}

/** Bounding box of the outer rings (holes cannot extend it). */
export function boundingBox(geometry: AreaGeometry): BoundingBox {
	const box: BoundingBox = { minLng: Infinity, minLat: Infinity, maxLng: -Infinity, maxLat: -Infinity };
	for (const rings of polygonsOf(geometry)) {
		for (const [lng, lat] of rings[0] ?? []) {
			if (lng < box.minLng) box.minLng = lng;
			if (lng > box.maxLng) box.maxLng = lng;
			if (lat < box.minLat) box.minLat = lat;
			if (lat > box.maxLat) box.maxLat = lat;
		}
	}
	if (box.minLng > box.maxLng) throw new RangeError('boundingBox: geometry has no positions');
	return box;
}

export function inBoundingBox(lng: number, lat: number, box: BoundingBox): boolean {
	return lng >= box.minLng && lng <= box.maxLng && lat >= box.minLat && lat <= box.maxLat;
}

/**
 * Finds which area (arrondissement) contains a point. Bounding boxes are computed
 * once so most areas are rejected without walking their rings.
 */
export class ArrondissementLocator {
	private readonly areas: { code: string; boundary: AreaGeometry; box: BoundingBox }[];

	constructor(areas: readonly LocatableArea[]) {
		this.areas = areas.map(({ code, boundary }) => ({ code, boundary, box: boundingBox(boundary) }));
	}

	/** Code of the area containing the point, or null outside all. Note: lat first. */
	locate(lat: number, lng: number): string | null {
		if (!Number.isFinite(lat) || !Number.isFinite(lng)) return null;
		for (const area of this.areas) {
			if (inBoundingBox(lng, lat, area.box) && pointInGeometry(lng, lat, area.boundary)) return area.code;
		}
		return null;
	}
}
