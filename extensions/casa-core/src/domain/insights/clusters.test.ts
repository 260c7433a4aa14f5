import { describe, expect, it } from 'vitest';
import {
	MAX_CELLS,
	cellBounds,
	cellCount,
	cellOf,
	cellSize,
	groupCells,
	groupPoints,
	parseInstant,
	pointIdsAllowed,
	readClusterQuery,
	readSlaQuery,
	slaFigures,
} from './clusters';

const BENCH = { bbox: '-7.80,33.45,-7.40,33.70', zoom: '11' };

describe('readClusterQuery', () => {
	it('reads the bench query with the defaults', () => {
		const parsed = readClusterQuery(BENCH);
		expect(parsed.ok).toBe(true);
		if (!parsed.ok) return;
		expect(parsed.value).toMatchObject({
			bbox: { west: -7.8, south: 33.45, east: -7.4, north: 33.7 },
			zoom: 11,
			colour: 'status',
			services: [],
			arrondissements: [],
			statuses: [],
			from: null,
			to: null,
		});
	});

	it('reads filters, comma lists and arrays (multi-value dashboard variables)', () => {
		const parsed = readClusterQuery({
			...BENCH,
			colour: 'sla_state',
			service: ['PROP', 'VOIR'],
			arrondissement: '06.141.01.01',
			status: 'new,in_progress',
			from: '2026-05-01',
			to: '2026-05-31',
		});
		expect(parsed.ok).toBe(true);
		if (!parsed.ok) return;
		expect(parsed.value.services).toEqual(['PROP', 'VOIR']);
		expect(parsed.value.statuses).toEqual(['new', 'in_progress']);
		expect(parsed.value.colour).toBe('sla_state');
		// Casablanca midnight (UTC+1 outside Ramadan); `to` covers the whole last day
		expect(parsed.value.from?.toISOString()).toBe('2026-04-30T23:00:00.000Z');
		expect(parsed.value.to?.toISOString()).toBe('2026-05-31T23:00:00.000Z');
	});

	it('reports every bad parameter by field', () => {
		const parsed = readClusterQuery({
			bbox: '-7.4,33.45,-7.8',
			zoom: '25',
			colour: 'rainbow',
			status: 'lost',
			service: "x'; drop",
			from: 'yesterday',
		});
		expect(parsed.ok).toBe(false);
		if (parsed.ok) return;
		expect(parsed.errors.map((error) => error.field).sort()).toEqual([
			'bbox',
			'colour',
			'from',
			'service',
			'status',
			'zoom',
		]);
	});

	it('requires bbox and zoom, and a west below the east', () => {
		const missing = readClusterQuery({});
		expect(missing.ok || missing.errors.map((error) => `${error.field}:${error.key}`)).toEqual([
			'bbox:required',
			'zoom:required',
		]);
		const reversed = readClusterQuery({ bbox: '-7.4,33.45,-7.8,33.7', zoom: '11' });
		expect(reversed.ok || reversed.errors[0]).toMatchObject({ field: 'bbox', key: 'bbox' });
	});

	it('refuses a bbox that would cut into too many cells for its zoom', () => {
		const parsed = readClusterQuery({ bbox: '-180,-85,180,85', zoom: '12' });
		expect(parsed.ok || parsed.errors[0]).toMatchObject({ field: 'bbox', key: 'bbox_too_large' });
		expect(readClusterQuery({ bbox: '-180,-85,180,85', zoom: '2' }).ok).toBe(true);
	});

	it('refuses an empty or reversed period', () => {
		const parsed = readSlaQuery({ from: '2026-05-02', to: '2026-05-01' });
		expect(parsed.ok || parsed.errors[0]).toMatchObject({ field: 'to', key: 'period' });
		expect(readSlaQuery({ from: '2026-02-30' }).ok).toBe(false);
		expect(readSlaQuery({}).ok).toBe(true);
	});
});

describe('parseInstant', () => {
	it('reads dates, local date-times (Casablanca wall time) and zoned date-times', () => {
		expect(parseInstant('2026-01-15')?.toISOString()).toBe('2026-01-14T23:00:00.000Z');
		expect(parseInstant('2026-01-31', true)?.toISOString()).toBe('2026-01-31T23:00:00.000Z');
		// during Ramadan 1447 Morocco is on UTC+0
		expect(parseInstant('2026-03-01T10:00:00')?.toISOString()).toBe('2026-03-01T10:00:00.000Z');
		expect(parseInstant('2026-06-01T10:00:00Z')?.toISOString()).toBe('2026-06-01T10:00:00.000Z');
		expect(parseInstant('{{from}}')).toBeNull();
	});
});

