// The public page of the city's figures (/portal/chiffres): plain HTML, French
// left to right or Arabic right to left, readable on a 390-px phone (tables
// become labelled cards), embeddable in an iframe (?embed=1 drops the header).
// Counts only; a figure resting on fewer than the minimum count is withheld.
import { type Language, translate } from '../i18n/messages';
import { escapeHtml } from '../reports/html';
import { NO_VALUE, formatter } from '../reports/format';
import type { MonthKey } from '../reports/month-window';
import type { Reference } from './figures';
import { LICENCE, type PublicRow } from './public-figures';

export const WITHHELD = '*';

export interface PublicPageOptions {
	language: Language;
	month: MonthKey;
	/** the month still under way (flagged as such) */
	currentMonth: MonthKey;
	months: MonthKey[];
	arrondissement: string | null;
	minimumCount: number;
	legalCeilingDays: number;
	computedAt: Date;
	/** links, relative to the page */
	csvHref: string;
	jsonHref: string;
	otherLanguageHref: string;
	embed: boolean;
	/** the archive's last month, kept by the form */
	until?: string;
}

const STYLE = `
:root { --ink: #1b2430; --muted: #5b6673; --line: #d5dbe2; --band: #f3f6f9; --accent: #0b5c8e; }
* { box-sizing: border-box; }
html { font-family: "Noto Sans", "Noto Naskh Arabic", "Noto Sans Arabic", "DejaVu Sans", Arial, sans-serif; color: var(--ink); font-size: 16px; line-height: 1.5; overflow-wrap: anywhere; }
body { margin: 0 auto; max-width: 1200px; padding: 16px; background: #fff; }
header { border-bottom: 3px solid var(--accent); margin-bottom: 12px; display: flex; flex-wrap: wrap; justify-content: space-between; gap: 8px; align-items: baseline; }
h1 { font-size: 1.5rem; margin: 0 0 8px; color: var(--accent); }
h2 { font-size: 1.15rem; margin: 20px 0 8px; color: var(--accent); }
a { color: var(--accent); }
.muted { color: var(--muted); font-size: 0.9rem; }
form { display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: end; padding: 10px; background: var(--band); border: 1px solid var(--line); border-radius: 8px; }
form label { display: flex; flex-direction: column; gap: 2px; flex: 1 1 200px; min-width: 0; font-size: 0.9rem; color: var(--muted); }
select, button { font: inherit; min-height: 44px; padding: 4px 8px; border: 1px solid #8a96a3; border-radius: 6px; background: #fff; color: var(--ink); max-width: 100%; }
button { background: var(--accent); border-color: var(--accent); color: #fff; cursor: pointer; padding-inline: 16px; }
table { width: 100%; border-collapse: collapse; margin: 4px 0 8px; }
th, td { border-bottom: 1px solid var(--line); padding: 6px 8px; text-align: end; overflow-wrap: normal; hyphens: auto; }
th:first-child, td:first-child { text-align: start; }
thead th { background: var(--band); font-weight: 600; vertical-align: bottom; font-size: 0.9rem; }
.downloads { display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: center; }
.downloads a { display: inline-flex; align-items: center; min-height: 44px; padding: 0 14px; border: 1px solid var(--accent); border-radius: 6px; text-decoration: none; font-weight: 600; }
@media (max-width: 720px) {
  table, tbody, tr, td { display: block; width: 100%; }
  thead { display: none; }
  tr { border: 1px solid var(--line); border-radius: 8px; margin-bottom: 8px; padding: 4px 8px; }
  td { display: flex; justify-content: space-between; gap: 12px; border-bottom: 1px dashed var(--line); text-align: end; }
  td:last-child { border-bottom: 0; }
  td::before { content: attr(data-label); color: var(--muted); text-align: start; font-size: 0.9rem; }
  td:first-child { font-weight: 700; }
  td:first-child::before { content: none; }
}
`;

