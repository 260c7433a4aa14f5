import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pointInGeometry } from '../../extensions/casa-core/src/domain/geo';
import {
	loadArrondissements,
	loadCategories,
	loadHolidays,
	loadPrefectures,
	loadRamadanSchedules,
	loadServices,
	parseCsv,
	parseCsvRecords,
} from '../../seed/reference-data';

const seedFile = (name: string) => readFileSync(new URL(`../../seed/${name}`, import.meta.url), 'utf8');

describe('parseCsv', () => {
	it('handles quoted commas, doubled quotes, CRLF and a BOM', () => {
		const text = '\uFEFFa,b,c\r\n1,"x, y","say ""hi"""\r\n2,,"multi\nline"\n';
		expect(parseCsv(text)).toEqual([
			['a', 'b', 'c'],
			['1', 'x, y', 'say "hi"'],
			['2', '', 'multi\nline'],
		]);
	});

	it('keeps a last line without newline and empty trailing fields', () => {
		expect(parseCsv('a,b\n1,')).toEqual([
			['a', 'b'],
			['1', ''],
		]);
	});

	it('rejects an unterminated quote', () => {
		expect(() => parseCsv('a\n"oops')).toThrow(SyntaxError);
	});

	it('maps records by header and rejects wrong field counts', () => {
		expect(parseCsvRecords('k,v\nx,"1,2"\n\n')).toEqual([{ k: 'x', v: '1,2' }]);
		expect(() => parseCsvRecords('k,v\nx,1,2\n', 'f.csv')).toThrow(/f\.csv line 2/);
	});
});

describe('services and categories', () => {
	const services = loadServices();
	const categories = loadCategories();

	it('has 9 services with an icon each', () => {
		expect(services.map((s) => s.code)).toEqual(['PROP', 'HYG', 'ODP', 'URB', 'VOI', 'ECL', 'SIG', 'ESV', 'ADM']);
		expect(services.find((s) => s.code === 'PROP')).toEqual({
			code: 'PROP',
			name_fr: 'Propreté',
			name_ar: 'النظافة',
			icon: 'delete',
		});
		for (const s of services) expect(s.icon).toMatch(/^[a-z_]+$/);
	});

	it('has 47 categories with unique codes, each in a known service', () => {
		expect(categories).toHaveLength(47);
		expect(new Set(categories.map((c) => c.code)).size).toBe(47);
		const serviceCodes = new Set(services.map((s) => s.code));
		for (const c of categories) {
			expect(serviceCodes.has(c.service)).toBe(true);
			expect(c.code.startsWith(`${c.service}-`)).toBe(true);
			expect(c.resolve_in).toBeGreaterThan(0);
		}
	});

	it('reads ADM-01 as 60 calendar days', () => {
		expect(categories.find((c) => c.code === 'ADM-01')).toMatchObject({
			service: 'ADM',
			priority: 'normal',
			acknowledge_in: 2,
			acknowledge_unit: 'working_days',
			resolve_in: 60,
			resolve_unit: 'calendar_days',
		});
		const calendar = categories.filter((c) => c.resolve_unit === 'calendar_days').map((c) => c.code);
		expect(calendar).toEqual(['ADM-01', 'ADM-02', 'ADM-03']);
	});

	it('reads URB-04 as urgent, 2 working days, acknowledged in 1', () => {
		expect(categories.find((c) => c.code === 'URB-04')).toEqual({
			code: 'URB-04',
			service: 'URB',
			name_fr: 'Bâtiment menaçant ruine',
			name_ar: 'بناية آيلة للسقوط',
			priority: 'urgent',
			acknowledge_in: 1,
			acknowledge_unit: 'working_days',
			resolve_in: 2,
			resolve_unit: 'working_days',
			handler: 'Service urbanisme + autorité locale + protection civile',
			sla_basis: 'estimate (life safety)',
		});
	});

	it('keeps quoted fields with commas intact', () => {
		const prop01 = categories.find((c) => c.code === 'PROP-01');
		expect(prop01?.priority).toBe('high');
		expect(prop01?.acknowledge_in).toBe(1);
		expect(prop01?.sla_basis).toBe(
			"Allo Propreté promises 24h (L'Economiste 2019); Amsterdam huisafval 3 WD -> estimate 1 WD",
		);
	});
});

describe('arrondissements and préfectures', () => {
	const arrondissements = loadArrondissements();
	const prefectures = loadPrefectures();

	it('has 16 arrondissements in 8 préfectures', () => {
		expect(arrondissements).toHaveLength(16);
		expect(prefectures).toHaveLength(8);
		const prefectureCodes = new Set(prefectures.map((p) => p.code));
		for (const a of arrondissements) expect(prefectureCodes.has(a.prefecture)).toBe(true);
	});

	it('reads Anfa', () => {
		expect(arrondissements.find((a) => a.code === '06.141.01.01')).toMatchObject({
			name_fr: 'Anfa',
			name_ar: 'أنفا',
			prefecture: '06.141.01.00',
			population_2024: 66202,
			area_km2: 16.95,
			centroid: { lat: 33.597115, lng: -7.652612 },
		});
		expect(prefectures[0]).toEqual({ code: '06.141.01.00', name_fr: 'Casablanca-Anfa', name_ar: 'الدار البيضاء-أنفا' });
	});

	it('has each centroid inside its boundary', () => {
		for (const a of arrondissements) expect(pointInGeometry(a.centroid.lng, a.centroid.lat, a.boundary)).toBe(true);
	});
});

describe('holidays and Ramadan schedules', () => {
	it('loads every holiday row', () => {
		const rows = parseCsv(seedFile('holidays.csv')).length - 1;
		const holidays = loadHolidays();
		expect(holidays).toHaveLength(rows);
		expect(holidays[0]).toEqual({
			date: '2025-01-01',
			name_fr: 'Nouvel An',
			name_ar: 'رأس السنة الميلادية',
			kind: 'fixed',
			note: null,
			status: 'official',
			status_detail: 'official',
			source: 'decree list (fixed date)',
		});
		const fitr2027 = holidays.find((h) => h.date === '2027-03-10');
		expect(fitr2027).toMatchObject({ kind: 'islamic', status: 'estimate', status_detail: 'ESTIMATE' });
		expect(holidays.find((h) => h.date === '2026-05-27')?.status).toBe('provisional');
	});

	it('loads the three Ramadan schedules', () => {
		const schedules = loadRamadanSchedules();
		expect(schedules.map((s) => [s.valid_from, s.valid_to, s.status])).toEqual([
			['2025-03-02', '2025-03-30', 'official'],
			['2026-02-19', '2026-03-19', 'official'],
			['2027-02-08', '2027-03-09', 'estimate'],
		]);
		for (const s of schedules) expect([s.start_time, s.end_time]).toEqual(['09:00', '15:00']);
	});

	it('ends each Ramadan the day before Aïd Al-Fitr in holidays.csv', () => {
		const fitr = loadHolidays()
			.filter((h) => h.name_fr.startsWith('Aïd Al-Fitr (1 '))
			.map((h) => h.date);
		const dayAfter = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
		expect(loadRamadanSchedules().map((s) => dayAfter(s.valid_to))).toEqual(fitr);
	});
});
