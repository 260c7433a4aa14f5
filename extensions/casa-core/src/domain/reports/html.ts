// The monthly report as one print-ready A4 page (the browser prints it to
// PDF): French left to right or Arabic right to left, Noto fonts, figures of
// this month beside last month's. Aggregates only, never a complaint.
import { type Language, translate } from '../i18n/messages';
import type { Figures, LeagueRow, Line, ReportModel } from './figures';
import { NO_VALUE, formatter } from './format';
import type { MonthKey } from './month-window';

export interface NavigationOptions {
	/** the form's action (the staff route) */
	action: string;
	months: MonthKey[];
	arrondissements: { code: string; name_fr: string; name_ar: string }[];
}

export interface RenderOptions {
	language: Language;
	legalCeilingDays: number;
	/** link to the same report as CSV */
	csvHref: string;
	/** the GET form to choose month, arrondissement and language (staff page); absent on shared links */
	navigation?: NavigationOptions;
	/** script that wires the print button (served beside the page: the CSP forbids inline scripts) */
	scriptSrc: string;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (value: unknown) => String(value).replace(/[&<>"']/g, (char) => ESCAPES[char]);

const STYLE = `
@page { size: A4; margin: 14mm 12mm 16mm; }
:root { --ink: #1b2430; --muted: #5b6673; --line: #d5dbe2; --band: #f3f6f9; --accent: #0b5c8e; --good: #1d7a3e; --bad: #b3261e; }
* { box-sizing: border-box; }
html { font-family: "Noto Sans", "Noto Naskh Arabic", "Noto Sans Arabic", "DejaVu Sans", Arial, sans-serif; color: var(--ink); font-size: 10.5pt; line-height: 1.4; }
html[lang="ar"] { font-family: "Noto Naskh Arabic", "Noto Sans Arabic", "Noto Sans", "DejaVu Sans", Arial, sans-serif; font-size: 11pt; }
body { margin: 0 auto; max-width: 210mm; padding: 12mm; background: #fff; }
header { border-bottom: 3px solid var(--accent); padding-bottom: 6px; margin-bottom: 10px; }
header .commune { color: var(--muted); font-size: 9.5pt; margin: 0; }
h1 { font-size: 17pt; margin: 2px 0 4px; color: var(--accent); }
h2 { font-size: 12pt; margin: 14px 0 6px; color: var(--accent); break-after: avoid; }
.meta { display: flex; flex-wrap: wrap; gap: 4px 18px; color: var(--muted); font-size: 9.5pt; margin: 0; }
.meta strong { color: var(--ink); }
nav.controls { display: flex; flex-wrap: wrap; align-items: end; gap: 8px 12px; padding: 8px 10px; margin-bottom: 10px; background: var(--band); border: 1px solid var(--line); border-radius: 6px; }
nav.controls label { display: flex; flex-direction: column; font-size: 9pt; color: var(--muted); gap: 2px; }
nav.controls select, nav.controls button, nav.controls a.button { font: inherit; font-size: 10pt; padding: 4px 8px; border: 1px solid #8a96a3; border-radius: 4px; background: #fff; color: var(--ink); }
nav.controls button, nav.controls a.button { cursor: pointer; text-decoration: none; }
nav.controls .primary { background: var(--accent); border-color: var(--accent); color: #fff; }
nav.controls .spacer { flex: 1; }
.cards { display: grid; grid-template-columns: repeat(4, 1fr); gap: 8px; margin: 6px 0 4px; }
.card { border: 1px solid var(--line); border-radius: 6px; padding: 6px 8px; break-inside: avoid; }
.card .label { color: var(--muted); font-size: 9pt; }
.card .value { font-size: 16pt; font-weight: 700; }
.card .previous { color: var(--muted); font-size: 8.5pt; }
table { width: 100%; border-collapse: collapse; margin: 2px 0 6px; font-size: 9pt; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
th, td { border-bottom: 1px solid var(--line); padding: 3px 5px; text-align: end; white-space: nowrap; }
th:first-child, td:first-child { text-align: start; white-space: normal; }
thead th { background: var(--band); font-weight: 600; vertical-align: bottom; }
thead tr.group th { text-align: center; border-bottom: 0; }
tbody tr.total td { font-weight: 700; border-top: 2px solid var(--ink); }
td.prev, th.prev { color: var(--muted); }
.up { color: var(--good); } .down { color: var(--bad); }
.note { color: var(--muted); font-size: 8.5pt; margin: 2px 0 4px; }
.num { unicode-bidi: isolate; direction: ltr; display: inline-block; }
tr.selected td { background: #fff6d6; }
footer { margin-top: 12px; padding-top: 6px; border-top: 1px solid var(--line); color: var(--muted); font-size: 8.5pt; }
@media print { body { padding: 0; max-width: none; } nav.controls { display: none; } h2 { margin-top: 10px; } }
@media screen and (max-width: 700px) { .cards { grid-template-columns: repeat(2, 1fr); } body { padding: 4mm; } table { font-size: 8pt; } }
`;

export function renderReportHtml(report: ReportModel, options: RenderOptions): string {
	const { language, legalCeilingDays } = options;
	const f = formatter(language);
	const t = (key: string, values: Record<string, unknown> = {}) =>
		escapeHtml(translate(language, `reports.${key}`, values));
	const num = (text: string) => `<span class="num">${escapeHtml(text)}</span>`;
	const days = (value: number | null) => (value === null ? NO_VALUE : t('days_value', { value: f.decimal(value) }));
	const points = (value: number | null) =>
		value === null ? NO_VALUE : t('points_value', { value: f.signedDecimal(value) });
	/** a change coloured by whether it is good news */
	const trend = (text: string, value: number | null, higherIsBetter: boolean) => {
		if (value === null || value === 0) return num(text);
		return `<span class="${value > 0 === higherIsBetter ? 'up' : 'down'}">${num(text)}</span>`;
	};
	const name = (line: Line, fallback: string) => escapeHtml(line.name ? line.name[language] : fallback);
	const thisMonth = f.month(report.month);
	const lastMonth = f.month(report.previousMonth);
	const scope = [
		report.arrondissementName
			? t('arrondissement_scope', { name: report.arrondissementName[language] })
			: t('whole_commune'),
		report.serviceName ? t('service_scope', { name: report.serviceName[language] }) : null,
	]
		.filter(Boolean)
		.join(' · ');

	const card = (label: string, value: string, previous: string, change: string) =>
		`<div class="card"><div class="label">${label}</div><div class="value">${value}</div><div class="previous">${escapeHtml(lastMonth)} ${previous} (${change})</div></div>`;
	const total = report.total;
	const cards = `<section class="cards">
${card(t('columns.received'), num(f.integer(total.current.received)), num(f.integer(total.previous.received)), num(f.signedInteger(total.change.received)))}
${card(t('columns.resolved'), num(f.integer(total.current.resolved)), num(f.integer(total.previous.resolved)), num(f.signedInteger(total.change.resolved)))}
${card(t('columns.on_time_rate'), num(f.percent(total.current.onTimeRate)), num(f.percent(total.previous.onTimeRate)), trend(points(total.change.onTimeRatePoints), total.change.onTimeRatePoints, true))}
${card(t('columns.average_days'), days(total.current.averageResolutionDays), days(total.previous.averageResolutionDays), trend(total.change.averageResolutionDays === null ? NO_VALUE : t('days_value', { value: f.signedDecimal(total.change.averageResolutionDays) }), total.change.averageResolutionDays, false))}
</section>`;

	const legalRows: [string, (figures: Figures) => number][] = [
		[t('columns.legal_received'), (figures) => figures.legal.received],
		[t('columns.ack_in_time'), (figures) => figures.legal.acknowledgedInTime],
		[t('columns.ack_late'), (figures) => figures.legal.acknowledgedLate],
		[t('columns.ack_pending'), (figures) => figures.legal.acknowledgementPending],
		[t('columns.answer_in_time', { days: legalCeilingDays }), (figures) => figures.legal.answeredInTime],
		[t('columns.answer_late', { days: legalCeilingDays }), (figures) => figures.legal.answeredLate],
		[t('columns.answer_pending'), (figures) => figures.legal.answerPending],
	];
	const legal = `<h2>${t('sections.legal')}</h2>
<p class="note">${t('sections.legal_note', { days: legalCeilingDays })}</p>
<table class="legal" data-section="legal"><thead><tr><th></th><th>${escapeHtml(thisMonth)}</th><th class="prev">${escapeHtml(lastMonth)}</th></tr></thead><tbody>
${legalRows.map(([label, pick], index) => `<tr data-legal="${index}"><td>${label}</td><td>${num(f.integer(pick(total.current)))}</td><td class="prev">${num(f.integer(pick(total.previous)))}</td></tr>`).join('\n')}
</tbody></table>`;

	const figuresTable = (section: string, title: string, lines: Line[], fallback: string, withTotal: boolean) => {
		if (lines.length === 0) return '';
		const cells = (line: Line) =>
			[
				num(f.integer(line.current.received)),
				`<span class="prev">${num(f.integer(line.previous.received))}</span>`,
				num(f.integer(line.current.resolved)),
				`<span class="prev">${num(f.integer(line.previous.resolved))}</span>`,
				num(f.percent(line.current.onTimeRate)),
				`<span class="prev">${num(f.percent(line.previous.onTimeRate))}</span>`,
				days(line.current.averageResolutionDays),
				`<span class="prev">${days(line.previous.averageResolutionDays)}</span>`,
				num(f.integer(line.current.legal.answeredInTime)),
			]
				.map((cell, index) => `<td${index % 2 === 1 && index < 8 ? ' class="prev"' : ''}>${cell}</td>`)
				.join('');
		const selected = (line: Line) =>
			report.arrondissement !== 'all' && line.code === report.arrondissement && section === 'arrondissement'
				? ' class="selected"'
				: '';
		return `<h2>${title}</h2>
<table data-section="${section}"><thead>
<tr class="group"><th></th><th colspan="2">${t('columns.received')}</th><th colspan="2">${t('columns.resolved')}</th><th colspan="2">${t('columns.on_time_rate')}</th><th colspan="2">${t('columns.average_days')}</th><th></th></tr>
<tr><th>${t('columns.name')}</th>${[0, 1, 2, 3].map(() => `<th>${escapeHtml(thisMonth)}</th><th class="prev">${escapeHtml(lastMonth)}</th>`).join('')}<th>${t('columns.answer_in_time', { days: legalCeilingDays })}</th></tr>
</thead><tbody>
${lines.map((line) => `<tr${selected(line)} data-code="${escapeHtml(line.code ?? '')}"><td>${name(line, fallback)}</td>${cells(line)}</tr>`).join('\n')}
${withTotal ? `<tr class="total"><td>${escapeHtml(report.arrondissementName ? report.arrondissementName[language] : translate(language, 'reports.whole_commune'))}</td>${cells(total)}</tr>` : ''}
</tbody></table>`;
	};

	const leagueRow = (row: LeagueRow) => {
		const moved = row.previousRank - row.rank;
		return `<tr${row.code === report.arrondissement ? ' class="selected"' : ''} data-code="${escapeHtml(row.code)}"><td>${num(f.integer(row.rank))}. ${escapeHtml(row.name[language])}</td><td>${num(f.percent(row.onTimeRate))}</td><td>${days(row.averageResolutionDays)}</td><td>${num(f.integer(row.resolved))}</td><td>${num(f.integer(row.received))}</td><td>${num(f.decimal(row.receivedPer10k))}</td><td>${num(f.percent(row.legalAnswerRate))}</td><td class="prev">${trend(`${f.integer(row.previousRank)}${moved !== 0 ? ` (${f.signedInteger(moved)})` : ''}`, moved, true)}</td></tr>`;
	};
	const league = `<h2>${t('sections.league')}</h2>
<p class="note">${t('sections.league_note')}</p>
<table data-section="league"><thead><tr><th>${t('columns.rank')}</th><th>${t('columns.on_time_rate')}</th><th>${t('columns.average_days')}</th><th>${t('columns.resolved')}</th><th>${t('columns.received')}</th><th>${t('columns.per_10k')}</th><th>${t('columns.legal_answer_rate')}</th><th class="prev">${t('columns.previous_rank')}</th></tr></thead>
<tbody>${report.league.map(leagueRow).join('\n')}</tbody></table>`;

	const nav = options.navigation;
	const navigation = nav
		? `<nav class="controls" aria-label="${t('title')}"><form method="get" action="${escapeHtml(nav.action)}" style="display:contents">
<label>${t('month_label')}<select name="month">${nav.months.map((month) => `<option value="${month}"${month === report.month ? ' selected' : ''}>${escapeHtml(f.month(month))}</option>`).join('')}</select></label>
<label>${t('arrondissement_label')}<select name="arrondissement"><option value="all"${report.arrondissement === 'all' ? ' selected' : ''}>${t('whole_commune')}</option>${nav.arrondissements
				.map(
					(row) =>
						`<option value="${escapeHtml(row.code)}"${row.code === report.arrondissement ? ' selected' : ''}>${escapeHtml(language === 'ar' ? row.name_ar : row.name_fr)}</option>`,
				)
				.join('')}</select></label>
<label>${t('language_label')}<select name="lang"><option value="fr"${language === 'fr' ? ' selected' : ''} lang="fr">Français</option><option value="ar"${language === 'ar' ? ' selected' : ''} lang="ar">العربية</option></select></label>
<button type="submit" class="primary">${t('show')}</button></form>
<span class="spacer"></span>
<button type="button" data-print>${t('print')}</button>
<a class="button" href="${escapeHtml(options.csvHref)}" download>${t('download_csv')}</a></nav>`
		: `<nav class="controls"><span class="spacer"></span><button type="button" data-print>${t('print')}</button><a class="button" href="${escapeHtml(options.csvHref)}" download>${t('download_csv')}</a></nav>`;

	return `<!doctype html>
<html lang="${language}" dir="${language === 'ar' ? 'rtl' : 'ltr'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${t('title')} · ${escapeHtml(thisMonth)} · ${scope}</title>
<style>${STYLE}</style>
<script src="${escapeHtml(options.scriptSrc)}" defer></script>
</head>
<body>
${navigation}
<header>
<p class="commune">${t('commune')}</p>
<h1>${t('title')} · ${escapeHtml(thisMonth)}</h1>
<p class="meta"><strong>${scope}</strong><span>${t('compared_with', { month: lastMonth })}</span><span>${t('generated_at', { date: f.dateTime(report.generatedAt) })}</span></p>
</header>
<main>
<h2>${t('sections.summary')}</h2>
${cards}
${legal}
${figuresTable('prefecture', t('sections.by_prefecture'), report.byPrefecture, '', report.arrondissement === 'all')}
${figuresTable('arrondissement', t('sections.by_arrondissement'), report.byArrondissement, translate(language, 'reports.unlocated'), false)}
${figuresTable('service', t('sections.by_service'), report.byService, translate(language, 'reports.other_service'), true)}
${league}
</main>
<footer>${t('privacy')}</footer>
</body>
</html>
`;
}

/** The print button's script (served as a file: the Content-Security-Policy forbids inline scripts). */
export const PRINT_SCRIPT = `document.querySelectorAll('[data-print]').forEach(function (button) { button.addEventListener('click', function () { window.print(); }); });\n`;
