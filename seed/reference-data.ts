/**
 * Reads the reference data in this folder for the seeding script. Plain Node:
 * no Directus import, paths resolved from this module so the working directory
 * does not matter.
 */
import { readFileSync } from 'node:fs';
import type { AreaGeometry } from '../extensions/casa-core/src/domain/geo';

export type Priority = 'urgent' | 'high' | 'normal' | 'low';
export type DurationUnit = 'working_days' | 'calendar_days';

export interface ServiceSeed {
	code: string;
	name_fr: string;
	name_ar: string;
	/** Material Icons name. */
	icon: string;
}

export interface CategorySeed {
	code: string;
	service: string;
	name_fr: string;
	name_ar: string;
	priority: Priority;
	acknowledge_in: number;
	acknowledge_unit: DurationUnit;
	resolve_in: number;
	resolve_unit: DurationUnit;
	handler: string;
	sla_basis: string;
}

export interface PrefectureSeed {
	code: string;
	name_fr: string;
	name_ar: string;
}

export interface ArrondissementSeed {
	/** HCP code, e.g. 06.141.01.01. */
	code: string;
	name_fr: string;
	name_ar: string;
	/** HCP code of the préfecture d'arrondissements. */
	prefecture: string;
	population_2024: number;
	households_2024: number;
	area_km2: number;
	centroid: { lat: number; lng: number };
	boundary: AreaGeometry;
	osm_relation: number;
}

export type HolidayKind = 'fixed' | 'islamic' | 'exceptional';
export type HolidayStatus = 'official' | 'provisional' | 'estimate';

export interface HolidaySeed {
	/** ISO date, Casablanca calendar day. */
	date: string;
	name_fr: string;
	name_ar: string;
	kind: HolidayKind;
	note: string | null;
	status: HolidayStatus;
	/** The status text as written in the CSV, e.g. "provisional (verify Habous)". */
	status_detail: string;
	source: string;
}

export interface RamadanScheduleSeed {
	name_fr: string;
	name_ar: string;
	/** ISO dates, both inclusive. */
	valid_from: string;
	valid_to: string;
	/** Local HH:MM. */
	start_time: string;
	end_time: string;
	status: 'official' | 'estimate';
	source: string;
}

const SERVICE_ICONS: Record<string, string> = {
	PROP: 'delete',
	HYG: 'pest_control',
	ODP: 'storefront',
	URB: 'apartment',
	VOI: 'add_road',
	ECL: 'lightbulb',
	SIG: 'traffic',
	ESV: 'park',
	ADM: 'support_agent',
};

const PRIORITIES: Record<string, Priority> = { urgente: 'urgent', haute: 'high', normale: 'normal', basse: 'low' };

/** RFC 4180: quoted fields may hold commas, doubled quotes and line breaks; CRLF or LF. */
export function parseCsv(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let field = '';
	let quoted = false;
	let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
	for (; i < text.length; i++) {
		const c = text[i];
		if (quoted) {
			if (c !== '"') field += c;
			else if (text[i + 1] === '"') field += text[++i];
			else quoted = false;
		} else if (c === '"' && field === '') quoted = true;
		else if (c === ',') {
			row.push(field);
			field = '';
		} else if (c === '\n' || c === '\r') {
			if (c === '\r' && text[i + 1] === '\n') i++;
			row.push(field);
			rows.push(row);
			row = [];
			field = '';
		} else field += c;
	}
	if (quoted) throw new SyntaxError('CSV: unterminated quoted field');
	if (field !== '' || row.length > 0) {
		row.push(field);
		rows.push(row);
	}
	return rows;
}

/** Rows keyed by the header line; blank lines skipped, wrong column counts rejected. */
export function parseCsvRecords(text: string, fileName = 'CSV'): Record<string, string>[] {
	const [header, ...rows] = parseCsv(text).filter((r) => !(r.length === 1 && r[0] === ''));
	if (!header) return [];
	return rows.map((cells, index) => {
		if (cells.length !== header.length) {
			throw new SyntaxError(`${fileName} line ${index + 2}: ${cells.length} fields, expected ${header.length}`);
		}
		return Object.fromEntries(header.map((name, c) => [name, cells[c]]));
	});
}

function readSeed(fileName: string): string {
	return readFileSync(new URL(fileName, import.meta.url), 'utf8');
}

function readRecords(fileName: string): Record<string, string>[] {
	return parseCsvRecords(readSeed(fileName), fileName);
}

function fail(fileName: string, what: string): never {
	throw new Error(`${fileName}: ${what}`);
}

export function loadCategories(): CategorySeed[] {
	return readRecords('categories.csv').map((row) => {
		const priority =
			PRIORITIES[row.priority] ?? fail('categories.csv', `${row.category_code}: unknown priority "${row.priority}"`);
		// "60 (calendar days max)" is the legal ceiling in calendar days; plain numbers are working days.
		const sla = /^(\d+)\s*(.*)$/.exec(row.sla_working_days.trim());
		if (!sla) fail('categories.csv', `${row.category_code}: unreadable SLA "${row.sla_working_days}"`);
		const urgentish = priority === 'urgent' || priority === 'high';
		return {
			code: row.category_code,
			service: row.service_code,
			name_fr: row.category_fr,
			name_ar: row.category_ar,
			priority,
			acknowledge_in: urgentish ? 1 : 2,
			acknowledge_unit: 'working_days',
			resolve_in: Number(sla[1]),
			resolve_unit: /calendar/i.test(sla[2]) ? 'calendar_days' : 'working_days',
			handler: row.likely_handler_casablanca,
			sla_basis: row.sla_basis,
		};
	});
}

