// Everything the platform holds about one person, gathered for the right of
// access (loi 09-08): their complaints (found from one complaint, a phone
// number or an e-mail), the history entries that concern them, messages sent
// and received, attachments and the access journal of their contact details.
import type { Knex } from 'knex';
import { toIsoTimestamp } from '../../domain/calendar/instant';
import type { Language } from '../../domain/i18n/messages';
import { type AccessComplaint, type AccessDocument, type Translate } from '../../domain/privacy/access-report';
import { phoneVariants } from '../../domain/privacy/access-link';

export interface PersonSubject {
	complaint?: string | null;
	phone?: string | null;
	email?: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The complaint's id from an id or a reference; null when none. */
export async function complaintId(knex: Knex, value: string): Promise<string | null> {
	const row = UUID.test(value)
		? await knex('complaints').select('id').where({ id: value }).first()
		: await knex('complaints').select('id').where({ reference: value.trim().toUpperCase() }).first();
	return row ? String(row.id) : null;
}

/** Ids of every complaint of the person: same phone (any written form) or same e-mail, and their WhatsApp conversations. */
export async function complaintsOfPerson(knex: Knex, subject: PersonSubject): Promise<string[]> {
	const ids = new Set<string>();
	const phones = new Set<string>();
	const emails = new Set<string>();
	if (subject.complaint) {
		const id = await complaintId(knex, subject.complaint);
		if (id) {
			ids.add(id);
			const contact = await knex('citizen_contacts').select('phone', 'email').where({ complaint: id }).first();
			if (contact?.phone) phones.add(contact.phone);
			if (contact?.email) emails.add(String(contact.email).toLowerCase());
		}
	}
	if (subject.phone?.trim()) phones.add(subject.phone.trim());
	if (subject.email?.trim()) emails.add(subject.email.trim().toLowerCase());
	const variants = [...phones].flatMap(phoneVariants);
	if (variants.length > 0 || emails.size > 0) {
		const rows = await knex('citizen_contacts')
			.select('complaint')
			.where((q) => {
				if (variants.length > 0) q.orWhereIn('phone', variants);
				if (emails.size > 0) q.orWhereIn(knex.raw('LOWER(email)') as unknown as string, [...emails]);
			});
		for (const row of rows) if (row.complaint) ids.add(String(row.complaint));
		const waKeys = variants.filter((v) => /^\d+$/.test(v)).map((v) => `whatsapp:${v}`);
		if (waKeys.length > 0)
			for (const row of await knex('conversations')
				.select('complaint')
				.whereIn('contact_key', waKeys)
				.whereNotNull('complaint'))
				ids.add(String(row.complaint));
		if (emails.size > 0)
			for (const row of await knex('mail_messages')
				.select('complaint')
				.whereIn(knex.raw('LOWER(from_address)') as unknown as string, [...emails])
				.whereNotNull('complaint'))
				ids.add(String(row.complaint));
	}
	return [...ids];
}

/** The document for these complaints, in one language. */
export async function personDocument(
	knex: Knex,
	ids: string[],
	language: Language,
	t: Translate,
	now = new Date(),
): Promise<AccessDocument> {
	const name = (fr: unknown, ar: unknown) => ((language === 'ar' ? ar : fr) as string | null) ?? null;
	const rows = await knex('complaints as c')
		.leftJoin('categories as cat', 'cat.code', 'c.category')
		.leftJoin('arrondissements as a', 'a.code', 'c.arrondissement')
		.whereIn('c.id', ids)
		.select(
			'c.id',
			'c.reference',
			'c.status',
			'c.channel',
			'c.received_at',
			'c.closed_at',
			'c.personal_data_erased_at',
			'c.description',
			'c.address',
			'c.public_reply',
			'c.rejection_reason',
			'cat.name_fr as cat_fr',
			'cat.name_ar as cat_ar',
			'a.name_fr as arr_fr',
			'a.name_ar as arr_ar',
		)
		.orderBy('c.received_at');
	const [contacts, events, outbox, mails, files, journal, conversations] = await Promise.all([
		knex('citizen_contacts').whereIn('complaint', ids).select('complaint', 'name', 'phone', 'email', 'postal_address'),
		// every entry but the staff's internal notes: what happened to the complaint, what the citizen said, corrections of their details
		knex('complaint_events')
			.whereIn('complaint', ids)
			.whereNot((q) => q.where('type', 'note').andWhere('visibility', 'internal').andWhereNot('actor_kind', 'citizen'))
			.select('complaint', 'type', 'to_status', 'body', 'actor_kind', 'date_created')
			.orderBy('date_created')
			.orderBy('id'),
		knex('outbox')
			.whereIn('complaint', ids)
			.select('complaint', 'channel', 'recipient', 'event', 'status', 'date_created', 'sent_at')
			.orderBy('id'),
		knex('mail_messages')
			.whereIn('complaint', ids)
			.select('complaint', 'from_address', 'subject', 'date_created')
			.orderBy('id'),
		knex('complaint_files as cf')
			.leftJoin('directus_files as f', 'f.id', 'cf.directus_files_id')
			.whereIn('cf.complaints_id', ids)
			.select('cf.complaints_id as complaint', 'cf.kind', 'f.filename_download', 'f.type', 'f.filesize')
			.orderBy('cf.id'),
		knex('access_journal as j')
			.leftJoin('directus_users as u', 'u.id', 'j.user')
			.whereIn('j.complaint', ids)
			.select('j.complaint', 'j.date_created', 'j.screen', 'j.data', 'u.first_name', 'u.last_name')
			.orderBy('j.id'),
		knex('conversations').whereIn('complaint', ids).select('channel', 'date_created', 'last_inbound_at', 'state'),
	]);
	const of = <T extends { complaint: unknown }>(list: T[], id: string) =>
		list.filter((row) => String(row.complaint) === id);
	const by = (kind: unknown) =>
		t(
			kind === 'citizen'
				? 'privacy.access.citizen'
				: kind === 'system'
					? 'privacy.access.platform'
					: 'privacy.access.staff',
		);
	const complaints: AccessComplaint[] = rows.map((row) => {
		const id = String(row.id);
		const contact = of(contacts, id)[0];
		return {
			reference: row.reference,
			status: row.status,
			channel: row.channel,
			category: name(row.cat_fr, row.cat_ar),
			arrondissement: name(row.arr_fr, row.arr_ar),
			received_at: toIsoTimestamp(row.received_at),
			closed_at: toIsoTimestamp(row.closed_at),
			personal_data_erased_at: toIsoTimestamp(row.personal_data_erased_at),
			description: row.description ?? null,
			address: row.address ?? null,
			public_reply: row.public_reply ?? null,
			rejection_reason: row.rejection_reason ?? null,
			contact: contact
				? {
						name: contact.name ?? null,
						phone: contact.phone ?? null,
						email: contact.email ?? null,
						postal_address: contact.postal_address ?? null,
					}
				: null,
			history: of(events, id).map((e) => ({
				at: toIsoTimestamp(e.date_created),
				type: e.type,
				status: e.to_status ?? null,
				body: e.body ?? null,
				by: by(e.actor_kind),
			})),
			messages_sent: of(outbox, id).map((m) => ({
				at: toIsoTimestamp(m.sent_at ?? m.date_created),
				channel: m.channel,
				recipient: m.recipient ?? null,
				event: m.event,
				status: m.status,
			})),
			messages_received: of(mails, id).map((m) => ({
				at: toIsoTimestamp(m.date_created),
				channel: 'email',
				from: m.from_address ?? null,
				subject: m.subject ?? null,
			})),
			attachments: of(files, id).map((f) => ({
				kind: f.kind,
				name: f.filename_download ?? null,
				type: f.type ?? null,
				size: f.filesize === null || f.filesize === undefined ? null : Number(f.filesize),
			})),
			access_journal: of(journal, id).map((j) => ({
				at: toIsoTimestamp(j.date_created),
				by: [j.first_name, j.last_name].filter(Boolean).join(' ') || t('privacy.access.staff'),
				screen: j.screen ?? null,
				data: j.data ?? null,
			})),
		};
	});
	return {
		generated_at: now.toISOString(),
		language,
		controller: t('privacy.controller'),
		complaints,
		conversations: conversations.map((c) => ({
			channel: c.channel,
			started_at: toIsoTimestamp(c.date_created),
			last_message_at: toIsoTimestamp(c.last_inbound_at),
			state: c.state ?? null,
		})),
	};
}
