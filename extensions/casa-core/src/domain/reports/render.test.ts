import { describe, expect, it } from 'vitest';
import { BOM, csvFileName, reportCsv } from './csv';
import { type Counts, type GroupRow, type ReferenceRows, buildReport, emptyCounts } from './figures';
import { formatter } from './format';
import { escapeHtml, renderReportHtml } from './html';

const DAY = 86_400_000;
const reference: ReferenceRows = {
	prefectures: [{ code: 'P1', name_fr: 'Casablanca-Anfa', name_ar: 'الدار البيضاء-أنفا' }],
	arrondissements: [
		{ code: 'A1', name_fr: 'Anfa', name_ar: 'أنفا', prefecture: 'P1', population: 66_202 },
		{ code: 'A2', name_fr: 'Maârif', name_ar: 'المعاريف', prefecture: 'P1', population: 139_669 },
	],
	services: [{ code: 'PROP', name_fr: 'Propreté', name_ar: 'النظافة' }],
};
const counts = (values: Partial<Counts>): Counts => ({ ...emptyCounts(), ...values });
const rows: GroupRow[] = [
	{
		arrondissement: 'A1',
		service: 'PROP',
		current: counts({
			received: 1234,
			resolved: 4,
			resolvedOnTime: 3,
			resolutionMs: 10 * DAY,
			acknowledgedInTime: 5,
			answeredInTime: 2,
		}),
		previous: counts({ received: 2, resolved: 1, resolvedOnTime: 1, resolutionMs: 1 * DAY }),
	},
];
const report = buildReport({
	month: '2026-05',
	previousMonth: '2026-04',
	arrondissement: 'all',
	service: null,
	generatedAt: new Date('2026-06-02T08:00:00Z'),
	rows,
	reference,
});
const options = {
	legalCeilingDays: 60,
	csvHref: '/reports/monthly?month=2026-05&format=csv',
	scriptSrc: '/reports/print.js',
};

describe('formatter', () => {
	it('writes Western digits in both languages', () => {
		expect(formatter('ar').integer(1234)).toMatch(/^1.?234$/);
		expect(formatter('ar').percent(0.75)).toMatch(/75[.,]0/);
		expect(formatter('fr').month('2026-05')).toBe('mai 2026');
		expect(formatter('ar').month('2026-05')).toMatch(/2026/);
		expect(formatter('ar').month('2026-05')).toMatch(/[\u0600-\u06FF]/);
		expect(formatter('fr').decimal(null)).toBe('—');
	});
});

describe('renderReportHtml', () => {
	it('renders Arabic right to left with Arabic labels and Noto fonts', () => {
		const html = renderReportHtml(report, { ...options, language: 'ar' });
		expect(html).toContain('<html lang="ar" dir="rtl">');
		expect(html).toContain('التقرير الشهري للشكايات');
		expect(html).toContain('المعاريف');
		expect(html).toContain('Noto Naskh Arabic');
		expect(html).toContain('@page { size: A4');
		expect(html).not.toMatch(/[\u0660-\u0669]/);
	});

	it('renders French left to right, with the legal register and the league table', () => {
		const html = renderReportHtml(report, { ...options, language: 'fr' });
		expect(html).toContain('<html lang="fr" dir="ltr">');
		expect(html).toContain('Registre légal (décret 2-17-265)');
		expect(html).toContain('Répondues sous 60 jours');
		expect(html).toContain('data-section="league"');
		expect(html).toContain('href="/reports/monthly?month=2026-05&amp;format=csv"');
		expect(html).not.toContain('<form');
	});

	it('adds the GET form when navigation is given', () => {
		const html = renderReportHtml(report, {
			...options,
			language: 'fr',
			navigation: {
				action: '/reports/monthly',
				months: ['2026-05', '2026-04'],
				arrondissements: reference.arrondissements,
			},
		});
		expect(html).toContain('<form method="get" action="/reports/monthly"');
		expect(html).toContain('<option value="2026-05" selected>mai 2026</option>');
		expect(html).toContain('<option value="A2">Maârif</option>');
	});

	it('escapes what it prints', () => {
		expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
		const hostile = buildReport({
			...report,
			previousMonth: '2026-04',
			rows,
			reference: { ...reference, services: [{ code: 'PROP', name_fr: '<script>alert(1)</script>', name_ar: 'x' }] },
		});
		expect(renderReportHtml(hostile, { ...options, language: 'fr' })).not.toContain('<script>alert(1)');
	});
});

describe('reportCsv', () => {
	it('starts with a BOM and has headers in the language', () => {
		const fr = reportCsv(report, 'fr', 60);
		expect(fr.startsWith(BOM)).toBe(true);
		const [header, total] = fr.slice(1).split('\r\n');
		expect(header).toContain('Reçues (Ce mois)');
		expect(header).toContain('Répondues sous 60 jours (Ce mois)');
		expect(total).toBe('Total,,Toute la commune,1234,2,4,1,75.0,100.0,2.5,1.0,5,0,0,0,2,0,0,0,,,');
		const ar = reportCsv(report, 'ar', 60);
		expect(ar.slice(1).split('\r\n')[0]).toContain('المتوصل بها (هذا الشهر)');
		expect(ar).toContain('المعاريف');
	});

	it('neutralises names a spreadsheet would run as a formula, and keeps numbers as numbers', () => {
		const hostile = buildReport({
			...report,
			previousMonth: '2026-04',
			rows,
			reference: {
				...reference,
				services: [{ code: 'PROP', name_fr: '=HYPERLINK("http://x","clic")', name_ar: '@x' }],
			},
		});
		const csv = reportCsv(hostile, 'fr', 60);
		expect(csv).toContain(`"'=HYPERLINK(""http://x"",""clic"")"`);
		expect(csv).not.toMatch(/(^|,)=HYPERLINK/m);
		expect(reportCsv(hostile, 'ar', 60)).toContain("'@x");
	});

	it('ranks arrondissements in their rows', () => {
		const lines = reportCsv(report, 'fr', 60).split('\r\n');
		expect(lines.find((line) => line.startsWith('Arrondissement,A1,'))).toMatch(/,1,1,186\.4$/);
		expect(csvFileName(report, 'ar')).toBe('report-2026-05-all-ar.csv');
	});
});
