// The acknowledgment receipt (accusé de réception) handed over at the counter
// or mailed: what it says, in French or Arabic, and its print-ready A4 page.
// Only what the citizen gave for their own receipt (their name) is printed:
// never their phone, e-mail or the description.
import { CASABLANCA_TIME_ZONE } from '../calendar';
import type { Language } from '../i18n/messages';

export type Translate = (key: string, values?: Record<string, unknown>) => string;

export interface ReceiptFacts {
	reference: string;
	channel: string;
	receivedAt: Date;
	issuedAt: Date;
	registryNumber: string | null;
	category: string;
	service: string;
	arrondissement: string | null;
	resolveDueAt: Date | null;
	legalDueAt: Date | null;
	trackingUrl: string;
	trackingCode: string;
	citizenName: string | null;
	/** loi 09-08: how long the contact details are kept, from the settings (domain/privacy/retention periodKey) */
	retentionNotice?: string | null;
}

export interface ReceiptModel {
	lang: Language;
	dir: 'rtl' | 'ltr';
	title: string;
	issuer: string;
	rows: { label: string; value: string }[];
	follow: { title: string; text: string; url: string; code: string; codeLabel: string };
	notice: string;
	footer: string;
}

export function formatDate(date: Date, language: Language, withTime = false): string {
	return new Intl.DateTimeFormat(language === 'ar' ? 'ar-MA' : 'fr-FR', {
		timeZone: CASABLANCA_TIME_ZONE,
		numberingSystem: 'latn',
		day: 'numeric',
		month: 'long',
		year: 'numeric',
		...(withTime ? { hour: '2-digit', minute: '2-digit' } : {}),
	}).format(date);
}

/** The tracking code in groups of four, easier to read aloud and to type back. */
export function groupCode(code: string): string {
	return code.replace(/(.{4})(?=.)/g, '$1 ');
}

export function receiptModel(facts: ReceiptFacts, language: Language, t: Translate): ReceiptModel {
	const rows: { label: string; value: string }[] = [
		{ label: t('desk.receipt.reference'), value: facts.reference },
		{
			label: t('desk.receipt.received_at'),
			value: formatDate(facts.receivedAt, language, facts.channel !== 'courrier'),
		},
		{ label: t('desk.receipt.channel'), value: t(`channel.${facts.channel}`) },
	];
	if (facts.registryNumber) rows.push({ label: t('desk.receipt.registry_number'), value: facts.registryNumber });
	if (facts.citizenName) rows.push({ label: t('desk.receipt.citizen'), value: facts.citizenName });
	rows.push(
		{ label: t('desk.receipt.category'), value: facts.category },
		{ label: t('desk.receipt.service'), value: facts.service },
	);
	if (facts.arrondissement) rows.push({ label: t('desk.receipt.arrondissement'), value: facts.arrondissement });
	if (facts.resolveDueAt)
		rows.push({ label: t('desk.receipt.expected_at'), value: formatDate(facts.resolveDueAt, language) });
	if (facts.legalDueAt)
		rows.push({ label: t('desk.receipt.legal_due_at'), value: formatDate(facts.legalDueAt, language) });
	return {
		lang: language,
		dir: language === 'ar' ? 'rtl' : 'ltr',
		title: t('desk.receipt.title'),
		issuer: t('desk.receipt.issuer'),
		rows,
		follow: {
			title: t('desk.receipt.follow_title'),
			text: t('desk.receipt.follow_text'),
			url: facts.trackingUrl,
			code: groupCode(facts.trackingCode),
			codeLabel: t('desk.receipt.tracking_code'),
		},
		notice: [t('desk.receipt.notice'), facts.retentionNotice].filter(Boolean).join(' '),
		footer: t('desk.receipt.issued_at', { date: formatDate(facts.issuedAt, language, true) }),
	};
}

/** Inline scripts of the page, allowed by their hash in its Content-Security-Policy. */
export const PRINT_SCRIPT = 'document.getElementById("print").addEventListener("click", () => window.print());';
export const AUTO_PRINT_SCRIPT = 'window.addEventListener("load", () => window.print());';

