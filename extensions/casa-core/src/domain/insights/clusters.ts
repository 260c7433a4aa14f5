// The map of complaints for the Insights dashboards: query parameters, the grid
// a zoom level implies, and the grouping of SQL rows (one per grid cell) into
// what the panel draws. The browser never receives every complaint: the
// database counts per cell, and only a cell holding one complaint becomes a point.
import { GLOBAL_CAPABILITIES } from '../access/capabilities';
import { TZDate } from '@date-fns/tz';
import type { RoleKey } from '../access/roles';
import { CASABLANCA_TIME_ZONE } from '../calendar/working-calendar';
import { COMPLAINT_STATUSES, type ComplaintStatus } from '../workflow/transitions';
import { SLA_STATES } from '../complaint/vocabulary';

export { SLA_STATES, type SlaState } from '../complaint/vocabulary';
export const COLOURS = ['status', 'sla_state'] as const;
export type ColourBy = (typeof COLOURS)[number];

export const MIN_ZOOM = 0;
export const MAX_ZOOM = 20;
/** cells per 256-px map tile side: a cell is about 64 px on screen */
export const CELLS_PER_TILE = 4;
/** a bbox that would cut into more cells than this is refused (the map never asks for that) */
export const MAX_CELLS = 20_000;
/** from this zoom on, complaints come one by one (co-located ones too), up to POINT_LIMIT; beyond it, cells again */
export const POINT_ZOOM = 18;
export const POINT_LIMIT = 2000;

/** Roles that open complaints (the access matrix) get the id and reference of single points. Others see aggregates only. */
export function pointIdsAllowed(role: RoleKey | null): boolean {
	return role !== null && GLOBAL_CAPABILITIES[role].includes('open_complaints');
}

export interface InsightsError {
	field: string;
	key: string;
	values?: Record<string, unknown>;
}

export interface BBox {
	west: number;
	south: number;
	east: number;
	north: number;
}

export interface InsightsFilters {
	services: string[];
	arrondissements: string[];
	/** received on or after */
	from: Date | null;
	/** received before (a date alone counts the whole day) */
	to: Date | null;
}

export interface ClusterQuery extends InsightsFilters {
	bbox: BBox;
	zoom: number;
	colour: ColourBy;
	statuses: ComplaintStatus[];
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; errors: InsightsError[] };

const CODE = /^[A-Za-z0-9._-]{1,64}$/;
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/;
const ZONED_DATE_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/** A query value as one string: arrays (repeated parameters, multi-value dashboard variables) joined with commas. */
function text(value: unknown): string {
	if (value === undefined || value === null) return '';
	if (Array.isArray(value)) return value.map(text).filter(Boolean).join(',');
	return String(value).trim();
}

function list(value: unknown): string[] {
	return [
		...new Set(
			text(value)
				.split(',')
				.map((part) => part.trim())
				.filter(Boolean),
		),
	];
}

function codes(field: string, value: unknown, errors: InsightsError[]): string[] {
	const values = list(value);
	if (values.length > 50 || values.some((code) => !CODE.test(code))) errors.push({ field, key: 'code' });
	return values;
}

/**
 * A date or date-time. Without an offset it is Casablanca wall time. `end`:
 * a date alone stands for the whole day, so the bound is the next midnight.
 */
export function parseInstant(raw: string, end = false): Date | null {
	let match = DATE_ONLY.exec(raw);
	if (match) {
		const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
		const check = new Date(Date.UTC(year, month - 1, day));
		if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
		return new Date(new TZDate(year, month - 1, day + (end ? 1 : 0), 0, 0, 0, 0, CASABLANCA_TIME_ZONE).getTime());
	}
	match = LOCAL_DATE_TIME.exec(raw);
	if (match) {
		const [year, month, day, hour, minute, second] = match.slice(1, 7).map((part) => Number(part ?? 0));
		if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return null;
		return new Date(new TZDate(year, month - 1, day, hour, minute, second, 0, CASABLANCA_TIME_ZONE).getTime());
	}
	if (ZONED_DATE_TIME.test(raw)) {
		const date = new Date(raw);
		return Number.isNaN(date.getTime()) ? null : date;
	}
	return null;
}

