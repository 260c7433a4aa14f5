// The document a citizen receives when they exercise their right of access
// (loi 09-08, article 7): everything the platform holds about them, readable,
// in French or Arabic, and the same content as JSON. Plain data in, plain
// text out; the endpoint (endpoints/privacy) gathers the rows.
import type { Language } from '../i18n/messages';

export type Translate = (key: string, values?: Record<string, unknown>) => string;

export interface AccessComplaint {
	reference: string;
	status: string;
	channel: string;
	category: string | null;
	arrondissement: string | null;
	received_at: string | null;
	closed_at: string | null;
	personal_data_erased_at: string | null;
	description: string | null;
	address: string | null;
	public_reply: string | null;
	rejection_reason: string | null;
	contact: { name: string | null; phone: string | null; email: string | null; postal_address: string | null } | null;
	history: { at: string | null; type: string; status: string | null; body: string | null; by: string }[];
	messages_sent: { at: string | null; channel: string; recipient: string | null; event: string; status: string }[];
	messages_received: { at: string | null; channel: string; from: string | null; subject: string | null }[];
	attachments: { kind: string; name: string | null; type: string | null; size: number | null }[];
	access_journal: { at: string | null; by: string; screen: string | null; data: string | null }[];
}

export interface AccessDocument {
	generated_at: string;
	language: Language;
	controller: string;
	complaints: AccessComplaint[];
	conversations: { channel: string; started_at: string | null; last_message_at: string | null; state: string | null }[];
}

const escape = (value: unknown): string =>
	String(value ?? '').replace(
		/[&<>"']/g,
		(char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] as string,
	);

function table(headers: string[], rows: unknown[][], empty: string): string {
	if (rows.length === 0) return `<p class="empty">${escape(empty)}</p>`;
	return `<table><thead><tr>${headers.map((h) => `<th>${escape(h)}</th>`).join('')}</tr></thead><tbody>${rows
		.map((row) => `<tr>${row.map((cell) => `<td>${escape(cell ?? '—')}</td>`).join('')}</tr>`)
		.join('')}</tbody></table>`;
}

/** A standalone HTML page (no script, no external resource). */
export function renderAccessHtml(document: AccessDocument, t: Translate): string {
	const { language } = document;
	const sections = document.complaints.map((c) => {
		const contact = c.contact;
		const facts: [string, unknown][] = [
			[t('privacy.access.status'), t(`status.${c.status}`)],
			[t('privacy.access.channel'), t(`channel.${c.channel}`)],
			[t('privacy.access.category'), c.category],
			[t('privacy.access.arrondissement'), c.arrondissement],
			[t('privacy.access.received_at'), c.received_at],
			[t('privacy.access.closed_at'), c.closed_at],
			[t('privacy.access.address'), c.address],
			[t('privacy.access.description'), c.description],
			[t('privacy.access.public_reply'), c.public_reply],
			[t('privacy.access.rejection_reason'), c.rejection_reason],
		];
		const contactRows: [string, unknown][] = contact
			? [
					[t('privacy.access.name'), contact.name],
					[t('privacy.access.phone'), contact.phone],
					[t('privacy.access.email'), contact.email],
					[t('privacy.access.postal_address'), contact.postal_address],
				]
			: [];
		return `<section><h2>${escape(t('privacy.access.complaint', { reference: c.reference }))}</h2>
<dl>${facts
			.filter(([, v]) => v !== null && v !== undefined && v !== '')
			.map(([k, v]) => `<dt>${escape(k)}</dt><dd>${escape(v)}</dd>`)
			.join('')}</dl>
<h3>${escape(t('privacy.access.contact'))}</h3>
${contact ? `<dl>${contactRows.map(([k, v]) => `<dt>${escape(k)}</dt><dd>${escape(v ?? '—')}</dd>`).join('')}</dl>` : `<p class="empty">${escape(c.personal_data_erased_at ? t('privacy.access.erased', { date: c.personal_data_erased_at }) : t('privacy.access.no_contact'))}</p>`}
<h3>${escape(t('privacy.access.history'))}</h3>
${table(
	[
		t('privacy.access.at'),
		t('privacy.access.event'),
		t('privacy.access.status'),
		t('privacy.access.text'),
		t('privacy.access.by'),
	],
	c.history.map((e) => [e.at, t(`event.${e.type}`), e.status ? t(`status.${e.status}`) : null, e.body, e.by]),
	t('privacy.access.none'),
)}
<h3>${escape(t('privacy.access.messages_sent'))}</h3>
${table(
	[
		t('privacy.access.at'),
		t('privacy.access.channel'),
		t('privacy.access.recipient'),
		t('privacy.access.event'),
		t('privacy.access.status'),
	],
	c.messages_sent.map((m) => [m.at, m.channel, m.recipient, m.event, m.status]),
	t('privacy.access.none'),
)}
<h3>${escape(t('privacy.access.messages_received'))}</h3>
${table(
	[t('privacy.access.at'), t('privacy.access.channel'), t('privacy.access.from'), t('privacy.access.subject')],
	c.messages_received.map((m) => [m.at, m.channel, m.from, m.subject]),
	t('privacy.access.none'),
)}
<h3>${escape(t('privacy.access.attachments'))}</h3>
${table(
	[t('privacy.access.kind'), t('privacy.access.file'), t('privacy.access.type'), t('privacy.access.size')],
	c.attachments.map((a) => [a.kind, a.name, a.type, a.size]),
	t('privacy.access.none'),
)}
<h3>${escape(t('privacy.access.journal'))}</h3>
${table(
	[t('privacy.access.at'), t('privacy.access.by'), t('privacy.access.screen'), t('privacy.access.data')],
	c.access_journal.map((j) => [j.at, j.by, j.screen, j.data]),
	t('privacy.access.none'),
)}
</section>`;
	});
	const conversations = document.conversations.length
		? `<section><h2>${escape(t('privacy.access.conversations'))}</h2>${table(
				[
					t('privacy.access.channel'),
					t('privacy.access.started_at'),
					t('privacy.access.last_message_at'),
					t('privacy.access.state'),
				],
				document.conversations.map((c) => [c.channel, c.started_at, c.last_message_at, c.state]),
				t('privacy.access.none'),
			)}</section>`
		: '';
	return `<!doctype html>
<html lang="${language}" dir="${language === 'ar' ? 'rtl' : 'ltr'}"><head><meta charset="utf-8"><title>${escape(t('privacy.access.title'))}</title>
<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.5}table{border-collapse:collapse;width:100%}th,td{border:1px solid #ccc;padding:.3rem;text-align:start;vertical-align:top}dt{font-weight:600}dd{margin:0 0 .4rem}.empty{color:#555}</style></head>
<body><h1>${escape(t('privacy.access.title'))}</h1>
<p>${escape(t('privacy.access.intro', { controller: document.controller, date: document.generated_at, count: document.complaints.length }))}</p>
${sections.join('\n')}
${conversations}
<p>${escape(t('privacy.access.rights'))}</p>
</body></html>`;
}
