// The public page of the city's figures (/portal/chiffres) and its open-data
// downloads: per arrondissement and per type (service), month by month. No
// personal data: counts only, and a figure computed from fewer than
// `minimumCount` complaints is withheld (null), so that no cell points at one
// person. Rates and medians are withheld when their own base is that small.
import type { MonthKey } from '../reports/month-window';
import { type FigureSet, type Reference, type Stat, monthsFor } from './figures';

export const DEFAULT_MINIMUM_COUNT = 5;
export const LICENCE = {
	name: 'Licence Ouverte / Open Licence 2.0',
	url: 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/',
} as const;

export interface PublicFigure {
	received: number | null;
	answered: number | null;
	onTimeRate: number | null;
	medianDays: number | null;
	answeredInLegalTime: number | null;
	answeredAfterLegalTime: number | null;
	legalRate: number | null;
}

export interface PublicRow extends PublicFigure {
	month: MonthKey;
	/** null: the whole city */
	arrondissement: string | null;
	/** null: every type */
	service: string | null;
}

/** Withholds what rests on fewer than `minimum` complaints (0 stays 0: nothing to point at). */
export function withhold(stat: Stat, minimum: number): PublicFigure {
	const count = (value: number, base: number) => (base === 0 || base >= minimum ? value : null);
	const receivedOk = stat.received === 0 || stat.received >= minimum;
	const resolvedOk = stat.resolved >= minimum;
	return {
		received: count(stat.received, stat.received),
		answered: count(stat.resolved, stat.resolved),
		onTimeRate: resolvedOk ? stat.onTimeRate : null,
		medianDays: resolvedOk ? stat.medianDays : null,
		answeredInLegalTime: receivedOk ? stat.answeredInTime : null,
		answeredAfterLegalTime: receivedOk ? stat.answeredLate : null,
		legalRate: receivedOk && stat.received > 0 ? stat.legalRate : null,
	};
}

/** Every month of the last twelve × (city and each arrondissement) × (every type and each service). */
export function publicRows(set: FigureSet, reference: Reference, minimum: number): PublicRow[] {
	const months = monthsFor(set.month).slice(1);
	const places: (string | null)[] = [null, ...reference.arrondissements.map((row) => row.code)];
	const services: (string | null)[] = [null, ...reference.services.map((row) => row.code)];
	const rows: PublicRow[] = [];
	const stats: Stat[] = [];
	for (const month of months)
		for (const arrondissement of places)
			for (const service of services) {
				const stat = set.stat(
					month,
					(cell) =>
						(arrondissement === null || cell.arrondissement === arrondissement) &&
						(service === null || cell.service === service),
				);
				rows.push({ month, arrondissement, service, ...withhold(stat, minimum) });
				stats.push(stat);
			}
	protectTotals(rows, stats, 'received', minimum);
	protectTotals(rows, stats, 'answered', minimum);
	return rows;
}

/** what else rests on each count, withheld with it */
const RESTING_ON = {
	received: ['received', 'answeredInLegalTime', 'answeredAfterLegalTime', 'legalRate'],
	answered: ['answered', 'onTimeRate', 'medianDays'],
} as const;

/**
 * A withheld count must not come back by subtraction: in each month, a total
 * (the city's or an arrondissement's; every type or one service) minus the parts
 * shown gives what the withheld parts (and complaints with no arrondissement or
 * service) add up to. Wherever that is more than nothing and less than the
 * minimum (a single withheld part always is), the smallest part shown is withheld
 * too, or the total when no part is left; until no row or column of the table
 * gives away fewer than `minimum` complaints (complementary suppression).
 */
export function protectTotals(
	rows: PublicRow[],
	stats: readonly Stat[],
	measure: 'received' | 'answered',
	minimum: number,
): void {
	const truth = (index: number) => (measure === 'received' ? stats[index].received : stats[index].resolved);
	const withheldAt = (index: number) => {
		for (const field of RESTING_ON[measure]) rows[index][field] = null;
	};
	const byKey = new Map(rows.map((row, index) => [`${row.month}|${row.arrondissement}|${row.service}`, index]));
	const at = (month: string, arrondissement: string | null, service: string | null) =>
		byKey.get(`${month}|${arrondissement}|${service}`)!;
	const months = [...new Set(rows.map((row) => row.month))];
	const places = [...new Set(rows.map((row) => row.arrondissement))].filter((place) => place !== null);
	const services = [...new Set(rows.map((row) => row.service))].filter((service) => service !== null);
	// each group: a total and its parts (the services of a place; the arrondissements of a service)
	const groups: { total: number; parts: number[] }[] = [];
	for (const month of months) {
		for (const place of [null, ...places])
			groups.push({ total: at(month, place, null), parts: services.map((service) => at(month, place, service)) });
		for (const service of [null, ...services])
			groups.push({ total: at(month, null, service), parts: places.map((place) => at(month, place, service)) });
	}
	for (let changed = true; changed;) {
		changed = false;
		for (const { total, parts } of groups) {
			if (rows[total][measure] === null) continue;
			const shown = parts.filter((part) => rows[part][measure] !== null);
			const hidden = truth(total) - shown.reduce((sum, part) => sum + truth(part), 0);
			if (hidden <= 0 || hidden >= minimum) continue;
			const smallest = shown.filter((part) => truth(part) > 0).sort((a, b) => truth(a) - truth(b))[0];
			withheldAt(smallest ?? total);
			changed = true;
		}
	}
}

const CSV_COLUMNS = [
	'month',
	'arrondissement',
	'arrondissement_name_fr',
	'arrondissement_name_ar',
	'service',
	'service_name_fr',
	'service_name_ar',
	'received',
	'answered',
	'on_time_rate',
	'median_days',
	'answered_in_legal_time',
	'answered_after_legal_time',
	'legal_rate',
] as const;

function csvCell(value: unknown): string {
	if (value === null || value === undefined) return '';
	const text = typeof value === 'number' ? String(Math.round(value * 10_000) / 10_000) : String(value);
	return /[",\n\r;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** CSV (UTF-8, comma, header row; an empty cell is withheld or not applicable). */
export function publicCsv(rows: readonly PublicRow[], reference: Reference): string {
	const arrondissement = new Map(reference.arrondissements.map((row) => [row.code, row]));
	const service = new Map(reference.services.map((row) => [row.code, row]));
	const lines = [CSV_COLUMNS.join(',')];
	for (const row of rows) {
		const a = row.arrondissement ? arrondissement.get(row.arrondissement) : undefined;
		const s = row.service ? service.get(row.service) : undefined;
		lines.push(
			[
				row.month,
				row.arrondissement ?? 'all',
				a?.name_fr ?? '',
				a?.name_ar ?? '',
				row.service ?? 'all',
				s?.name_fr ?? '',
				s?.name_ar ?? '',
				row.received,
				row.answered,
				row.onTimeRate,
				row.medianDays,
				row.answeredInLegalTime,
				row.answeredAfterLegalTime,
				row.legalRate,
			]
				.map(csvCell)
				.join(','),
		);
	}
	return `${lines.join('\r\n')}\r\n`;
}
