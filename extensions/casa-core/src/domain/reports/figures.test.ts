import { describe, expect, it } from 'vitest';
import {
	type Counts,
	type GroupRow,
	type ReferenceRows,
	buildReport,
	countsFrom,
	emptyCounts,
	figuresOf,
} from './figures';

const reference: ReferenceRows = {
	prefectures: [
		{ code: 'P1', name_fr: 'Anfa', name_ar: 'أنفا' },
		{ code: 'P2', name_fr: 'Ain Chock', name_ar: 'عين الشق' },
	],
	arrondissements: [
		{ code: 'A1', name_fr: 'Anfa', name_ar: 'أنفا', prefecture: 'P1', population: 50_000 },
		{ code: 'A2', name_fr: 'Maârif', name_ar: 'المعاريف', prefecture: 'P1', population: 100_000 },
		{ code: 'A3', name_fr: 'Ain Chock', name_ar: 'عين الشق', prefecture: 'P2', population: null },
	],
	services: [
		{ code: 'PROP', name_fr: 'Propreté', name_ar: 'النظافة' },
		{ code: 'VOIR', name_fr: 'Voirie', name_ar: 'الطرق' },
	],
};

const DAY = 86_400_000;
const counts = (values: Partial<Counts>): Counts => ({ ...emptyCounts(), ...values });
const row = (
	arrondissement: string | null,
	service: string | null,
	current: Partial<Counts>,
	previous: Partial<Counts> = {},
): GroupRow => ({
	arrondissement,
	service,
	current: counts(current),
	previous: counts(previous),
});

const rows: GroupRow[] = [
	row(
		'A1',
		'PROP',
		{
			received: 4,
			resolved: 2,
			resolvedOnTime: 2,
			resolutionMs: 2 * DAY,
			acknowledgedInTime: 3,
			acknowledgedLate: 1,
			answeredInTime: 2,
		},
		{ received: 2, resolved: 2, resolvedOnTime: 1, resolutionMs: 6 * DAY },
	),
	row('A1', 'VOIR', { received: 1, resolved: 1, resolvedOnTime: 0, resolutionMs: 10 * DAY, answeredLate: 1 }),
	row('A2', 'PROP', { received: 3, resolved: 4, resolvedOnTime: 4, resolutionMs: 8 * DAY }),
	row(null, 'PROP', { received: 1 }),
];

const build = (arrondissement = 'all', service: string | null = null) =>
	buildReport({
		month: '2026-05',
		previousMonth: '2026-04',
		arrondissement,
		service,
		generatedAt: new Date('2026-06-02T08:00:00Z'),
		rows,
		reference,
	});

describe('figuresOf', () => {
	it('derives rates, averages and pending legal counts', () => {
		const figures = figuresOf(
			counts({
				received: 10,
				resolved: 4,
				resolvedOnTime: 3,
				resolutionMs: 10 * DAY,
				acknowledgedInTime: 6,
				acknowledgedLate: 1,
				answeredInTime: 2,
				answeredLate: 3,
			}),
		);
		expect(figures.onTimeRate).toBe(0.75);
		expect(figures.averageResolutionDays).toBe(2.5);
		expect(figures.legal).toEqual({
			received: 10,
			acknowledgedInTime: 6,
			acknowledgedLate: 1,
			acknowledgementPending: 3,
			answeredInTime: 2,
			answeredLate: 3,
			answerPending: 5,
		});
	});

	it('has no rate or average when nothing was resolved', () => {
		expect(figuresOf(counts({ received: 3 }))).toMatchObject({ onTimeRate: null, averageResolutionDays: null });
	});

	it('reads PostgreSQL text counts and null sums', () => {
		expect(countsFrom({ received_cur: '12', resolution_ms_cur: null, resolved_cur: 3 }, '_cur')).toMatchObject({
			received: 12,
			resolutionMs: 0,
			resolved: 3,
		});
	});
});

describe('buildReport for the whole commune', () => {
	const report = build();

	it('totals every group, unlocated complaints included', () => {
		expect(report.total.current).toMatchObject({ received: 9, resolved: 7, resolvedOnTime: 6 });
		expect(report.total.current.averageResolutionDays).toBeCloseTo(20 / 7, 10);
		expect(report.total.previous).toMatchObject({
			received: 2,
			resolved: 2,
			onTimeRate: 0.5,
			averageResolutionDays: 3,
		});
		expect(report.total.change).toMatchObject({ received: 7, resolved: 5 });
		expect(report.total.change.onTimeRatePoints).toBeCloseTo((6 / 7 - 0.5) * 100, 10);
	});

	it('lists every arrondissement (zeros included) and the unlocated ones', () => {
		expect(report.byArrondissement.map((line) => [line.code, line.current.received])).toEqual([
			['A1', 5],
			['A2', 3],
			['A3', 0],
			[null, 1],
		]);
	});

	it('rolls arrondissements up into préfectures and services', () => {
		expect(report.byPrefecture.map((line) => [line.code, line.current.received])).toEqual([
			['P1', 8],
			['P2', 0],
		]);
		expect(report.byService.map((line) => [line.code, line.current.received, line.current.resolved])).toEqual([
			['PROP', 8, 6],
			['VOIR', 1, 1],
		]);
	});

	it('ranks arrondissements by on-time rate, then average time; nothing resolved comes last', () => {
		expect(report.league.map((line) => [line.rank, line.code, line.onTimeRate])).toEqual([
			[1, 'A2', 1],
			[2, 'A1', 2 / 3],
			[3, 'A3', null],
		]);
		// last month only A1 resolved anything; A2 and A3 tie
		expect(report.league.map((line) => [line.code, line.previousRank])).toEqual([
			['A2', 2],
			['A1', 1],
			['A3', 2],
		]);
		expect(report.league[1].receivedPer10k).toBe(1);
		expect(report.league[2].receivedPer10k).toBeNull();
		expect(report.league[1].legalAnswerRate).toBe(2 / 5);
	});
});

describe('buildReport for one arrondissement or one service', () => {
	it('keeps the arrondissement in totals, préfecture and services, but ranks all', () => {
		const report = build('A1');
		expect(report.arrondissementName).toEqual({ fr: 'Anfa', ar: 'أنفا' });
		expect(report.total.current.received).toBe(5);
		expect(report.byArrondissement.map((line) => line.code)).toEqual(['A1']);
		expect(report.byPrefecture.map((line) => [line.code, line.current.received])).toEqual([['P1', 5]]);
		expect(report.byService.map((line) => [line.code, line.current.received])).toEqual([
			['PROP', 4],
			['VOIR', 1],
		]);
		expect(report.league).toHaveLength(3);
	});

	it("keeps a service head's service everywhere, the league table included", () => {
		const report = build('all', 'VOIR');
		expect(report.serviceName).toEqual({ fr: 'Voirie', ar: 'الطرق' });
		expect(report.total.current.received).toBe(1);
		expect(report.byService.map((line) => line.code)).toEqual(['VOIR']);
		expect(report.league.find((line) => line.code === 'A2')!.received).toBe(0);
	});
});