describe('the grid', () => {
	it('halves the cell at each zoom level', () => {
		expect(cellSize(0)).toBe(90);
		expect(cellSize(11)).toBeCloseTo(360 / 8192);
		expect(cellSize(12)).toBe(cellSize(11) / 2);
	});

	it('buckets negative longitudes with the floor, never towards zero', () => {
		const size = cellSize(14);
		const cell = cellOf(33.5731, -7.5898, size);
		const bounds = cellBounds(cell.x, cell.y, size);
		expect(bounds.west).toBeLessThanOrEqual(-7.5898);
		expect(bounds.east).toBeGreaterThan(-7.5898);
		expect(bounds.south).toBeLessThanOrEqual(33.5731);
		expect(bounds.north).toBeGreaterThan(33.5731);
		// two points either side of the meridian never share a cell
		expect(cellOf(0, -0.0001, size).x).not.toBe(cellOf(0, 0.0001, size).x);
	});

	it('counts the cells of the bench bbox well under the limit', () => {
		expect(cellCount({ west: -7.8, south: 33.45, east: -7.4, north: 33.7 }, cellSize(11))).toBeLessThan(200);
		expect(cellCount({ west: -7.8, south: 33.45, east: -7.4, north: 33.7 }, cellSize(18))).toBeGreaterThan(MAX_CELLS);
	});
});

describe('groupCells', () => {
	const size = cellSize(13);
	const here = cellOf(33.58, -7.6, size);
	const rows = [
		{
			x: here.x,
			y: here.y,
			count: 5,
			latitude: 33.581,
			longitude: -7.601,
			id: 'a',
			reference: 'CAS-2026-000001',
			c0: 1,
			c1: 0,
			c2: 0,
			c3: 3,
			c4: 0,
			c5: 1,
			c6: 0,
			c7: 0,
			c8: 0,
		},
		{
			x: String(here.x + 1),
			y: String(here.y),
			count: '1',
			latitude: '33.5812345678',
			longitude: '-7.5401',
			id: 'b',
			reference: 'CAS-2026-000002',
			c0: 0,
			c1: 0,
			c2: 1,
		},
	];

	it('gives the count, centroid, counts per status and the dominant one; a single complaint is a point with its id', () => {
		const result = groupCells(rows, { zoom: 13, colour: 'status', withIds: true });
		expect(result.total).toBe(6);
		expect(result.clusters[0]).toMatchObject({
			count: 5,
			point: false,
			dominant: 'in_progress',
			counts: { new: 1, in_progress: 3, resolved: 1 },
		});
		expect(result.clusters[0].id).toBeUndefined();
		expect(result.clusters[1]).toMatchObject({
			count: 1,
			point: true,
			id: 'b',
			reference: 'CAS-2026-000002',
			dominant: 'assigned',
			latitude: 33.58123,
		});
		const [south, west, north, east] = result.clusters[0].bounds;
		expect(south).toBeLessThan(33.581);
		expect(north).toBeGreaterThan(33.581);
		expect(west).toBeLessThan(-7.601);
		expect(east).toBeGreaterThan(-7.601);
	});

	it('keeps ids out for aggregate-only roles', () => {
		const result = groupCells(rows, { zoom: 13, colour: 'sla_state', withIds: false });
		expect(result.clusters[1]).toMatchObject({ point: true });
		expect(result.clusters[1]).not.toHaveProperty('id');
		expect(result.clusters[1]).not.toHaveProperty('reference');
		expect(pointIdsAllowed('mayor')).toBe(false);
		expect(pointIdsAllowed('elected_official')).toBe(false);
		expect(pointIdsAllowed('service_head')).toBe(true);
		expect(pointIdsAllowed(null)).toBe(false);
	});
});

describe('groupPoints', () => {
	it('gives complaints one by one at high zoom, co-located ones included', () => {
		const rows = [
			{ latitude: 33.59, longitude: -7.62, value: 'breached', id: 'a', reference: 'CAS-2026-000001' },
			{ latitude: '33.59', longitude: '-7.62', value: 'on_track', id: 'b', reference: 'CAS-2026-000002' },
		];
		const result = groupPoints(rows, { zoom: 19, colour: 'sla_state', withIds: true });
		expect(result.total).toBe(2);
		expect(result.clusters).toEqual([
			expect.objectContaining({
				count: 1,
				point: true,
				dominant: 'breached',
				counts: { breached: 1 },
				id: 'a',
				reference: 'CAS-2026-000001',
			}),
			expect.objectContaining({ count: 1, point: true, dominant: 'on_track', id: 'b' }),
		]);
		expect(groupPoints(rows, { zoom: 19, colour: 'sla_state', withIds: false }).clusters[0]).not.toHaveProperty('id');
	});
});

describe('slaFigures', () => {
	it('computes the on-time rate per service and overall, worst first', () => {
		const figures = slaFigures([
			{
				service: 'PROP',
				name_fr: 'Propreté',
				name_ar: 'النظافة',
				resolved: 4,
				on_time: 3,
				open: 2,
				at_risk: 1,
				breached: 1,
			},
			{ service: 'VOIR', resolved: '2', on_time: '0', open: '0', at_risk: null, breached: null },
			{ service: 'ECL', resolved: 0, on_time: 0, open: 3, at_risk: 0, breached: 3 },
		]);
		expect(figures.services.map((figure) => [figure.service, figure.on_time_rate])).toEqual([
			['VOIR', 0],
			['PROP', 0.75],
			['ECL', null],
		]);
		expect(figures.total).toMatchObject({
			resolved: 6,
			on_time: 3,
			on_time_rate: 0.5,
			open: 5,
			at_risk: 1,
			breached: 4,
		});
	});
});
