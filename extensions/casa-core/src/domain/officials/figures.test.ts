import { describe, expect, it } from 'vitest';
import {
	type Cell,
	FigureSet,
	type OpenCell,
	type Reference,
	byTeam,
	byType,
	league,
	medianOf,
	monthsFor,
	statOf,
} from './figures';
import { arrondissementsOf, buildOfficials, officialView } from './view';
import { publicCsv, publicRows, withhold } from './public-figures';
import { renderPublicPage } from './public-page';

const reference: Reference = {
	arrondissements: [
		{ code: 'A1', name_fr: 'Anfa', name_ar: 'أنفا', prefecture: 'P1', population: 100_000 },
		{ code: 'A2', name_fr: 'Maârif', name_ar: 'المعاريف', prefecture: 'P1', population: null },
	],
	prefectures: [{ code: 'P1', name_fr: 'Casa-Anfa', name_ar: 'الدار البيضاء أنفا' }],
	services: [
		{ code: 'PROP', name_fr: 'Propreté', name_ar: 'النظافة' },
		{ code: 'VOI', name_fr: 'Voirie', name_ar: 'الطرق' },
	],
	categories: [
		{ code: 'PROP-01', name_fr: 'Dépôt sauvage', name_ar: 'رمي عشوائي', service: 'PROP' },
		{ code: 'VOI-01', name_fr: 'Nid-de-poule', name_ar: 'حفرة', service: 'VOI' },
	],
	teams: [{ code: 't1', name_fr: 'Équipe 1', name_ar: 'الفريق 1', service: 'PROP' }],
};

function cell(partial: Partial<Cell>): Cell {
	return {
		month: '2026-11',
		arrondissement: 'A1',
		service: 'PROP',
		category: 'PROP-01',
		received: 0,
		answeredInTime: 0,
		answeredLate: 0,
		resolved: 0,
		resolvedOnTime: 0,
		days: {},
		...partial,
	};
}
const open: OpenCell[] = [
	{
		arrondissement: 'A1',
		service: 'PROP',
		category: 'PROP-01',
		team: 't1',
		open: 4,
		late: 3,
		legalPast: 1,
		legalNear: 1,
	},
	{
		arrondissement: 'A2',
		service: 'VOI',
		category: 'VOI-01',
		team: null,
		open: 2,
		late: 0,
		legalPast: 0,
		legalNear: 0,
	},
];
const cells: Cell[] = [
	cell({ received: 6, answeredInTime: 4, answeredLate: 1, resolved: 4, resolvedOnTime: 3, days: { 1: 1, 2: 2, 9: 1 } }),
	cell({
		arrondissement: 'A2',
		service: 'VOI',
		category: 'VOI-01',
		received: 3,
		resolved: 2,
		resolvedOnTime: 2,
		days: { 5: 2 },
	}),
	cell({ month: '2026-10', received: 2, resolved: 1, resolvedOnTime: 0, days: { 20: 1 } }),
	cell({ month: '2025-11', received: 10, resolved: 10, resolvedOnTime: 5, days: { 3: 10 } }),
];
const set = new FigureSet('2026-11', cells, open);

describe('officials figures', () => {
	it('takes the thirteen months of a trend and its year-ago comparison', () => {
		const months = monthsFor('2026-11');
		expect(months).toHaveLength(13);
		expect(months[0]).toBe('2025-11');
		expect(months[12]).toBe('2026-11');
	});
	it('finds the median on a histogram of whole days, rolled up across groups', () => {
		expect(medianOf({})).toBeNull();
		expect(medianOf({ 1: 1, 2: 2, 9: 1 })).toBe(2);
		expect(medianOf({ 5: 1, 1: 1 })).toBe(1);
		expect(statOf(cells.slice(0, 2)).medianDays).toBe(2);
		expect(statOf([cell({ days: { 1: 1 } }), cell({ days: { 7: 3 } })]).medianDays).toBe(7);
	});
	it('sums counts and rates for any scope', () => {
		const city = set.panel(() => true);
		expect(city.current).toMatchObject({
			received: 9,
			resolved: 6,
			resolvedOnTime: 5,
			answeredInTime: 4,
			answeredLate: 1,
			answerPending: 4,
		});
		expect(city.current.onTimeRate).toBeCloseTo(5 / 6);
		expect(city.previous.received).toBe(2);
		expect(city.lastYear).toMatchObject({ received: 10, onTimeRate: 0.5, medianDays: 3 });
		expect(city.trend).toHaveLength(12);
		expect(city.trend[11].month).toBe('2026-11');
		expect(city.now).toEqual({ open: 6, late: 3, legalPast: 1, legalNear: 1 });
	});
	it('breaks down by service then category, leaving out empty categories', () => {
		const types = byType(set, (c) => c.arrondissement === 'A2', reference);
		expect(types.map((line) => [line.code, line.current.received])).toEqual([
			['PROP', 0],
			['VOI', 3],
		]);
		expect(types[0].categories).toEqual([]);
		expect(types[1].categories.map((line) => line.code)).toEqual(['VOI-01']);
	});
	it('ranks arrondissements by on-time rate with the figures behind each rank', () => {
		const table = league(set, () => true, reference);
		expect(table.map((row) => [row.code, row.rank])).toEqual([
			['A2', 1],
			['A1', 2],
		]);
		expect(table[1]).toMatchObject({
			received: 6,
			receivedPer10k: 0.6,
			resolved: 4,
			onTimeRate: 0.75,
			medianDays: 2,
			open: 4,
			late: 3,
			previousRank: 1,
		});
		expect(table[0].receivedPer10k).toBeNull();
	});
	it('lists teams by lateness', () => {
		expect(byTeam(set, () => true, reference)).toEqual([
			{
				code: 't1',
				name: { fr: 'Équipe 1', ar: 'الفريق 1' },
				service: 'PROP',
				now: { open: 4, late: 3, legalPast: 1, legalNear: 1 },
			},
		]);
	});
});

