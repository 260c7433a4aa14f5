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
			}
	return rows;
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
