import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
	ArrondissementLocator,
	boundingBox,
	inBoundingBox,
	pointInGeometry,
	type AreaGeometry,
	type LinearRing,
	type MultiPolygon,
	type Polygon,
} from './point-in-polygon';

interface Feature {
	properties: { hcp_code: string; name_fr: string; centroid_lat: number; centroid_lng: number };
	geometry: AreaGeometry;
}

const seedUrl = new URL('../../../../../seed/arrondissements.geojson', import.meta.url);
const features: Feature[] = JSON.parse(readFileSync(seedUrl, 'utf8')).features;
const locator = new ArrondissementLocator(features.map((f) => ({ code: f.properties.hcp_code, boundary: f.geometry })));

// Area-weighted centroid of a closed ring (shoelace formula).
function ringCentroid(ring: LinearRing): [number, number] {
	let area = 0;
	let cx = 0;
	let cy = 0;
	for (let i = 0; i < ring.length - 1; i++) {
		const [x0, y0] = ring[i];
		const [x1, y1] = ring[i + 1];
		const cross = x0 * y1 - x1 * y0;
		area += cross;
		cx += (x0 + x1) * cross;
		cy += (y0 + y1) * cross;
	}
	return [cx / (3 * area), cy / (3 * area)];
}

const square = (x0: number, y0: number, x1: number, y1: number): LinearRing => [
	[x0, y0],
	[x1, y0],
	[x1, y1],
	[x0, y1],
	[x0, y0],
];

describe('pointInGeometry', () => {
	const donut: Polygon = { type: 'Polygon', coordinates: [square(0, 0, 10, 10), square(4, 4, 6, 6)] };
	const twoIslands: MultiPolygon = {
		type: 'MultiPolygon',
		coordinates: [[square(0, 0, 1, 1)], [square(5, 5, 6, 6), square(5.4, 5.4, 5.6, 5.6)]],
	};

	it('is true inside the outer ring and false in a hole', () => {
		expect(pointInGeometry(2, 2, donut)).toBe(true);
		expect(pointInGeometry(5, 5, donut)).toBe(false);
		expect(pointInGeometry(11, 5, donut)).toBe(false);
	});

	it('handles every polygon of a multipolygon and their holes', () => {
		expect(pointInGeometry(0.5, 0.5, twoIslands)).toBe(true);
		expect(pointInGeometry(5.1, 5.1, twoIslands)).toBe(true);
		expect(pointInGeometry(5.5, 5.5, twoIslands)).toBe(false);
		expect(pointInGeometry(3, 3, twoIslands)).toBe(false);
	});

	it('accepts rings that are not explicitly closed', () => {
		const open: Polygon = { type: 'Polygon', coordinates: [square(0, 0, 2, 2).slice(0, 4)] };
		expect(pointInGeometry(1, 1, open)).toBe(true);
	});

	it('is false for non-finite coordinates', () => {
		expect(pointInGeometry(Number.NaN, 2, donut)).toBe(false);
		expect(pointInGeometry(2, Number.POSITIVE_INFINITY, donut)).toBe(false);
	});
});

describe('boundingBox', () => {
	it('covers all outer rings of a multipolygon', () => {
		const box = boundingBox({ type: 'MultiPolygon', coordinates: [[square(0, 1, 2, 3)], [square(-5, -6, -4, -2)]] });
		expect(box).toEqual({ minLng: -5, minLat: -6, maxLng: 2, maxLat: 3 });
		expect(inBoundingBox(0, 0, box)).toBe(true);
		expect(inBoundingBox(3, 0, box)).toBe(false);
	});

	it('rejects an empty geometry', () => {
		expect(() => boundingBox({ type: 'MultiPolygon', coordinates: [] })).toThrow(RangeError);
	});
});

describe('ArrondissementLocator on the seed boundaries', () => {
	it('has the 16 arrondissements', () => {
		expect(features).toHaveLength(16);
	});

	it.each(features.map((f) => [f.properties.name_fr, f] as const))(
		'locates the centroid of %s to its own code',
		(_name, f) => {
			const { hcp_code, centroid_lat, centroid_lng } = f.properties;
			expect(locator.locate(centroid_lat, centroid_lng)).toBe(hcp_code);
			// No other boundary may claim it (first match would hide an overlap).
			const claimedBy = features.filter((o) => pointInGeometry(centroid_lng, centroid_lat, o.geometry));
			expect(claimedBy.map((o) => o.properties.hcp_code)).toEqual([hcp_code]);
		},
	);

	it('returns null in the Atlantic and in Mohammedia', () => {
		expect(locator.locate(33.62, -7.7)).toBeNull();
		expect(locator.locate(33.686, -7.383)).toBeNull();
	});

	it('returns null in the Méchouar hole of Mers Sultan', () => {
		const mersSultan = features.find((f) => f.properties.name_fr === 'Mers Sultan');
		expect(mersSultan?.geometry.type).toBe('Polygon');
		const [outer, hole] = (mersSultan!.geometry as Polygon).coordinates;
		expect(hole).toBeDefined();
		const [lng, lat] = ringCentroid(hole);
		const holeBox = boundingBox({ type: 'Polygon', coordinates: [hole] });
		expect(inBoundingBox(lng, lat, holeBox)).toBe(true);
		// The point must really be inside the hole ring and Mers Sultan's outer ring,
		// so the null below is due to hole handling.
		expect(pointInGeometry(lng, lat, { type: 'Polygon', coordinates: [hole] })).toBe(true);
		expect(pointInGeometry(lng, lat, { type: 'Polygon', coordinates: [outer] })).toBe(true);
		expect(locator.locate(lat, lng)).toBeNull();
	});

	it('returns null for non-finite input', () => {
		expect(locator.locate(Number.NaN, -7.6)).toBeNull();
	});
});