describe('officials screens', () => {
	it('gives each role its screen; others get none', () => {
		expect(officialView('elected_official')).toBe('elected');
		expect(officialView('mayor')).toBe('mayor');
		expect(officialView('director_general')).toBe('director');
		expect(officialView('service_agent')).toBeNull();
		expect(officialView('registry_office')).toBeNull();
	});
	it('puts the élu’s arrondissement first, then the city', () => {
		expect(arrondissementsOf({ arrondissement: 'A2' }, ['A1', 'A2'])).toEqual(['A2']);
		expect(arrondissementsOf({ arrondissement: 'A2, A1,ZZ,A2' }, ['A1', 'A2'])).toEqual(['A2', 'A1']);
		expect(arrondissementsOf({ arrondissement: null }, ['A1'])).toEqual([]);
		const model = buildOfficials('elected', set, reference, { service: null, category: null }, ['A2']);
		expect(model.blocks.map((block) => [block.kind, block.code, block.panel.current.received])).toEqual([
			['arrondissement', 'A2', 3],
			['city', null, 9],
		]);
		expect(model.teams).toBeNull();
		expect(model.prefectures).toBeNull();
	});
	it('gives the mayor préfectures and arrondissements, the director teams', () => {
		const mayor = buildOfficials('mayor', set, reference, { service: null, category: null });
		expect(mayor.prefectures?.[0].current.received).toBe(9);
		expect(mayor.arrondissements?.map((line) => line.code)).toEqual(['A1', 'A2']);
		const director = buildOfficials('director', set, reference, { service: null, category: null });
		expect(director.teams?.length).toBe(1);
	});
	it('narrows everything to one type', () => {
		const model = buildOfficials('mayor', set, reference, { service: 'VOI', category: null });
		expect(model.blocks[0].panel.current.received).toBe(3);
		expect(model.blocks[0].panel.now.open).toBe(2);
		expect(model.league.find((row) => row.code === 'A1')?.received).toBe(0);
	});
});