/** service, arrondissement, from, to: shared by the map and the SLA panel. */
export function readFilters(query: Record<string, unknown>, errors: InsightsError[]): InsightsFilters {
	const services = codes('service', query.service, errors);
	const arrondissements = codes('arrondissement', query.arrondissement, errors);
	const bound = (field: 'from' | 'to') => {
		const raw = text(query[field]);
		if (!raw) return null;
		const date = parseInstant(raw, field === 'to');
		if (!date) errors.push({ field, key: 'date' });
		return date;
	};
	const from = bound('from');
	const to = bound('to');
	if (from && to && from.getTime() >= to.getTime()) errors.push({ field: 'to', key: 'period' });
	return { services, arrondissements, from, to };
}

export function readBBox(value: unknown, errors: InsightsError[]): BBox | null {
	const raw = text(value);
	if (!raw) {
		errors.push({ field: 'bbox', key: 'required' });
		return null;
	}
	const parts = raw.split(',').map((part) => (part.trim() === '' ? Number.NaN : Number(part)));
	if (parts.length !== 4 || parts.some((part) => !Number.isFinite(part))) {
		errors.push({ field: 'bbox', key: 'bbox' });
		return null;
	}
	const [west, south, east, north] = parts;
	if (west < -180 || east > 180 || south < -90 || north > 90 || west >= east || south >= north) {
		errors.push({ field: 'bbox', key: 'bbox' });
		return null;
	}
	return { west, south, east, north };
}

export function readZoom(value: unknown, errors: InsightsError[]): number | null {
	const raw = text(value);
	if (!raw) {
		errors.push({ field: 'zoom', key: 'required' });
		return null;
	}
	const zoom = Number(raw);
	if (!/^\d+(\.\d+)?$/.test(raw) || zoom < MIN_ZOOM || zoom > MAX_ZOOM) {
		errors.push({ field: 'zoom', key: 'zoom', values: { min: MIN_ZOOM, max: MAX_ZOOM } });
		return null;
	}
	// Leaflet may report fractional zooms: the grid follows the integer level
	return Math.floor(zoom);
}

export function readClusterQuery(query: Record<string, unknown>): Parsed<ClusterQuery> {
	const errors: InsightsError[] = [];
	const bbox = readBBox(query.bbox, errors);
	const zoom = readZoom(query.zoom, errors);
	const colourRaw = text(query.colour) || 'status';
	const colour = (COLOURS as readonly string[]).includes(colourRaw) ? (colourRaw as ColourBy) : null;
	if (!colour) errors.push({ field: 'colour', key: 'colour' });
	const statuses = list(query.status);
	if (statuses.some((status) => !(COMPLAINT_STATUSES as readonly string[]).includes(status)))
		errors.push({ field: 'status', key: 'status' });
	const filters = readFilters(query, errors);
	if (bbox && zoom !== null && cellCount(bbox, cellSize(zoom)) > MAX_CELLS)
		errors.push({ field: 'bbox', key: 'bbox_too_large' });
	if (errors.length > 0 || !bbox || zoom === null || !colour) return { ok: false, errors };
	return { ok: true, value: { ...filters, bbox, zoom, colour, statuses: statuses as ComplaintStatus[] } };
}

export const SLA_GROUPS = ['service', 'team'] as const;
export type SlaGroup = (typeof SLA_GROUPS)[number];

export interface SlaQuery extends InsightsFilters {
	/** one bar per service (default) or per team */
	group: SlaGroup;
}