export function escapeHtml(value: string): string {
	return value.replace(
		/[&<>"']/g,
		(character) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[character]!,
	);
}

/** A self-contained A4 page (no external resource): the browser shapes Arabic and lays it out right to left. */
export function receiptHtml(
	model: ReceiptModel,
	qrSvg: string,
	options: { printButton: string; autoPrint?: boolean },
): string {
	const rows = model.rows
		.map((row) => `<tr><th scope="row">${escapeHtml(row.label)}</th><td>${escapeHtml(row.value)}</td></tr>`)
		.join('');
	return `<!doctype html>
<html lang="${model.lang}" dir="${model.dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(model.title)} · ${escapeHtml(model.rows[0].value)}</title>
<style>
@page { size: A4; margin: 18mm 16mm; }
* { box-sizing: border-box; }
html { background: #e9edf1; }
body { margin: 0; font: 11.5pt/1.5 ${model.lang === 'ar' ? '"Noto Naskh Arabic", "Noto Sans Arabic", "Amiri", "Arial", sans-serif' : '"Noto Sans", "DejaVu Sans", "Arial", sans-serif'}; color: #111; }
.sheet { width: 210mm; min-height: 297mm; margin: 8mm auto; padding: 18mm 16mm; background: #fff; box-shadow: 0 1px 6px rgba(0,0,0,.25); }
header { display: flex; justify-content: space-between; align-items: flex-start; border-bottom: 2px solid #0E5A8A; padding-bottom: 4mm; margin-bottom: 6mm; }
.issuer { font-weight: 700; color: #0E5A8A; white-space: pre-line; }
.reference { font: 700 15pt/1.2 "Noto Sans Mono", "DejaVu Sans Mono", monospace; direction: ltr; unicode-bidi: isolate; }
h1 { font-size: 18pt; margin: 0 0 5mm; }
table { width: 100%; border-collapse: collapse; margin-bottom: 7mm; }
th, td { text-align: start; padding: 2.2mm 3mm; border-bottom: 1px solid #c9d3dc; vertical-align: top; }
th { width: 42%; font-weight: 600; color: #333; background: #f3f6f9; }
.follow { display: flex; gap: 7mm; align-items: center; border: 1.5px solid #0E5A8A; border-radius: 3mm; padding: 5mm; break-inside: avoid; }
.follow svg { width: 38mm; height: 38mm; flex: none; }
.follow h2 { font-size: 13pt; margin: 0 0 2mm; }
.url, .code { direction: ltr; unicode-bidi: isolate; font-family: "Noto Sans Mono", "DejaVu Sans Mono", monospace; word-break: break-all; }
.code { font-size: 13pt; font-weight: 700; letter-spacing: .04em; }
.notice { margin-top: 7mm; font-size: 9.5pt; color: #333; }
footer { margin-top: 10mm; font-size: 9pt; color: #555; border-top: 1px solid #c9d3dc; padding-top: 3mm; }
.actions { text-align: center; margin: 6mm; }
.actions button { font: inherit; padding: 2.5mm 8mm; border: 0; border-radius: 2mm; background: #0E5A8A; color: #fff; cursor: pointer; }
.actions button:focus-visible { outline: 3px solid #f0a000; outline-offset: 2px; }
@media print { html { background: #fff; } .sheet { margin: 0; padding: 0; width: auto; min-height: 0; box-shadow: none; } .actions { display: none; } }
</style>
</head>
<body>
<div class="actions"><button type="button" id="print" autofocus>${escapeHtml(options.printButton)}</button></div>
<main class="sheet">
<header><div class="issuer">${escapeHtml(model.issuer)}</div><div class="reference">${escapeHtml(model.rows[0].value)}</div></header>
<h1>${escapeHtml(model.title)}</h1>
<table>${rows}</table>
<section class="follow" aria-labelledby="follow-title">
<div class="qr" role="img" aria-label="QR">${qrSvg}</div>
<div><h2 id="follow-title">${escapeHtml(model.follow.title)}</h2><p>${escapeHtml(model.follow.text)}</p>
<p class="url">${escapeHtml(model.follow.url.replace(/#.*$/, ''))}</p>
<p>${escapeHtml(model.follow.codeLabel)} <span class="code">${escapeHtml(model.follow.code)}</span></p></div>
</section>
<p class="notice">${escapeHtml(model.notice)}</p>
<footer>${escapeHtml(model.footer)}</footer>
</main>
<script>${PRINT_SCRIPT}${options.autoPrint ? AUTO_PRINT_SCRIPT : ''}</script>
</body>
</html>`;
}