export function renderPublicPage(rows: readonly PublicRow[], reference: Reference, options: PublicPageOptions): string {
	const { language } = options;
	const t = (key: string, values: Record<string, unknown> = {}) =>
		translate(language, `officials.public.${key}`, values);
	const f = formatter(language);
	const name = (row: { name_fr: string; name_ar: string } | undefined, fallback: string) =>
		row ? (language === 'ar' ? row.name_ar : row.name_fr) : fallback;
	const arrondissementRow = options.arrondissement
		? reference.arrondissements.find((row) => row.code === options.arrondissement)
		: undefined;
	const place = options.arrondissement ? name(arrondissementRow, options.arrondissement) : t('all_arrondissements');
	const monthLabel = (month: MonthKey) =>
		month === options.currentMonth ? `${f.month(month)} (${t('current_month')})` : f.month(month);

	const count = (value: number | null) => (value === null ? WITHHELD : f.integer(value));
	const rate = (value: number | null, base: number | null) =>
		base === null ? WITHHELD : base === 0 || value === null ? NO_VALUE : f.percent(value);
	const days = (value: number | null, base: number | null) =>
		base === null
			? WITHHELD
			: base === 0 || value === null
				? NO_VALUE
				: t('days', { count: value, value: f.integer(value) });
	const legalRate = (row: PublicRow) =>
		row.answeredInLegalTime === null ? WITHHELD : row.legalRate === null ? NO_VALUE : f.percent(row.legalRate);

	const headers = [
		t('received'),
		t('answered'),
		t('on_time'),
		t('median'),
		t('legal_in_time', { days: options.legalCeilingDays }),
		t('legal_late'),
		t('legal_rate'),
	];
	const cells = (row: PublicRow) =>
		[
			count(row.received),
			count(row.answered),
			rate(row.onTimeRate, row.answered),
			days(row.medianDays, row.answered),
			count(row.answeredInLegalTime),
			count(row.answeredAfterLegalTime),
			legalRate(row),
		]
			.map((value, index) => `<td data-label="${escapeHtml(headers[index])}">${escapeHtml(value)}</td>`)
			.join('');
	const table = (first: string, lines: { label: string; row: PublicRow }[], id: string) =>
		`<table id="${id}"><thead><tr><th scope="col">${escapeHtml(first)}</th>${headers.map((header) => `<th scope="col">${escapeHtml(header)}</th>`).join('')}</tr></thead><tbody>${lines
			.map((line) => `<tr><td>${escapeHtml(line.label)}</td>${cells(line.row)}</tr>`)
			.join('')}</tbody></table>`;

	const find = (month: MonthKey, arrondissement: string | null, service: string | null) =>
		rows.find((row) => row.month === month && row.arrondissement === arrondissement && row.service === service);
	const byMonth = [...options.months]
		.reverse()
		.map((month) => ({ label: monthLabel(month), row: find(month, options.arrondissement, null) }))
		.filter((line): line is { label: string; row: PublicRow } => !!line.row);
	const byType = reference.services
		.map((service) => ({
			label: name(service, service.code),
			row: find(options.month, options.arrondissement, service.code),
		}))
		.filter((line): line is { label: string; row: PublicRow } => !!line.row);
	const byArrondissement = reference.arrondissements
		.map((row) => ({ label: name(row, row.code), row: find(options.month, row.code, null) }))
		.filter((line): line is { label: string; row: PublicRow } => !!line.row);

	const select = (field: string, label: string, choices: { value: string; label: string }[], chosen: string) =>
		`<label>${escapeHtml(label)}<select name="${field}">${choices.map((choice) => `<option value="${escapeHtml(choice.value)}"${choice.value === chosen ? ' selected' : ''}>${escapeHtml(choice.label)}</option>`).join('')}</select></label>`;

	const body = [
		options.embed
			? ''
			: `<header><h1>${escapeHtml(t('title'))}</h1><a href="${escapeHtml(options.otherLanguageHref)}" lang="${language === 'ar' ? 'fr' : 'ar'}">${escapeHtml(t(`language_names.${language === 'ar' ? 'fr' : 'ar'}`))}</a></header>`,
		options.embed ? `<h1>${escapeHtml(t('title'))}</h1>` : '',
		`<p>${escapeHtml(t('intro', { days: options.legalCeilingDays }))}</p>`,
		`<form method="get">${options.embed ? '<input type="hidden" name="embed" value="1">' : ''}${options.until ? `<input type="hidden" name="until" value="${escapeHtml(options.until)}">` : ''}<input type="hidden" name="lang" value="${language}">${select(
			'month',
			t('month'),
			[...options.months].reverse().map((month) => ({ value: month, label: monthLabel(month) })),
			options.month,
		)}${select('arrondissement', t('arrondissement'), [{ value: '', label: t('all_arrondissements') }, ...reference.arrondissements.map((row) => ({ value: row.code, label: name(row, row.code) }))], options.arrondissement ?? '')}<button type="submit">${escapeHtml(t('show'))}</button></form>`,
		`<h2>${escapeHtml(`${t('by_type')} · ${place} · ${monthLabel(options.month)}`)}</h2>`,
		table(
			t('type'),
			[{ label: t('all_types'), row: find(options.month, options.arrondissement, null)! }, ...byType].filter(
				(line) => line.row,
			),
			'by-type',
		),
		options.arrondissement
			? ''
			: `<h2>${escapeHtml(`${t('by_arrondissement')} · ${monthLabel(options.month)}`)}</h2>${table(t('arrondissement'), byArrondissement, 'by-arrondissement')}`,
		`<h2>${escapeHtml(`${t('by_month')} · ${place}`)}</h2>`,
		table(t('month'), byMonth, 'by-month'),
		`<p class="muted">${escapeHtml(t('withheld', { mark: WITHHELD, count: options.minimumCount }))}</p>`,
		`<h2>${escapeHtml(t('download'))}</h2><p class="downloads"><a href="${escapeHtml(options.csvHref)}" download>${escapeHtml(t('csv'))}</a><a href="${escapeHtml(options.jsonHref)}">${escapeHtml(t('json'))}</a></p>`,
		`<p class="muted">${escapeHtml(t('licence', { licence: LICENCE.name })).replace(escapeHtml(LICENCE.name), `<a href="${LICENCE.url}" rel="license">${escapeHtml(LICENCE.name)}</a>`)}</p>`,
		`<p class="muted">${escapeHtml(t('updated', { date: f.dateTime(options.computedAt) }))}</p>`,
	].join('\n');

	return `<!doctype html>
<html lang="${language}" dir="${language === 'ar' ? 'rtl' : 'ltr'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(t('title'))}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>`;
}