export function readSlaQuery(query: Record<string, unknown>): Parsed<SlaQuery> {
	const errors: InsightsError[] = [];
	const raw = query.group === undefined || query.group === '' ? 'service' : String(query.group);
	const group = (SLA_GROUPS as readonly string[]).includes(raw) ? (raw as SlaGroup) : null;
	if (!group) errors.push({ field: 'group', key: 'group' });
	const filters = readFilters(query, errors);
	return errors.length > 0 || !group ? { ok: false, errors } : { ok: true, value: { ...filters, group } };
}

// --- the grid ------------------------------------------------------------------

/** Side of a grid cell in degrees at a zoom level: a quarter of a map tile. */
export function cellSize(zoom: number): number {
	return 360 / (2 ** Math.floor(zoom) * CELLS_PER_TILE);
}

/**
 * Cell indices count from the south-west corner of the world (-180, -90), so
 * they are never negative and truncation is the floor whatever the sign of
 * the coordinate (Casablanca lies west of Greenwich).
 */
export function cellOf(latitude: number, longitude: number, size: number): { x: number; y: number } {
	return { x: Math.floor((longitude + 180) / size), y: Math.floor((latitude + 90) / size) };
}

export function cellBounds(
	x: number,
	y: number,
	size: number,
): { south: number; west: number; north: number; east: number } {
	return { west: x * size - 180, east: (x + 1) * size - 180, south: y * size - 90, north: (y + 1) * size - 90 };
}

export function cellCount(bbox: BBox, size: number): number {
	const first = cellOf(bbox.south, bbox.west, size);
	const last = cellOf(bbox.north, bbox.east, size);
	return (last.x - first.x + 1) * (last.y - first.y + 1);
}

export function colourValues(colour: ColourBy): readonly string[] {
	return colour === 'status' ? COMPLAINT_STATUSES : SLA_STATES;
}

// --- grouping ------------------------------------------------------------------

/** One row of the GROUP BY: cell indices, count, centroid, counts per colour value (c0, c1, … in colourValues order). */
export interface CellRow {
	x: number | string;
	y: number | string;
	count: number | string;
	latitude: number | string;
	longitude: number | string;
	id?: string | null;
	reference?: string | null;
	[colourCount: string]: unknown;
}

export interface Cluster {
	/** centroid of the complaints of the cell (the complaint itself for a point) */
	latitude: number;
	longitude: number;
	count: number;
	/** count per colour value; values with no complaint are left out */
	counts: Record<string, number>;
	/** the colour value with the most complaints (first in workflow order on a tie) */
	dominant: string;
	/** [south, west, north, east] of the grid cell */
	bounds: [number, number, number, number];
	point: boolean;
	/** only on points, and only for roles that open complaints */
	id?: string;
	reference?: string;
}

export interface ClusterResult {
	zoom: number;
	colour: ColourBy;
	cell_size: number;
	total: number;
	clusters: Cluster[];
}

const round = (value: number, digits = 6) => Math.round(value * 10 ** digits) / 10 ** digits;

export function groupCells(
	rows: CellRow[],
	options: { zoom: number; colour: ColourBy; withIds: boolean },
): ClusterResult {
	const size = cellSize(options.zoom);
	const values = colourValues(options.colour);
	let total = 0;
	const clusters = rows.map((row): Cluster => {
		const count = Number(row.count);
		total += count;
		const counts: Record<string, number> = {};
		let dominant = values[0];
		let best = -1;
		values.forEach((value, index) => {
			const n = Number(row[`c${index}`] ?? 0);
			if (n > 0) counts[value] = n;
			if (n > best) {
				best = n;
				dominant = value;
			}
		});
		const bounds = cellBounds(Number(row.x), Number(row.y), size);
		const cluster: Cluster = {
			// 5 decimals (about a metre): PostgreSQL stores the coordinates as float4
			latitude: round(Number(row.latitude), 5),
			longitude: round(Number(row.longitude), 5),
			count,
			counts,
			dominant,
			bounds: [round(bounds.south, 9), round(bounds.west, 9), round(bounds.north, 9), round(bounds.east, 9)],
			point: count === 1,
		};
		if (cluster.point && options.withIds && row.id) {
			cluster.id = String(row.id);
			if (row.reference) cluster.reference = String(row.reference);
		}
		return cluster;
	});
	clusters.sort((a, b) => b.count - a.count);
	return { zoom: options.zoom, colour: options.colour, cell_size: size, total, clusters };
}

