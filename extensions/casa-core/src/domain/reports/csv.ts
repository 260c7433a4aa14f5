// The report as CSV: one table, one row per line of the report, headers in
// the report's language. UTF-8 with a byte order mark, so that Excel opens
// Arabic names correctly; numbers stay machine-readable (dot decimals, rates
// in percent) whatever the language.
import { stringify } from 'csv-stringify/sync';
import { type Language, translate } from '../i18n/messages';
import type { Figures, Line, ReportModel } from './figures';
import { csvDecimal, csvPercent } from './format';
import { neutraliseCsvRecord } from '../text/csv-cell';

export const BOM = '\uFEFF';

export function reportCsv(report: ReportModel, language: Language, legalCeilingDays: number): string {
	const t = (key: string, values: Record<string, unknown> = {}) => translate(language, `reports.${key}`, values);
	const days = { days: legalCeilingDays };
	const both = (key: string, values: Record<string, unknown> = {}) => [
		`${t(`columns.${key}`, values)} (${t('columns.this_month')})`,
		`${t(`columns.${key}`, values)} (${t('columns.last_month')})`,
	];
	const header = [
		t('columns.section'),
		t('columns.code'),
		t('columns.name'),
		...both('received'),
		...both('resolved'),
		...both('on_time_rate').map((label) => `${label} %`),
		...both('average_days').map((label) => `${label} (${t('days_value', { value: '' }).trim()})`),
		...both('ack_in_time'),
		...both('ack_late'),
		...both('answer_in_time', days),
		...both('answer_late', days),
		t('columns.rank'),
		t('columns.previous_rank'),
		t('columns.per_10k'),
	];
	const pair = (line: Line, pick: (figures: Figures) => string | number) => [pick(line.current), pick(line.previous)];
	const name = (line: Line, fallback: string) => (line.name ? line.name[language] : fallback);
	const league = new Map(report.league.map((row) => [row.code, row]));
	const row = (section: string, line: Line, fallback: string) => {
		const ranked =
			line.code !== null && section === t('csv_sections.arrondissement') ? league.get(line.code) : undefined;
		return [
			section,
			line.code ?? '',
			name(line, fallback),
			...pair(line, (figures) => figures.received),
			...pair(line, (figures) => figures.resolved),
			...pair(line, (figures) => csvPercent(figures.onTimeRate)),
			...pair(line, (figures) => csvDecimal(figures.averageResolutionDays)),
			...pair(line, (figures) => figures.legal.acknowledgedInTime),
			...pair(line, (figures) => figures.legal.acknowledgedLate),
			...pair(line, (figures) => figures.legal.answeredInTime),
			...pair(line, (figures) => figures.legal.answeredLate),
			ranked ? ranked.rank : '',
			ranked ? ranked.previousRank : '',
			ranked ? csvDecimal(ranked.receivedPer10k) : '',
		];
	};
	const scopeName = report.arrondissementName ? report.arrondissementName[language] : t('whole_commune');
	const records = [
		header,
		row(t('csv_sections.total'), report.total, scopeName),
		...report.byPrefecture.map((line) => row(t('csv_sections.prefecture'), line, '')),
		...report.byArrondissement.map((line) => row(t('csv_sections.arrondissement'), line, t('unlocated'))),
		...report.byService.map((line) => row(t('csv_sections.service'), line, t('other_service'))),
	];
	// names come from data an administrator edits: a cell a spreadsheet would run as a formula is neutralised
	return BOM + stringify(neutraliseCsvRecord(records), { record_delimiter: '\r\n' });
}

/** e.g. rapport-2026-05-all-fr.csv */
export function csvFileName(report: ReportModel, language: Language): string {
	const scope = [report.arrondissement, report.service]
		.filter(Boolean)
		.join('-')
		.replace(/[^A-Za-z0-9.-]/g, '_');
	return `${language === 'ar' ? 'report' : 'rapport'}-${report.month}-${scope}-${language}.csv`;
}