export function loadServices(): ServiceSeed[] {
	const services = new Map<string, ServiceSeed>();
	for (const row of readRecords('categories.csv')) {
		const known = services.get(row.service_code);
		if (known) {
			if (known.name_fr !== row.service_fr || known.name_ar !== row.service_ar) {
				fail('categories.csv', `service ${row.service_code} has two different names`);
			}
			continue;
		}
		services.set(row.service_code, {
			code: row.service_code,
			name_fr: row.service_fr,
			name_ar: row.service_ar,
			icon: SERVICE_ICONS[row.service_code] ?? 'report',
		});
	}
	return [...services.values()];
}

interface ArrondissementFeature {
	properties: Record<string, string | number>;
	geometry: AreaGeometry;
}

function readArrondissementFeatures(): ArrondissementFeature[] {
	const collection = JSON.parse(readSeed('arrondissements.geojson')) as { features: ArrondissementFeature[] };
	for (const f of collection.features) {
		if (f.geometry?.type !== 'Polygon' && f.geometry?.type !== 'MultiPolygon') {
			fail('arrondissements.geojson', `${f.properties.hcp_code}: not a (Multi)Polygon`);
		}
	}
	return collection.features;
}

export function loadArrondissements(): ArrondissementSeed[] {
	return readArrondissementFeatures().map(({ properties: p, geometry }) => ({
		code: String(p.hcp_code),
		name_fr: String(p.name_fr),
		name_ar: String(p.name_ar),
		prefecture: String(p.prefecture_arrondissements_code),
		population_2024: Number(p.population_2024),
		households_2024: Number(p.households_2024),
		area_km2: Number(p.area_km2),
		centroid: { lat: Number(p.centroid_lat), lng: Number(p.centroid_lng) },
		boundary: geometry,
		osm_relation: Number(p.osm_relation),
	}));
}

export function loadPrefectures(): PrefectureSeed[] {
	const prefectures = new Map<string, PrefectureSeed>();
	for (const { properties: p } of readArrondissementFeatures()) {
		const code = String(p.prefecture_arrondissements_code);
		if (!prefectures.has(code)) {
			prefectures.set(code, {
				code,
				name_fr: String(p.prefecture_arrondissements_fr),
				name_ar: String(p.prefecture_arrondissements_ar),
			});
		}
	}
	return [...prefectures.values()].sort((a, b) => a.code.localeCompare(b.code));
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function holidayStatus(text: string): HolidayStatus {
	const t = text.trim().toLowerCase();
	if (t.startsWith('official')) return 'official';
	if (t.startsWith('provisional') || t.startsWith('announced')) return 'provisional';
	if (t.startsWith('estimate')) return 'estimate';
	return fail('holidays.csv', `unknown status "${text}"`);
}

export function loadHolidays(): HolidaySeed[] {
	return readRecords('holidays.csv').map((row) => {
		if (!ISO_DATE.test(row.date)) fail('holidays.csv', `bad date "${row.date}"`);
		if (row.kind !== 'fixed' && row.kind !== 'islamic' && row.kind !== 'exceptional') {
			fail('holidays.csv', `${row.date}: unknown kind "${row.kind}"`);
		}
		return {
			date: row.date,
			name_fr: row.name_fr,
			name_ar: row.name_ar,
			kind: row.kind,
			note: row.days_note === '' ? null : row.days_note,
			status: holidayStatus(row.status),
			status_detail: row.status,
			source: row.source,
		};
	});
}

export function loadRamadanSchedules(): RamadanScheduleSeed[] {
	return readRecords('ramadan-schedules.csv').map((row) => {
		if (!ISO_DATE.test(row.valid_from) || !ISO_DATE.test(row.valid_to) || row.valid_from > row.valid_to) {
			fail('ramadan-schedules.csv', `${row.name_fr}: bad period ${row.valid_from}..${row.valid_to}`);
		}
		if (
			!/^\d{2}:\d{2}$/.test(row.start_time) ||
			!/^\d{2}:\d{2}$/.test(row.end_time) ||
			row.start_time >= row.end_time
		) {
			fail('ramadan-schedules.csv', `${row.name_fr}: bad hours ${row.start_time}-${row.end_time}`);
		}
		if (row.status !== 'official' && row.status !== 'estimate') {
			fail('ramadan-schedules.csv', `${row.name_fr}: unknown status "${row.status}"`);
		}
		return {
			name_fr: row.name_fr,
			name_ar: row.name_ar,
			valid_from: row.valid_from,
			valid_to: row.valid_to,
			start_time: row.start_time,
			end_time: row.end_time,
			status: row.status,
			source: row.source,
		};
	});
}