describe('public figures', () => {
	it('withholds what rests on fewer than the minimum count, keeps zeros', () => {
		const small = withhold(
			statOf([cell({ received: 3, resolved: 2, resolvedOnTime: 2, days: { 1: 2 }, answeredInTime: 3 })]),
			5,
		);
		expect(small).toEqual({
			received: null,
			answered: null,
			onTimeRate: null,
			medianDays: null,
			answeredInLegalTime: null,
			answeredAfterLegalTime: null,
			legalRate: null,
		});
		const none = withhold(statOf([]), 5);
		expect(none.received).toBe(0);
		expect(none.answered).toBe(0);
		const enough = withhold(
			statOf([cell({ received: 6, resolved: 5, resolvedOnTime: 4, days: { 2: 5 }, answeredInTime: 5 })]),
			5,
		);
		expect(enough).toMatchObject({
			received: 6,
			answered: 5,
			onTimeRate: 0.8,
			medianDays: 2,
			answeredInLegalTime: 5,
			legalRate: 5 / 6,
		});
	});
	it('covers twelve months × city and arrondissements × every type and each service, as CSV without personal data', () => {
		const rows = publicRows(set, reference, 1);
		expect(rows).toHaveLength(12 * 3 * 3);
		const cityNow = rows.find((row) => row.month === '2026-11' && row.arrondissement === null && row.service === null);
		expect(cityNow).toMatchObject({ received: 9, answered: 6 });
		const csv = publicCsv(rows, reference);
		const [header, ...lines] = csv.trim().split('\r\n');
		expect(header.split(',')).toContain('median_days');
		expect(lines).toHaveLength(rows.length);
		expect(csv).toContain('2026-11,all,,,all,,,9,6,');
	});
	it('withholds a second figure where the first would come back by subtraction from a total', () => {
		// Anfa: 3 for cleanliness (withheld), 10 for roads, 13 in all: 13 − 10 would give the 3 back
		const small = new FigureSet(
			'2026-11',
			[
				cell({ received: 3 }),
				cell({ service: 'VOI', category: 'VOI-01', received: 10 }),
				cell({ arrondissement: 'A2', received: 8 }),
				cell({ arrondissement: 'A2', service: 'VOI', category: 'VOI-01', received: 9 }),
			],
			[],
		);
		const rows = publicRows(small, reference, 5);
		const of = (arrondissement: string | null, service: string | null) =>
			rows.find((row) => row.month === '2026-11' && row.arrondissement === arrondissement && row.service === service)!;
		expect(of('A1', 'PROP').received).toBeNull();
		expect(of('A1', 'VOI').received).toBeNull();
		// and in the cleanliness column, Maârif's 8 with the city's 11 would give Anfa's 3 back
		expect(of('A2', 'PROP').received).toBeNull();
		expect(of(null, null).received).toBe(30);
		expect(of('A1', null).received).toBe(13);
		// what rests on a withheld count goes with it
		expect(of('A1', 'VOI')).toMatchObject({ answeredInLegalTime: null, legalRate: null });
	});

	it('leaves no total minus the parts shown between 1 and the minimum, on random tables', () => {
		let seed = 7;
		const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
		for (let round = 0; round < 200; round++) {
			const minimum = 2 + Math.floor(random() * 8);
			const randomCells: Cell[] = [];
			for (const arrondissement of ['A1', 'A2', null])
				for (const [service, category] of [
					['PROP', 'PROP-01'],
					['VOI', 'VOI-01'],
					[null, null],
				] as const)
					if (random() < 0.7)
						randomCells.push(
							cell({
								arrondissement,
								service,
								category,
								received: Math.floor(random() * 14),
								resolved: Math.floor(random() * 9),
							}),
						);
			const rows = publicRows(new FigureSet('2026-11', randomCells, []), reference, minimum);
			const month = rows.filter((row) => row.month === '2026-11');
			const value = (arrondissement: string | null, service: string | null, measure: 'received' | 'answered') =>
				month.find((row) => row.arrondissement === arrondissement && row.service === service)![measure];
			const truth = (arrondissement: string | null, service: string | null, measure: 'received' | 'answered') =>
				randomCells
					.filter(
						(c) =>
							(arrondissement === null || c.arrondissement === arrondissement) &&
							(service === null || c.service === service),
					)
					.reduce((sum, c) => sum + (measure === 'received' ? c.received : c.resolved), 0);
			for (const measure of ['received', 'answered'] as const) {
				// a figure shown is the true one, and one withheld was small or protects another
				for (const row of month)
					if (row[measure] !== null) expect(row[measure]).toBe(truth(row.arrondissement, row.service, measure));
				const groups: [string | null, string | null, [string | null, string | null][]][] = [
					...[null, 'A1', 'A2'].map(
						(a) =>
							[
								a,
								null,
								[
									[a, 'PROP'],
									[a, 'VOI'],
								],
							] as [string | null, string | null, [string | null, string | null][]],
					),
					...[null, 'PROP', 'VOI'].map(
						(sv) =>
							[
								null,
								sv,
								[
									['A1', sv],
									['A2', sv],
								],
							] as [string | null, string | null, [string | null, string | null][]],
					),
				];
				for (const [a, sv, parts] of groups) {
					const total = value(a, sv, measure);
					if (total === null) continue;
					const hidden = total - parts.reduce((sum, [pa, ps]) => sum + (value(pa, ps, measure) ?? 0), 0);
					expect(
						hidden === 0 || hidden >= minimum,
						`${measure} ${a}/${sv} minimum ${minimum}: ${hidden} derivable`,
					).toBe(true);
				}
			}
		}
	});

	it('renders a page in Arabic, right to left, with Latin digits and the licence', () => {
		const rows = publicRows(set, reference, 5);
		const html = renderPublicPage(rows, reference, {
			language: 'ar',
			month: '2026-11',
			currentMonth: '2026-12',
			months: monthsFor('2026-11').slice(1),
			arrondissement: null,
			minimumCount: 5,
			legalCeilingDays: 60,
			computedAt: new Date('2026-12-01T10:00:00Z'),
			csvHref: 'chiffres.csv',
			jsonHref: 'chiffres.json',
			otherLanguageHref: 'chiffres?lang=fr',
			embed: false,
		});
		expect(html).toContain('dir="rtl"');
		expect(html).toContain('Licence Ouverte');
		expect(html).toContain('نونبر 2026');
		expect(html).not.toMatch(/[٠-٩]/);
		expect(html).not.toMatch(/officials\.public\./);
	});
});