/** One complaint at high zoom: place and colour value (and id, reference for roles that open complaints). */
export interface PointRow {
	latitude: number | string;
	longitude: number | string;
	value: string | null;
	id?: string | null;
	reference?: string | null;
}

/** Complaints one by one (zoom ≥ POINT_ZOOM), in the same shape as the cells. */
export function groupPoints(
	rows: PointRow[],
	options: { zoom: number; colour: ColourBy; withIds: boolean },
): ClusterResult {
	const size = cellSize(options.zoom);
	const values = colourValues(options.colour);
	const clusters = rows.map((row): Cluster => {
		const latitude = Number(row.latitude);
		const longitude = Number(row.longitude);
		const cell = cellOf(latitude, longitude, size);
		const bounds = cellBounds(cell.x, cell.y, size);
		const value = row.value && values.includes(row.value) ? row.value : values[0];
		const cluster: Cluster = {
			latitude: round(latitude, 5),
			longitude: round(longitude, 5),
			count: 1,
			counts: { [value]: 1 },
			dominant: value,
			bounds: [round(bounds.south, 9), round(bounds.west, 9), round(bounds.north, 9), round(bounds.east, 9)],
			point: true,
		};
		if (options.withIds && row.id) {
			cluster.id = String(row.id);
			if (row.reference) cluster.reference = String(row.reference);
		}
		return cluster;
	});
	return { zoom: options.zoom, colour: options.colour, cell_size: size, total: clusters.length, clusters };
}

// --- SLA -----------------------------------------------------------------------

export interface SlaRow {
	service: string | null;
	/** set when grouped by team */
	team?: string | null;
	name_fr?: string | null;
	name_ar?: string | null;
	resolved: number | string | null;
	on_time: number | string | null;
	open: number | string | null;
	at_risk: number | string | null;
	breached: number | string | null;
}

export interface SlaFigure {
	service: string | null;
	/** the team, when grouped by team (service is then the team's service) */
	team?: string | null;
	name_fr: string | null;
	name_ar: string | null;
	resolved: number;
	on_time: number;
	/** on_time / resolved, 0–1, null when nothing was resolved */
	on_time_rate: number | null;
	open: number;
	at_risk: number;
	breached: number;
}

export function slaFigures(rows: SlaRow[]): { services: SlaFigure[]; total: SlaFigure } {
	const services = rows.map((row): SlaFigure => {
		const resolved = Number(row.resolved ?? 0);
		const onTime = Number(row.on_time ?? 0);
		return {
			service: row.service ?? null,
			...(row.team !== undefined ? { team: row.team ?? null } : {}),
			name_fr: row.name_fr ?? null,
			name_ar: row.name_ar ?? null,
			resolved,
			on_time: onTime,
			on_time_rate: resolved > 0 ? round(onTime / resolved, 4) : null,
			open: Number(row.open ?? 0),
			at_risk: Number(row.at_risk ?? 0),
			breached: Number(row.breached ?? 0),
		};
	});
	services.sort(
		(a, b) => (a.on_time_rate ?? 2) - (b.on_time_rate ?? 2) || String(a.service).localeCompare(String(b.service)),
	);
	const sum = (key: 'resolved' | 'on_time' | 'open' | 'at_risk' | 'breached') =>
		services.reduce((acc, figure) => acc + figure[key], 0);
	const resolved = sum('resolved');
	const onTime = sum('on_time');
	return {
		services,
		total: {
			service: null,
			name_fr: null,
			name_ar: null,
			resolved,
			on_time: onTime,
			on_time_rate: resolved > 0 ? round(onTime / resolved, 4) : null,
			open: sum('open'),
			at_risk: sum('at_risk'),
			breached: sum('breached'),
		},
	};
}
